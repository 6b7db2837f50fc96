// septet_render, septet_parts and septet_recipient over a template, Sinch's `parameters` as jsonb
// and a recipient: what Sinch sends that recipient, or NULL and the reason it fails alone.
#include <optional>
#include <septet/message_template.hpp>
#include <septet/msisdn.hpp>
#include <septet/sinch/rules.hpp>

#include "pg_text.hpp"

extern "C" {
PG_FUNCTION_INFO_V1(septet_render);
PG_FUNCTION_INFO_V1(septet_template_parts);
PG_FUNCTION_INFO_V1(septet_recipient);
}

using namespace septet_pg;

namespace {

/// One parameter's value for the recipient at hand.
struct parameter_value {
  std::string_view key;
  std::string_view value;
};

/// The recipient's values, read from the jsonb before any counting starts: a parameter_source.
struct recipient_values {
  const parameter_value* values = nullptr;
  std::size_t size = 0;

  [[nodiscard]] auto value_for(std::string_view key, const septet::msisdn&) const
      -> std::optional<std::string_view> {
    for (std::size_t i = 0; i < size; ++i) {
      if (values[i].key == key) {
        return values[i].value;
      }
    }
    return std::nullopt;
  }
};

auto string_of(const JsonbValue& v) -> std::string_view {
  return as_utf8(v.val.string.val, v.val.string.len);
}

[[noreturn]] void report_bad_parameters(const char* detail) {
  ereport(ERROR,
          (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
           errmsg("septet: parameters must be a JSON object of strings or of objects of strings"),
           errdetail("%s", detail)));
  pg_unreachable();
}

/// A parameter's value for `recipient` from Sinch's form {MSISDN or "default": value}: the
/// recipient's own (its key in any MSISDN form), else the default, else nothing.
auto value_in_object(JsonbContainer* object, const std::optional<septet::msisdn>& recipient)
    -> std::optional<std::string_view> {
  std::optional<std::string_view> own;
  std::optional<std::string_view> fallback;
  JsonbIterator* it = JsonbIteratorInit(object);
  JsonbValue v;
  std::string_view key;
  for (auto token = JsonbIteratorNext(&it, &v, true); token != WJB_DONE;
       token = JsonbIteratorNext(&it, &v, true)) {
    if (token == WJB_KEY) {
      key = string_of(v);
    } else if (token == WJB_VALUE) {
      if (v.type != jbvString) {
        report_bad_parameters("a per-recipient value is not a string");
      }
      if (key == "default") {
        fallback = string_of(v);
      } else if (const auto number = septet::msisdn::parse(key);
                 recipient && number.ok() && number.value == *recipient) {
        own = string_of(v);
      }
    }
  }
  return own ? own : fallback;
}

/// Reads Sinch's `parameters` for `recipient`: key -> {MSISDN or "default" -> value}, or, for
/// one recipient's row, key -> value.
auto read_parameters(Jsonb* params, const std::optional<septet::msisdn>& recipient)
    -> recipient_values {
  if (!JB_ROOT_IS_OBJECT(params)) {
    report_bad_parameters("the parameters are not a JSON object");
  }
  const auto count = static_cast<std::size_t>(JB_ROOT_COUNT(params));
  auto* values = static_cast<parameter_value*>(palloc0(sizeof(parameter_value) * (count + 1)));
  recipient_values out{values, 0};
  JsonbIterator* it = JsonbIteratorInit(&params->root);
  JsonbValue v;
  std::string_view key;
  for (auto token = JsonbIteratorNext(&it, &v, true); token != WJB_DONE;
       token = JsonbIteratorNext(&it, &v, true)) {
    if (token == WJB_KEY) {
      key = string_of(v);
    } else if (token == WJB_VALUE && v.type == jbvString) {
      values[out.size++] = {key, string_of(v)};
    } else if (token == WJB_VALUE && v.type == jbvBinary &&
               JsonContainerIsObject(v.val.binary.data)) {
      if (const auto value = value_in_object(v.val.binary.data, recipient)) {
        values[out.size++] = {key, *value};
      }
    } else if (token == WJB_VALUE) {
      report_bad_parameters("a parameter is neither a string nor an object");
    }
  }
  return out;
}

/// A template, Sinch's way (placeholder_rules::lenient); PostgreSQL's error if it is not text.
auto template_argument(FunctionCallInfo fcinfo) -> septet::message_template {
  const auto body = utf8_argument(fcinfo, 0);
  const auto parsed = septet::message_template::parse(body, septet::sinch::placeholders);
  if (!parsed.ok()) {
    report_invalid_text("template", parsed.status);
  }
  return parsed.value;
}

/// The recipient (third argument), or nothing when it is not an MSISDN or not given.
auto recipient_argument(FunctionCallInfo fcinfo, septet::result& status)
    -> std::optional<septet::msisdn> {
  if (PG_NARGS() < 3) {
    return std::nullopt;
  }
  const auto parsed = septet::msisdn::parse(utf8_argument(fcinfo, 2));
  status = parsed.status;
  return parsed.ok() ? std::optional<septet::msisdn>(parsed.value) : std::nullopt;
}

/// What Sinch does with this recipient: the verdict on its rendered text, or the MSISDN's error.
struct recipient_case {
  septet::message_template tmpl;
  recipient_values values;
  std::optional<septet::msisdn> recipient;
  septet::result msisdn_status;
  septet::sinch::recipient_verdict verdict;
};

auto read_case(FunctionCallInfo fcinfo) -> recipient_case {
  recipient_case c{template_argument(fcinfo), {}, std::nullopt, {}, {}};
  c.recipient = recipient_argument(fcinfo, c.msisdn_status);
  c.values = read_parameters(PG_GETARG_JSONB_P(1), c.recipient);
  if (c.msisdn_status.ok()) {
    const septet::msisdn anyone;  // without an MSISDN only defaults and plain values apply
    c.verdict = septet::sinch::evaluate_recipient(c.tmpl, c.values, c.recipient.value_or(anyone),
                                                  septet::sinch::uncapped({}), 0);
  }
  return c;
}

}  // namespace

extern "C" {

/// septet_render(template text, params jsonb [, msisdn text]) -> text: the body Sinch sends the
/// recipient, or NULL when the recipient fails (septet_recipient says why).
Datum septet_render(PG_FUNCTION_ARGS) {
  const recipient_case c = read_case(fcinfo);
  if (!c.msisdn_status.ok() || !c.verdict.sent()) {
    PG_RETURN_NULL();
  }
  const septet::msisdn anyone;
  const auto& recipient = c.recipient ? *c.recipient : anyone;
  const auto needed = septet::render(c.tmpl, c.values, recipient, {});
  auto* out = static_cast<char*>(palloc(needed.count + 1));
  const auto written = septet::render(c.tmpl, c.values, recipient, {out, needed.count});
  PG_RETURN_DATUM(text_datum({out, written.count}));
}

/// septet_parts(template text, params jsonb [, msisdn text]) -> integer, without building the
/// text; NULL when the recipient fails.
Datum septet_template_parts(PG_FUNCTION_ARGS) {
  const recipient_case c = read_case(fcinfo);
  if (!c.msisdn_status.ok() || !c.verdict.sent()) {
    PG_RETURN_NULL();
  }
  PG_RETURN_DATUM(int4(c.verdict.counted.parts));
}

/// septet_recipient(template, params [, msisdn]) -> septet_recipient: encoding, characters,
/// units, parts, and, when Sinch fails the recipient alone, the reason (unmatched_parameter,
/// code 405, with the placeholder's byte offset in the template; invalid_msisdn) instead of the
/// figures.
Datum septet_recipient(PG_FUNCTION_ARGS) {
  const recipient_case c = read_case(fcinfo);
  const TupleDesc shape = result_shape(fcinfo, "septet_recipient");
  const auto& a = c.verdict.counted;
  const bool sent = c.msisdn_status.ok() && c.verdict.sent();
  const septet::result failure = !c.msisdn_status.ok() ? c.msisdn_status : a.status;
  const std::string_view reason =
      !c.msisdn_status.ok() ? septet::name(c.msisdn_status.ec) : c.verdict.reason();
  Datum values[7] = {CStringGetTextDatum(a.encoding == septet::encoding::ucs2 ? "ucs2" : "gsm7"),
                     int4(a.characters),
                     int4(a.units),
                     int4(a.parts),
                     sent ? Datum(0) : text_datum(reason),
                     sent ? Datum(0) : int4(failure.count),
                     Int32GetDatum(c.verdict.code())};
  bool nulls[7] = {!sent, !sent, !sent, !sent, sent, sent, sent || c.verdict.code() == 0};
  PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(shape, values, nulls)));
}

}  // extern "C"

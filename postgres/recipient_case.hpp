#ifndef SEPTET_POSTGRES_RECIPIENT_CASE_HPP
#define SEPTET_POSTGRES_RECIPIENT_CASE_HPP

// One recipient of a template, as Sinch treats it: the template, Sinch's `parameters` as jsonb
// (or one row's values), and the recipient, read from a function's arguments and judged by
// Sinch's per-recipient rule (rules.hpp).
#include <optional>
#include <septet/message_template.hpp>
#include <septet/msisdn.hpp>
#include <septet/sinch/rules.hpp>

#include "pg_text.hpp"

namespace septet_pg {

/// The argument position of a function without that argument.
inline constexpr int no_argument = -1;

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

inline auto string_of(const JsonbValue& v) -> std::string_view {
  return as_utf8(v.val.string.val, v.val.string.len);
}

[[noreturn]] inline void report_bad_parameters(const char* detail) {
  ereport(ERROR,
          (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
           errmsg("septet: parameters must be a JSON object of strings or of objects of strings"),
           errdetail("%s", detail)));
  pg_unreachable();
}

/// Calls visit(key, value) for each member of a jsonb object, without descending into values.
template <class Visit>
void for_each_member(JsonbContainer* object, Visit&& visit) {
  JsonbIterator* it = JsonbIteratorInit(object);
  JsonbValue v;
  std::string_view key;
  for (auto token = JsonbIteratorNext(&it, &v, true); token != WJB_DONE;
       token = JsonbIteratorNext(&it, &v, true)) {
    if (token == WJB_KEY) {
      key = string_of(v);
    } else if (token == WJB_VALUE) {
      visit(key, v);
    }
  }
}

/// A parameter's value for `recipient` from Sinch's form {MSISDN or "default": value}: the
/// recipient's own (its key in any MSISDN form), else the default, else nothing. A null is no
/// value.
inline auto value_in_object(JsonbContainer* object, const std::optional<septet::msisdn>& recipient)
    -> std::optional<std::string_view> {
  std::optional<std::string_view> own;
  std::optional<std::string_view> fallback;
  for_each_member(object, [&](std::string_view key, const JsonbValue& v) {
    if (v.type == jbvNull) {
      return;
    }
    if (v.type != jbvString) {
      report_bad_parameters("a per-recipient value is not a string");
    }
    if (key == "default") {
      fallback = string_of(v);
    } else if (const auto number = septet::msisdn::parse(key);
               recipient && number.ok() && *number == *recipient) {
      own = string_of(v);
    }
  });
  return own ? own : fallback;
}

/// Reads Sinch's `parameters` for `recipient`: key -> {MSISDN or "default" -> value}, or, for
/// one recipient's row, key -> value. A null is no value.
inline auto read_parameters(Jsonb* params, const std::optional<septet::msisdn>& recipient)
    -> recipient_values {
  if (!JB_ROOT_IS_OBJECT(params)) {
    report_bad_parameters("the parameters are not a JSON object");
  }
  const auto count = static_cast<std::size_t>(JB_ROOT_COUNT(params));
  auto* values = static_cast<parameter_value*>(palloc0(sizeof(parameter_value) * (count + 1)));
  recipient_values out{values, 0};
  for_each_member(&params->root, [&](std::string_view key, const JsonbValue& v) {
    if (v.type == jbvString) {
      values[out.size++] = {key, string_of(v)};
    } else if (v.type == jbvBinary && JsonContainerIsObject(v.val.binary.data)) {
      if (const auto value = value_in_object(v.val.binary.data, recipient)) {
        values[out.size++] = {key, *value};
      }
    } else if (v.type != jbvNull) {
      report_bad_parameters("a parameter is neither a string nor an object");
    }
  });
  return out;
}

/// A template (argument `n`), Sinch's way (placeholder_rules::lenient); PostgreSQL's error if it
/// is not text.
inline auto template_argument(FunctionCallInfo fcinfo, int n) -> septet::message_template {
  const auto body = utf8_argument(fcinfo, n);
  const auto parsed = septet::message_template::parse(body, septet::sinch::placeholders);
  if (!parsed.ok()) {
    report_invalid_text("template", parsed.error());
  }
  return *parsed;
}

/// The recipient (argument `n`), or nothing when it is not an MSISDN or not given.
inline auto recipient_argument(FunctionCallInfo fcinfo, int n, septet::result& status)
    -> std::optional<septet::msisdn> {
  if (n == no_argument) {
    return std::nullopt;
  }
  const auto parsed = septet::msisdn::parse(utf8_argument(fcinfo, n));
  status = parsed.error();
  return parsed.ok() ? std::optional<septet::msisdn>(*parsed) : std::nullopt;
}

/// What Sinch does with this recipient: the verdict on its rendered text, or the MSISDN's error.
struct recipient_case {
  septet::message_template tmpl;
  recipient_values values;
  std::optional<septet::msisdn> recipient;
  septet::result msisdn_status;
  septet::sinch::recipient_verdict verdict;
};

/// Reads the template, the parameters and the recipient (`msisdn_arg`: no_argument when the
/// function has none) and judges the recipient.
inline auto read_case(FunctionCallInfo fcinfo, int template_arg, int params_arg, int msisdn_arg)
    -> recipient_case {
  recipient_case c{template_argument(fcinfo, template_arg), {}, std::nullopt, {}, {}};
  c.recipient = recipient_argument(fcinfo, msisdn_arg, c.msisdn_status);
  c.values = read_parameters(PG_GETARG_JSONB_P(params_arg), c.recipient);
  if (c.msisdn_status.ok()) {
    const septet::msisdn anyone;  // without an MSISDN only defaults and plain values apply
    c.verdict = septet::sinch::evaluate_recipient(c.tmpl, c.values, c.recipient.value_or(anyone),
                                                  septet::sinch::uncapped({}), 0);
  }
  return c;
}

}  // namespace septet_pg

#endif  // SEPTET_POSTGRES_RECIPIENT_CASE_HPP

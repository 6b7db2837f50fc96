// septet_render, septet_parts and septet_recipient over a template, Sinch's `parameters` as jsonb
// and a recipient: what Sinch sends that recipient, or NULL and the reason it fails alone.
#include "recipient_case.hpp"

extern "C" {
PG_FUNCTION_INFO_V1(septet_render);
PG_FUNCTION_INFO_V1(septet_template_parts);
PG_FUNCTION_INFO_V1(septet_recipient);
}

using namespace septet_pg;

extern "C" {

/// septet_render(template text, params jsonb [, msisdn text]) -> text: the body Sinch sends the
/// recipient, or NULL when the recipient fails (septet_recipient says why).
Datum septet_render(PG_FUNCTION_ARGS) {
  const recipient_case c = read_case(fcinfo, 0, 1, PG_NARGS() >= 3 ? 2 : no_argument);
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
  const recipient_case c = read_case(fcinfo, 0, 1, PG_NARGS() >= 3 ? 2 : no_argument);
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
  const recipient_case c = read_case(fcinfo, 0, 1, PG_NARGS() >= 3 ? 2 : no_argument);
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

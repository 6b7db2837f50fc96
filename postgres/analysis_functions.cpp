// septet_analyze(body) and septet_parts(body): how a body is sent.
#include <septet/analysis.hpp>

#include "pg_text.hpp"

extern "C" {
PG_MODULE_MAGIC;
PG_FUNCTION_INFO_V1(septet_analyze);
PG_FUNCTION_INFO_V1(septet_parts);
}

using namespace septet_pg;

extern "C" {

/// septet_analyze(body text) -> septet_analysis: encoding, characters, units, parts,
/// units_remaining, the first character that forced UCS-2 (byte offset and code point, or NULL),
/// and whether the body is within Sinch's 2000-character cap.
Datum septet_analyze(PG_FUNCTION_ARGS) {
  const auto body = utf8_argument(fcinfo, 0);
  const septet::analysis a = septet::analyze(body);
  if (!a.ok()) {
    report_invalid_text("body", a.status);
  }
  const TupleDesc shape = result_shape(fcinfo, "septet_analyze");
  const bool ucs2 = a.encoding == septet::encoding::ucs2;
  Datum values[8] = {CStringGetTextDatum(ucs2 ? "ucs2" : "gsm7"),
                     int4(a.characters),
                     int4(a.units),
                     int4(a.parts),
                     int4(a.units_remaining),
                     a.first_non_gsm ? int4(a.first_non_gsm->offset) : Datum(0),
                     a.first_non_gsm ? int4(a.first_non_gsm->code_point) : Datum(0),
                     BoolGetDatum(a.limits.ok())};
  bool nulls[8] = {false, false, false, false, false, !a.first_non_gsm, !a.first_non_gsm, false};
  PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(shape, values, nulls)));
}

/// septet_parts(body text) -> integer: the parts the body is sent in.
Datum septet_parts(PG_FUNCTION_ARGS) {
  const septet::analysis a = septet::analyze(utf8_argument(fcinfo, 0));
  if (!a.ok()) {
    report_invalid_text("body", a.status);
  }
  PG_RETURN_DATUM(int4(a.parts));
}

}  // extern "C"

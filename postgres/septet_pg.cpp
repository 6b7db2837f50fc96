// The septet extension's functions. septet's core computes into plain values without allocating
// or throwing; only the C functions below call into PostgreSQL, because ereport leaves by longjmp,
// which must never cross a C++ frame with a destructor.
#include <algorithm>
#include <cstring>
#include <septet/analysis.hpp>
#include <string_view>

extern "C" {
#include <postgres.h>
// postgres.h first; then:
#include <access/htup_details.h>
#include <fmgr.h>
#include <funcapi.h>
#include <mb/pg_wchar.h>
#include <utils/builtins.h>

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(septet_analyze);
PG_FUNCTION_INFO_V1(septet_parts);
}

namespace {

/// A text argument as UTF-8. A UTF8 or SQL_ASCII database hands its bytes over as they are (in
/// SQL_ASCII they may be anything: septet reports the first invalid byte); any other server
/// encoding is converted first.
auto utf8_argument(FunctionCallInfo fcinfo, int n) -> std::string_view {
  text* t = PG_GETARG_TEXT_PP(n);
  const char* data = VARDATA_ANY(t);
  const int size = static_cast<int>(VARSIZE_ANY_EXHDR(t));
  const int server = GetDatabaseEncoding();
  if (server != PG_UTF8 && server != PG_SQL_ASCII) {
    data = pg_server_to_any(data, size, PG_UTF8);
    return {data, std::strlen(data)};
  }
  return {data, static_cast<std::size_t>(size)};
}

/// Raises PostgreSQL's error for text septet cannot read, with septet's byte offset.
[[noreturn]] void report_invalid_text(const septet::result& status) {
  ereport(ERROR,
          (errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
           errmsg("septet: %s at byte %zu", septet::to_string(status.ec).data(), status.count),
           errhint("The text must be UTF-8; a SQL_ASCII database passes bytes unchecked.")));
  pg_unreachable();
}

auto int4(std::size_t value) -> Datum {
  return Int32GetDatum(static_cast<int32>(std::min<std::size_t>(value, PG_INT32_MAX)));
}

}  // namespace

extern "C" {

/// septet_analyze(body text) -> septet_analysis: encoding, characters, units, parts,
/// units_remaining, the first character that forced UCS-2 (byte offset and code point, or NULL),
/// and whether the body is within Sinch's 2000-character cap.
Datum septet_analyze(PG_FUNCTION_ARGS) {
  const auto body = utf8_argument(fcinfo, 0);
  const septet::analysis a = septet::analyze(body);
  if (!a.ok()) {
    report_invalid_text(a.status);
  }
  TupleDesc shape = nullptr;
  if (get_call_result_type(fcinfo, nullptr, &shape) != TYPEFUNC_COMPOSITE) {
    ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("septet_analyze must be called where a composite is expected")));
  }
  shape = BlessTupleDesc(shape);
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
  const auto body = utf8_argument(fcinfo, 0);
  const septet::analysis a = septet::analyze(body);
  if (!a.ok()) {
    report_invalid_text(a.status);
  }
  PG_RETURN_DATUM(int4(a.parts));
}

}  // extern "C"

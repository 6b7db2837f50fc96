#ifndef SEPTET_POSTGRES_PG_TEXT_HPP
#define SEPTET_POSTGRES_PG_TEXT_HPP

// What the extension's functions share: PostgreSQL's headers, text in and out as UTF-8, and
// septet's errors as PostgreSQL errors. septet's core computes into plain values without
// throwing; only these C-facing functions call into PostgreSQL, because ereport leaves by
// longjmp, which must never cross a C++ frame with a destructor.
#include <algorithm>
#include <cstring>
#include <septet/error.hpp>
#include <string_view>

extern "C" {
#include <postgres.h>
// postgres.h first; then:
#include <access/htup_details.h>
#include <fmgr.h>
#include <funcapi.h>
#include <mb/pg_wchar.h>
#include <utils/builtins.h>
#include <utils/jsonb.h>
}

namespace septet_pg {

/// Server-encoded bytes as UTF-8. A UTF8 or SQL_ASCII database hands its bytes over as they are
/// (in SQL_ASCII they may be anything: septet reports the first invalid byte); any other server
/// encoding is converted first.
inline auto as_utf8(const char* data, int size) -> std::string_view {
  const int server = GetDatabaseEncoding();
  if (server != PG_UTF8 && server != PG_SQL_ASCII) {
    data = pg_server_to_any(data, size, PG_UTF8);
    return {data, std::strlen(data)};
  }
  return {data, static_cast<std::size_t>(size)};
}

/// Text argument `n` as UTF-8.
inline auto utf8_argument(FunctionCallInfo fcinfo, int n) -> std::string_view {
  text* t = PG_GETARG_TEXT_PP(n);
  return as_utf8(VARDATA_ANY(t), static_cast<int>(VARSIZE_ANY_EXHDR(t)));
}

/// UTF-8 as a text Datum in the server's encoding.
inline auto text_datum(std::string_view utf8) -> Datum {
  const int size = static_cast<int>(utf8.size());
  const char* server = pg_any_to_server(utf8.data(), size, PG_UTF8);
  return PointerGetDatum(cstring_to_text_with_len(
      server, server == utf8.data() ? size : static_cast<int>(std::strlen(server))));
}

/// Raises PostgreSQL's error for text septet cannot read, with septet's byte offset.
[[noreturn]] inline void report_invalid_text(const char* what, const septet::result& status) {
  ereport(ERROR, (errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
                  errmsg("septet: %s: %s at byte %zu", what, septet::to_string(status.ec).data(),
                         status.count),
                  errhint("The text must be UTF-8; a SQL_ASCII database passes bytes unchecked.")));
  pg_unreachable();
}

inline auto int4(std::size_t value) -> Datum {
  return Int32GetDatum(static_cast<int32>(std::min<std::size_t>(value, PG_INT32_MAX)));
}

/// The composite type the function returns, ready for heap_form_tuple.
inline auto result_shape(FunctionCallInfo fcinfo, const char* function) -> TupleDesc {
  TupleDesc shape = nullptr;
  if (get_call_result_type(fcinfo, nullptr, &shape) != TYPEFUNC_COMPOSITE) {
    ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("%s must be called where a composite is expected", function)));
  }
  return BlessTupleDesc(shape);
}

}  // namespace septet_pg

#endif  // SEPTET_POSTGRES_PG_TEXT_HPP

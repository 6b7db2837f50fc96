// septet_estimate(template, msisdn, params): a whole campaign's figures, as `septet estimate
// --json` gives them, in one aggregate that PostgreSQL may split over parallel workers. The state
// is a bigint[] of counters (combined by adding), so it needs no serialisation between workers.
#include <septet/analysis.hpp>

#include "recipient_case.hpp"

extern "C" {
#include <catalog/pg_type.h>
#include <lib/stringinfo.h>
#include <utils/array.h>
#include <utils/fmgrprotos.h>
PG_FUNCTION_INFO_V1(septet_estimate_step);
PG_FUNCTION_INFO_V1(septet_estimate_combine);
PG_FUNCTION_INFO_V1(septet_estimate_final);
}

using namespace septet_pg;

namespace {

/// Where each counter lives in the state.
namespace slot {
constexpr std::size_t recipients = 0;
constexpr std::size_t failed = 1;
constexpr std::size_t parts_text = 2;
constexpr std::size_t parts_unicode = 3;
constexpr std::size_t failures = 4;  // one per septet::errc, by its number
constexpr std::size_t errc_count = std::size(septet::detail::error_table);
constexpr std::size_t exceeded_parts_limit = failures + errc_count;
/// Recipients by part count: 1 to 255 (the most a concatenated message has), then more.
constexpr std::size_t per_recipient = exceeded_parts_limit + 1;
constexpr std::size_t most_parts = 255;
constexpr std::size_t size = per_recipient + most_parts + 1;
}  // namespace slot

/// The state: the array and its counters.
struct state {
  ArrayType* array;
  int64* c;
};

// PostgreSQL's ARR_DATA_PTR macro mixes int and size_t: used in this one place, its warning off.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-conversion"
auto counters_of(ArrayType* array) -> int64* {
  return reinterpret_cast<int64*>(ARR_DATA_PTR(array));
}
#pragma GCC diagnostic pop

/// A state with every counter 0.
auto zero_state() -> state {
  auto* zeros = static_cast<Datum*>(palloc0(sizeof(Datum) * slot::size));
  ArrayType* array = construct_array(zeros, static_cast<int>(slot::size), INT8OID, sizeof(int64),
                                     FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
  return {array, counters_of(array)};
}

/// The state argument, writable: in an aggregate the state is the aggregate's own, so it is
/// changed in place; called directly, it is copied first. The first row starts from zeros (the
/// aggregate's initial state is NULL, so that its size is written only here).
auto state_argument(FunctionCallInfo fcinfo, int n) -> state {
  if (PG_ARGISNULL(n)) {
    return zero_state();
  }
  ArrayType* array = AggCheckCallContext(fcinfo, nullptr) != 0 ? PG_GETARG_ARRAYTYPE_P(n)
                                                               : PG_GETARG_ARRAYTYPE_P_COPY(n);
  if (ARR_NDIM(array) != 1 || ARR_HASNULL(array) || ARR_ELEMTYPE(array) != INT8OID ||
      static_cast<std::size_t>(ARR_DIMS(array)[0]) != slot::size) {
    ereport(ERROR, (errcode(ERRCODE_DATA_EXCEPTION),
                    errmsg("septet_estimate: the state is not septet's (%zu bigints expected)",
                           slot::size)));
  }
  return {array, counters_of(array)};
}

/// Sinch refuses a whole batch whose template is over its body cap, as `septet estimate` does.
void check_template_cap(const septet::message_template& tmpl) {
  const auto characters = septet::analyze(tmpl.body(), septet::sinch::uncapped({})).utf16_units;
  if (characters > septet::sinch::max_body_characters) {
    ereport(ERROR,
            (errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
             errmsg("septet_estimate: the template has %zu characters; Sinch takes at most %zu",
                    characters, septet::sinch::max_body_characters)));
  }
}

/// One recipient counted as Sinch would treat it.
void count(int64* c, const recipient_case& r) {
  ++c[slot::recipients];
  if (!r.msisdn_status.ok()) {
    ++c[slot::failed];
    ++c[slot::failures + static_cast<std::size_t>(r.msisdn_status.ec)];
    return;
  }
  if (!r.verdict.sent()) {
    ++c[slot::failed];
    const auto ec = r.verdict.counted.status.ec;
    ++c[r.verdict.status == septet::sinch::recipient_status::exceeded_parts_limit
            ? slot::exceeded_parts_limit
            : slot::failures + static_cast<std::size_t>(ec)];
    return;
  }
  const auto parts = r.verdict.counted.parts;
  c[r.verdict.counted.encoding == septet::encoding::ucs2 ? slot::parts_unicode
                                                         : slot::parts_text] +=
      static_cast<int64>(parts);
  ++c[slot::per_recipient + std::min(parts, slot::most_parts + 1) - 1];
}

void append_counts(StringInfo json, const int64* c) {
  appendStringInfo(json, "{\"recipients\": %lld, \"failed\": %lld, \"parts\": %lld",
                   static_cast<long long>(c[slot::recipients]),
                   static_cast<long long>(c[slot::failed]),
                   static_cast<long long>(c[slot::parts_text] + c[slot::parts_unicode]));
  appendStringInfo(json, ", \"parts_by_encoding\": {\"text\": %lld, \"unicode\": %lld}",
                   static_cast<long long>(c[slot::parts_text]),
                   static_cast<long long>(c[slot::parts_unicode]));
}

void append_histogram(StringInfo json, const int64* c) {
  appendStringInfoString(json, ", \"parts_per_recipient\": {");
  const char* separator = "";
  for (std::size_t parts = 1; parts <= slot::most_parts + 1; ++parts) {
    if (const auto n = c[slot::per_recipient + parts - 1]; n != 0) {
      appendStringInfo(json, parts > slot::most_parts ? "%s\"%zu+\": %lld" : "%s\"%zu\": %lld",
                       separator, parts, static_cast<long long>(n));
      separator = ", ";
    }
  }
  appendStringInfoString(json, "}");
}

void append_failures(StringInfo json, const int64* c) {
  appendStringInfoString(json, ", \"failures\": {\"by_reason\": {");
  const char* separator = "";
  for (std::size_t i = 0; i <= slot::errc_count; ++i) {
    const auto n = c[slot::failures + i];
    if (n == 0) {
      continue;
    }
    const auto reason = i == slot::errc_count ? std::string_view("exceeded_parts_limit")
                                              : septet::name(static_cast<septet::errc>(i));
    appendStringInfo(json, "%s\"%.*s\": %lld", separator, static_cast<int>(reason.size()),
                     reason.data(), static_cast<long long>(n));
    separator = ", ";
  }
  appendStringInfoString(json, "}}}");
}

}  // namespace

extern "C" {

/// The transition: one recipient (template, msisdn, params) added to the state; a row with a NULL
/// among them is left out, as count(expression) leaves it out.
Datum septet_estimate_step(PG_FUNCTION_ARGS) {
  const state s = state_argument(fcinfo, 0);
  if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3)) {
    PG_RETURN_ARRAYTYPE_P(s.array);
  }
  const recipient_case r = read_case(fcinfo, 1, 3, 2);
  check_template_cap(r.tmpl);
  count(s.c, r);
  PG_RETURN_ARRAYTYPE_P(s.array);
}

/// Two workers' states added together.
Datum septet_estimate_combine(PG_FUNCTION_ARGS) {
  const state s = state_argument(fcinfo, 0);
  const state other = state_argument(fcinfo, 1);
  for (std::size_t i = 0; i < slot::size; ++i) {
    s.c[i] += other.c[i];
  }
  PG_RETURN_ARRAYTYPE_P(s.array);
}

/// The figures as jsonb, named as `septet estimate --json` names them.
Datum septet_estimate_final(PG_FUNCTION_ARGS) {
  const int64* c = state_argument(fcinfo, 0).c;
  StringInfoData json;
  initStringInfo(&json);
  append_counts(&json, c);
  append_histogram(&json, c);
  append_failures(&json, c);
  PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(json.data)));
}

}  // extern "C"

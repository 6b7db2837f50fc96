// Segmentation invariants: parts tile the input, each fits its capacity, no part splits a
// character (so no escape pair or surrogate pair), the count matches analyze, and the run-time
// fast path splits exactly where the per-code-point path (constant evaluation's) does.
#include <septet/septet.hpp>
#include <vector>

#include "fuzz_check.hpp"
#include "fuzz_options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  septet::options opts = fuzz_options(data[0]);
  opts.max_characters = 0;
  opts.max_parts = 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto a = septet::analyze(text, opts);
  const auto parts = septet::segment(text, opts);
  SEPTET_FUZZ_CHECK(parts.ok() == a.ok());
  if (!a.ok()) {
    SEPTET_FUZZ_CHECK(parts.error() == a.status);
    return 0;
  }
  SEPTET_FUZZ_CHECK(parts->size() == a.parts);
  std::vector<septet::part> reference;
  septet::detail::for_each_part_per_code_point(
      text, septet::detail::analyze_per_code_point(text, opts), opts,
      [&](const septet::part& p) { reference.push_back(p); });
  SEPTET_FUZZ_CHECK(parts.value() == reference);
  std::size_t expected_begin = 0;
  std::size_t units = 0;
  for (const auto& p : parts.value()) {
    SEPTET_FUZZ_CHECK(p.begin == expected_begin && p.begin <= p.end && p.end <= text.size());
    const auto piece = text.substr(p.begin, p.end - p.begin);
    SEPTET_FUZZ_CHECK(septet::validate(piece).ok());  // cut at character boundaries only
    if (a.parts > 1) {
      SEPTET_FUZZ_CHECK(p.units <= a.capacity.per_part);
      SEPTET_FUZZ_CHECK(p.units > 0);
    }
    const auto alone = septet::analyze(piece, opts);
    SEPTET_FUZZ_CHECK((a.encoding == septet::encoding::gsm7 ? alone.units : alone.utf16_units) ==
                      p.units);
    expected_begin = p.end;
    units += p.units;
  }
  SEPTET_FUZZ_CHECK(expected_begin == text.size());
  SEPTET_FUZZ_CHECK(units == a.units);
  return 0;
}

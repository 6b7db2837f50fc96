// analyze's fast path against the per-code-point path; UTF-8, UTF-16 and UTF-32 inputs agree.
#include <septet/septet.hpp>
#include <string>

#include "fuzz_check.hpp"
#include "fuzz_options.hpp"

namespace {

auto same(const septet::analysis& a, const septet::analysis& b) -> bool {
  return a.status == b.status && a.encoding == b.encoding && a.characters == b.characters &&
         a.units == b.units && a.parts == b.parts && a.units_remaining == b.units_remaining &&
         a.utf16_units == b.utf16_units && a.non_gsm_count == b.non_gsm_count &&
         a.first_non_gsm == b.first_non_gsm && a.limits == b.limits;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const septet::options opts = fuzz_options(data[0]);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto fast = septet::analyze(text, opts);
  SEPTET_FUZZ_CHECK(same(fast, septet::detail::analyze_per_code_point(text, opts)));
  std::u16string utf16;
  std::u32string utf32;
  (void)septet::for_each_code_point(text, [&](char32_t cp, std::size_t) {
    utf32 += cp;
    septet::put_utf16(cp, [&](char16_t unit) { utf16 += unit; });
  });
  if (fast.ok()) {
    SEPTET_FUZZ_CHECK(fast.parts >= 1);
    SEPTET_FUZZ_CHECK(fast.units_remaining <= fast.capacity.single_part);
    if (!fast.limits.ok()) {
      SEPTET_FUZZ_CHECK(fast.limits.count < text.size());
    }
    for (const auto& other : {septet::analyze(std::u16string_view(utf16), opts),
                              septet::analyze(std::u32string_view(utf32), opts)}) {
      SEPTET_FUZZ_CHECK(other.ok() && other.encoding == fast.encoding &&
                        other.units == fast.units && other.parts == fast.parts &&
                        other.characters == fast.characters && other.limits.ec == fast.limits.ec);
    }
  }
  return 0;
}

#ifndef SEPTET_DETAIL_PLAIN_RUN_HPP
#define SEPTET_DETAIL_PLAIN_RUN_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <septet/detail/gsm7_tables.hpp>
#include <septet/detail/utf8.hpp>

// Run time only: how many "plain" bytes (see tables::plain_ascii) start a buffer. Most SMS text
// is plain, and a run of it is counted in bulk, so this scan sets the speed of analysis. Here is
// its definition; block_kernels.hpp reads it a vector at a time.
namespace septet::inline v0::detail {

/// The byte predicate the vector code implements: printable ASCII 0x20..0x7A except the
/// extension characters [ \ ] ^ and the backtick. Checked against the derived table below, so a
/// table change cannot silently disagree with the vector code.
[[nodiscard]] constexpr auto is_plain_by_range(std::uint8_t b) noexcept -> bool {
  return b >= 0x20 && b <= 0x7A && !(b >= 0x5B && b <= 0x5E) && b != 0x60;
}

static_assert([] {
  for (unsigned b = 0; b < 256; ++b) {
    if (is_plain_by_range(static_cast<std::uint8_t>(b)) != tables::plain_ascii[b]) {
      return false;
    }
  }
  return true;
}());

template <class Char>
[[nodiscard]] inline auto plain_run_scalar(const Char* p, std::size_t n) noexcept -> std::size_t {
  std::size_t i = 0;
  while (i < n && tables::plain_ascii[byte_of(p[i])]) {
    ++i;
  }
  return i;
}

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_PLAIN_RUN_HPP

#ifndef SEPTET_DETAIL_PLAIN_RUN_HPP
#define SEPTET_DETAIL_PLAIN_RUN_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <septet/detail/byte_vector.hpp>
#include <septet/detail/gsm7_tables.hpp>
#include <septet/detail/utf8.hpp>
#include <septet/detail/utf8_block.hpp>

// Run time only: how many "plain" bytes (see tables::plain_ascii) start a buffer. Most SMS text
// is plain, and a run of it is counted in bulk, so this scan sets the speed of analysis.
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

template <class Char>
[[nodiscard]] inline auto plain_run(const Char* p, std::size_t n) noexcept -> std::size_t {
#if defined(SEPTET_VECTOR_DISPATCH)
  if (!block_kernels_in_use().vector_plain_run) {
    return plain_run_scalar(p, n);  // the scalar path is pinned (set_vector_path)
  }
#endif
#if defined(SEPTET_HAS_SSE2)
  std::size_t i = 0;
  // Signed byte compares: bytes >= 0x80 are negative, so they fail "greater than 0x1F".
  const __m128i below = _mm_set1_epi8(0x1F);
  const __m128i above = _mm_set1_epi8(0x7B);
  const __m128i brackets_below = _mm_set1_epi8(0x5A);
  const __m128i brackets_above = _mm_set1_epi8(0x5F);
  const __m128i backtick = _mm_set1_epi8(0x60);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i in_range = _mm_and_si128(_mm_cmpgt_epi8(v, below), _mm_cmplt_epi8(v, above));
    const __m128i brackets =
        _mm_and_si128(_mm_cmpgt_epi8(v, brackets_below), _mm_cmplt_epi8(v, brackets_above));
    const __m128i excluded = _mm_or_si128(brackets, _mm_cmpeq_epi8(v, backtick));
    const auto plain =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(excluded, in_range)));
    if (plain != 0xFFFFU) {
      return i + static_cast<std::size_t>(std::countr_one(plain));
    }
  }
  return i + plain_run_scalar(p + i, n - i);
#else
  return plain_run_scalar(p, n);
#endif
}

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_PLAIN_RUN_HPP

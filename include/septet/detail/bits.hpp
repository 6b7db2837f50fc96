#ifndef SEPTET_DETAIL_BITS_HPP
#define SEPTET_DETAIL_BITS_HPP

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <septet/detail/always_inline.hpp>
#include <type_traits>

#if defined(__BMI2__)
#  include <immintrin.h>
#endif

// Bit masks, one bit per input unit of a block, and how to count them.
namespace septet::inline v0::detail {

/// Set bits in each byte of `m`, one count per byte.
[[nodiscard]] SEPTET_ALWAYS_INLINE constexpr auto byte_counts(std::uint64_t m) noexcept
    -> std::uint64_t {
  m -= (m >> 1U) & 0x5555555555555555U;
  m = (m & 0x3333333333333333U) + ((m >> 2U) & 0x3333333333333333U);
  return (m + (m >> 4U)) & 0x0F0F0F0F0F0F0F0FU;
}

/// Byte j of the result: the sum of bytes 0..j of `counts` (the sums must stay below 256).
[[nodiscard]] SEPTET_ALWAYS_INLINE constexpr auto running_sums(std::uint64_t counts) noexcept
    -> std::uint64_t {
  return counts * 0x0101010101010101U;
}

/// Set bits of `m`. On x86-64 without POPCNT (the baseline), std::popcount is a call into
/// libgcc; block masks are counted several times per 64 bytes, so there a few inline shifts and
/// adds do it instead.
[[nodiscard]] SEPTET_ALWAYS_INLINE constexpr auto count_bits(std::uint64_t m) noexcept
    -> std::size_t {
#if defined(__x86_64__) && !defined(__POPCNT__)
  // Many block masks are empty (no astral, no extension, no non-GSM character): skip the sums.
  return m == 0 ? 0 : static_cast<std::size_t>(running_sums(byte_counts(m)) >> 56U);
#else
  return static_cast<std::size_t>(std::popcount(m));
#endif
}

/// Bits [0, n) set, n <= 64.
[[nodiscard]] SEPTET_ALWAYS_INLINE constexpr auto low_bits(std::size_t n) noexcept
    -> std::uint64_t {
  return n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
}

/// Bits of `m` below its lowest set bit (all of them when `m` is 0).
[[nodiscard]] SEPTET_ALWAYS_INLINE constexpr auto low_mask(std::uint64_t m) noexcept
    -> std::uint64_t {
  return (m & (0 - m)) - 1;
}

/// select_in_byte[b][r]: position of the set bit of rank r in byte b (8 when there is none).
inline constexpr auto select_in_byte = [] {
  std::array<std::array<std::uint8_t, 8>, 256> table{};
  for (std::size_t b = 0; b < 256; ++b) {
    table[b].fill(8);
    std::size_t rank = 0;
    for (std::uint8_t bit = 0; bit < 8; ++bit) {
      if (((b >> bit) & 1U) != 0) {
        table[b][rank++] = bit;
      }
    }
  }
  return table;
}();

/// Position of the set bit of rank `k` (from 0) in `m`; `k` < count_bits(m).
[[nodiscard]] SEPTET_ALWAYS_INLINE constexpr auto select_bit(std::uint64_t m,
                                                             std::size_t k) noexcept
    -> std::size_t {
#if defined(__BMI2__)
  if (!std::is_constant_evaluated()) {
    return static_cast<std::size_t>(std::countr_zero(_pdep_u64(std::uint64_t{1} << k, m)));
  }
#endif
  // Running sums over the bytes (byte j: bits in bytes 0..j, at most 64).
  const std::uint64_t through = running_sums(byte_counts(m));
  // The high bit of byte j is set when its running sum exceeds k (no borrow crosses a byte).
  const std::uint64_t above =
      ((through | 0x8080808080808080U) - 0x0101010101010101U * (k + 1)) & 0x8080808080808080U;
  const auto byte = static_cast<std::size_t>(std::countr_zero(above)) / 8;
  const std::size_t before = ((through << 8U) >> (8 * byte)) & 0xFFU;
  return 8 * byte + select_in_byte[(m >> (8 * byte)) & 0xFFU][k - before];
}

/// Eight septets, one per byte of `x` (little-endian), laid end to end in its low 56 bits.
[[nodiscard]] constexpr auto squeeze_septets(std::uint64_t x) noexcept -> std::uint64_t {
  x = (x & 0x007F007F007F007FULL) | ((x & 0x7F007F007F007F00ULL) >> 1U);
  x = (x & 0x00003FFF00003FFFULL) | ((x & 0x3FFF00003FFF0000ULL) >> 2U);
  return (x & 0x000000000FFFFFFFULL) | ((x & 0x0FFFFFFF00000000ULL) >> 4U);
}

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_BITS_HPP

#ifndef SEPTET_DETAIL_BITS_HPP
#define SEPTET_DETAIL_BITS_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#if defined(__BMI2__)
#  include <immintrin.h>
#endif

// Bit masks, one bit per input unit of a block, and how to count them.
namespace septet::inline v0::detail {

/// Set bits of `m`. On x86-64 without POPCNT (the baseline), std::popcount is a call into
/// libgcc; block masks are counted several times per 64 bytes, so there a few inline shifts and
/// adds do it instead.
[[nodiscard]] constexpr auto count_bits(std::uint64_t m) noexcept -> std::size_t {
#if defined(__x86_64__) && !defined(__POPCNT__)
  m -= (m >> 1U) & 0x5555555555555555U;
  m = (m & 0x3333333333333333U) + ((m >> 2U) & 0x3333333333333333U);
  m = (m + (m >> 4U)) & 0x0F0F0F0F0F0F0F0FU;
  return static_cast<std::size_t>((m * 0x0101010101010101U) >> 56U);
#else
  return static_cast<std::size_t>(std::popcount(m));
#endif
}

/// Bits [0, n) set, n <= 64.
[[nodiscard]] constexpr auto low_bits(std::size_t n) noexcept -> std::uint64_t {
  return n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
}

/// Bits of `m` below its lowest set bit (all of them when `m` is 0).
[[nodiscard]] constexpr auto low_mask(std::uint64_t m) noexcept -> std::uint64_t {
  return (m & (0 - m)) - 1;
}

/// Position of the set bit of rank `k` (from 0) in `m`; `k` < count_bits(m).
[[nodiscard]] constexpr auto select_bit(std::uint64_t m, std::size_t k) noexcept -> std::size_t {
#if defined(__BMI2__)
  if (!std::is_constant_evaluated()) {
    return static_cast<std::size_t>(std::countr_zero(_pdep_u64(std::uint64_t{1} << k, m)));
  }
#endif
  // Bits per byte, then a running sum over the bytes: the byte holding rank k, then the bit.
  std::uint64_t per_byte = m - ((m >> 1U) & 0x5555555555555555U);
  per_byte = (per_byte & 0x3333333333333333U) + ((per_byte >> 2U) & 0x3333333333333333U);
  per_byte = (per_byte + (per_byte >> 4U)) & 0x0F0F0F0F0F0F0F0FU;
  const std::uint64_t through = per_byte * 0x0101010101010101U;  // byte j: bits in bytes 0..j
  std::size_t byte = 0;
  while (((through >> (8 * byte)) & 0xFFU) <= k) {
    ++byte;
  }
  const std::size_t before = byte == 0 ? 0 : (through >> (8 * (byte - 1))) & 0xFFU;
  std::uint64_t bits = (m >> (8 * byte)) & 0xFFU;
  for (std::size_t skip = k - before; skip > 0; --skip) {
    bits &= bits - 1;
  }
  return 8 * byte + static_cast<std::size_t>(std::countr_zero(bits));
}

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_BITS_HPP

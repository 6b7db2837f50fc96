#ifndef SEPTET_DETAIL_BYTE_VECTOR_HPP
#define SEPTET_DETAIL_BYTE_VECTOR_HPP

#include <cstddef>
#include <cstdint>
#include <septet/detail/always_inline.hpp>
#include <utility>

// Byte compares on the widest vectors the compiler targets, chosen at compile time with no state:
// AVX-512BW (64 bytes, compares give a bit mask), AVX2 (32), SSE2 (16, the x86-64 baseline), NEON
// (16, AArch64). SEPTET_NO_SIMD forces the portable scalar code (the tests build it that way too).
#if (defined(__SSE2__) || defined(_M_X64)) && !defined(SEPTET_NO_SIMD)
#  include <emmintrin.h>
#  define SEPTET_HAS_SSE2 1
#endif
#if defined(__AVX2__) && !defined(SEPTET_NO_SIMD)
#  include <immintrin.h>
#  define SEPTET_HAS_AVX2 1
#endif
#if defined(__AVX512BW__) && !defined(SEPTET_NO_SIMD)
#  include <immintrin.h>
#  define SEPTET_HAS_AVX512BW 1
#endif
#if defined(__ARM_NEON) && defined(__aarch64__) && !defined(SEPTET_NO_SIMD)
#  include <arm_neon.h>
#  define SEPTET_HAS_NEON 1
#endif

namespace septet::inline v0::detail {

#if defined(SEPTET_HAS_AVX512BW)
struct avx512bw_ops {
  using vector = __m512i;
  using flags = __mmask64;  // compares give one bit per byte directly
  static auto load(const std::uint8_t* p) noexcept -> vector {
    return _mm512_loadu_si512(p);
  }
  static auto splat(char b) noexcept -> vector {
    return _mm512_set1_epi8(b);
  }
  static auto gt(vector a, vector b) noexcept -> flags {
    return _mm512_cmpgt_epi8_mask(a, b);
  }
  static auto eq(vector a, vector b) noexcept -> flags {
    return _mm512_cmpeq_epi8_mask(a, b);
  }
  static auto bit_and(flags a, flags b) noexcept -> flags {
    return a & b;
  }
  static auto bit_or(flags a, flags b) noexcept -> flags {
    return a | b;
  }
  static auto and_not(flags a, flags b) noexcept -> flags {
    return ~a & b;
  }
  static auto to_bits(flags f) noexcept -> std::uint64_t {
    return f;
  }
  static auto sign_bits(vector v) noexcept -> std::uint64_t {
    return _mm512_movepi8_mask(v);
  }
};
using vector_ops = avx512bw_ops;
#elif defined(SEPTET_HAS_AVX2)
struct avx2_ops {
  using vector = __m256i;
  using flags = __m256i;  // 0xFF or 0x00 per byte
  static auto load(const std::uint8_t* p) noexcept -> vector {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  }
  static auto splat(char b) noexcept -> vector {
    return _mm256_set1_epi8(b);
  }
  static auto gt(vector a, vector b) noexcept -> flags {
    return _mm256_cmpgt_epi8(a, b);
  }
  static auto eq(vector a, vector b) noexcept -> flags {
    return _mm256_cmpeq_epi8(a, b);
  }
  static auto bit_and(flags a, flags b) noexcept -> flags {
    return _mm256_and_si256(a, b);
  }
  static auto bit_or(flags a, flags b) noexcept -> flags {
    return _mm256_or_si256(a, b);
  }
  static auto and_not(flags a, flags b) noexcept -> flags {
    return _mm256_andnot_si256(a, b);
  }
  static auto to_bits(flags f) noexcept -> std::uint64_t {
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(f));
  }
  static auto sign_bits(vector v) noexcept -> std::uint64_t {
    return to_bits(v);
  }
};
using vector_ops = avx2_ops;
#elif defined(SEPTET_HAS_SSE2)
struct sse2_ops {
  using vector = __m128i;
  using flags = __m128i;  // 0xFF or 0x00 per byte
  static auto load(const std::uint8_t* p) noexcept -> vector {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  }
  static auto splat(char b) noexcept -> vector {
    return _mm_set1_epi8(b);
  }
  static auto gt(vector a, vector b) noexcept -> flags {
    return _mm_cmpgt_epi8(a, b);
  }
  static auto eq(vector a, vector b) noexcept -> flags {
    return _mm_cmpeq_epi8(a, b);
  }
  static auto bit_and(flags a, flags b) noexcept -> flags {
    return _mm_and_si128(a, b);
  }
  static auto bit_or(flags a, flags b) noexcept -> flags {
    return _mm_or_si128(a, b);
  }
  static auto and_not(flags a, flags b) noexcept -> flags {
    return _mm_andnot_si128(a, b);
  }
  static auto to_bits(flags f) noexcept -> std::uint64_t {
    return static_cast<std::uint32_t>(_mm_movemask_epi8(f));
  }
  static auto sign_bits(vector v) noexcept -> std::uint64_t {
    return to_bits(v);
  }
};
using vector_ops = sse2_ops;
#elif defined(SEPTET_HAS_NEON)
struct neon_ops {
  using vector = uint8x16_t;
  using flags = uint8x16_t;  // 0xFF or 0x00 per byte
  static auto load(const std::uint8_t* p) noexcept -> vector {
    return vld1q_u8(p);
  }
  static auto splat(char b) noexcept -> vector {
    return vdupq_n_u8(static_cast<std::uint8_t>(b));
  }
  static auto gt(vector a, vector b) noexcept -> flags {
    return vcgtq_s8(vreinterpretq_s8_u8(a), vreinterpretq_s8_u8(b));
  }
  static auto eq(vector a, vector b) noexcept -> flags {
    return vceqq_u8(a, b);
  }
  static auto bit_and(flags a, flags b) noexcept -> flags {
    return vandq_u8(a, b);
  }
  static auto bit_or(flags a, flags b) noexcept -> flags {
    return vorrq_u8(a, b);
  }
  static auto and_not(flags a, flags b) noexcept -> flags {
    return vbicq_u8(b, a);
  }
  /// NEON has no movemask: weigh each byte's flag by its bit, then add up each half.
  static auto to_bits(flags f) noexcept -> std::uint64_t {
    constexpr std::uint8_t weights[16] = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
    const uint8x16_t weighed = vandq_u8(f, vld1q_u8(weights));
    return std::uint64_t{vaddv_u8(vget_low_u8(weighed))} |
           (std::uint64_t{vaddv_u8(vget_high_u8(weighed))} << 8U);
  }
  static auto sign_bits(vector v) noexcept -> std::uint64_t {
    return to_bits(vcltzq_s8(vreinterpretq_s8_u8(v)));
  }
};
using vector_ops = neon_ops;
#endif

/// The instruction set the vector code was compiled for.
inline constexpr const char* vector_instruction_set =
#if defined(SEPTET_HAS_AVX512BW)
    "avx512bw";
#elif defined(SEPTET_HAS_AVX2)
    "avx2";
#elif defined(SEPTET_HAS_SSE2)
    "sse2";
#elif defined(SEPTET_HAS_NEON)
    "neon";
#else
    "scalar";
#endif

#if defined(SEPTET_HAS_AVX512BW) || defined(SEPTET_HAS_AVX2) || defined(SEPTET_HAS_SSE2) || \
    defined(SEPTET_HAS_NEON)
#  define SEPTET_HAS_BYTE_VECTORS 1

/// Byte tests on one vector. Compares are signed: 0x80..0xFF are the negative bytes, so "above
/// 0xC1" is "greater than -63" among them; ASCII then passes, and callers drop it where it matters.
struct vector_bytes {
  using flags = vector_ops::flags;
  vector_ops::vector v;

  static auto splat(unsigned b) noexcept -> vector_ops::vector {
    return vector_ops::splat(static_cast<char>(static_cast<std::int8_t>(b)));
  }
  /// Signed v > b.
  [[nodiscard]] auto above(unsigned b) const noexcept -> flags {
    return vector_ops::gt(v, splat(b));
  }
  /// Signed v < b.
  [[nodiscard]] auto below(unsigned b) const noexcept -> flags {
    return vector_ops::gt(splat(b), v);
  }
  [[nodiscard]] auto is(unsigned b) const noexcept -> flags {
    return vector_ops::eq(v, splat(b));
  }
  /// first <= v <= last, both in 0x00..0x7F or both in 0x80..0xFF.
  [[nodiscard]] auto within(unsigned first, unsigned last) const noexcept -> flags {
    return vector_ops::bit_and(above(first - 1), below(last + 1));
  }
  /// Bytes 0x80..0xFF.
  [[nodiscard]] auto high() const noexcept -> std::uint64_t {
    return vector_ops::sign_bits(v);
  }
};

/// Calls `visit(bytes, shift)` for each vector of a 64-byte block; `shift` places its bits in a
/// 64-bit mask. Unrolled, so that every shift is a constant.
template <class Visit>
SEPTET_ALWAYS_INLINE inline void for_each_vector(const std::uint8_t* p, Visit visit) noexcept {
  constexpr std::size_t lanes = sizeof(vector_ops::vector);
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    (visit(vector_bytes{vector_ops::load(p + K * lanes)}, K * lanes), ...);
  }
  (std::make_index_sequence<64 / lanes>{});
}
#endif

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_BYTE_VECTOR_HPP

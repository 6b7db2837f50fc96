#ifndef SEPTET_DETAIL_BYTE_VECTOR_HPP
#define SEPTET_DETAIL_BYTE_VECTOR_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <septet/detail/always_inline.hpp>
#include <utility>

// Byte compares on vectors: AVX-512BW (64 bytes, compares give a bit mask), AVX2 (32), SSE2 (16,
// the x86-64 baseline), NEON (16, AArch64). SEPTET_NO_SIMD forces the portable scalar code (the
// tests build it that way too).
//
// Which ones are compiled: the widest the compiler targets (-mavx2, -march=native: "static", no
// state, as on MSVC and AArch64). But a build for less than AVX2 with GCC or Clang on x86-64 (what
// a distribution ships) compiles the AVX2 and AVX-512BW ones as well, each function carrying its
// target attribute, and picks one at run time (SEPTET_VECTOR_DISPATCH; see utf8_block.hpp and
// <septet/vector_path.hpp>).
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
// Not for clang-cl or clang targeting MSVC: __builtin_cpu_supports there needs compiler-rt's
// __cpu_model, which is not linked by default.
#if defined(SEPTET_HAS_SSE2) && !defined(SEPTET_HAS_AVX2) && defined(__x86_64__) && \
    (defined(__GNUC__) || defined(__clang__)) && !defined(_MSC_VER)
#  include <immintrin.h>  // GCC and Clang declare every intrinsic, whatever the target
#  define SEPTET_VECTOR_DISPATCH 1
// What each wider path needs of the CPU: its compiler target, and the __builtin_cpu_supports names
// that utf8_block.hpp checks before using it.
#  define SEPTET_TARGET_AVX2 __attribute__((target("avx2,bmi,bmi2,popcnt")))
#  define SEPTET_TARGET_AVX512BW __attribute__((target("avx512f,avx512bw,avx2,bmi,bmi2,popcnt")))
#else
#  define SEPTET_TARGET_AVX2
#  define SEPTET_TARGET_AVX512BW
#endif
// Where code for BMI2 is compiled without AVX-512BW (the AVX2 path, chosen at run time or by the
// compiler's target) on x86-64 with GCC or Clang, whether PEXT and PDEP are fast is asked of the
// CPU once (see cpu_runs_pext_fast in <septet/vector_path.hpp>). Not on Windows: MinGW's
// <cpuid.h> defines a __cpuid macro that breaks <intrin.h>, which Windows headers include.
#if (defined(SEPTET_VECTOR_DISPATCH) || (defined(__BMI2__) && !defined(SEPTET_HAS_AVX512BW))) && \
    defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(_MSC_VER) &&    \
    !defined(_WIN32) && !defined(SEPTET_NO_SIMD)
#  include <cpuid.h>
#  define SEPTET_PEXT_SPEED_AT_RUN_TIME 1
#endif

namespace septet::inline v0::detail {

/// The `n` < Lanes bytes at `p` followed by zeros: what load_partial loads where no masked load
/// keeps a read inside the text.
template <std::size_t Lanes>
SEPTET_ALWAYS_INLINE inline auto zero_padded(const std::uint8_t* p, std::size_t n) noexcept
    -> std::array<std::uint8_t, Lanes> {
  std::array<std::uint8_t, Lanes> bytes{};
  std::memcpy(bytes.data(), p, n);
  return bytes;
}

#if defined(SEPTET_HAS_SSE2) || defined(SEPTET_HAS_AVX2)  // MSVC's 32-bit x86 may have AVX2 only
/// Two little-endian words (x86's order).
struct word_pair {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
};

/// The `n` < 16 bytes at `p` followed by zeros, as two words: loads that overlap inside the text
/// (never past it), joined in registers, so that no copy through memory has to be waited for.
SEPTET_ALWAYS_INLINE inline auto partial_words(const std::uint8_t* p, std::size_t n) noexcept
    -> word_pair {
  const auto word = [p]<class Word>(std::size_t at, Word) SEPTET_ALWAYS_INLINE {
    Word w;
    std::memcpy(&w, p + at, sizeof w);
    return std::uint64_t{w};
  };
  if (n >= 8) {
    // The second load ends with the text; the bytes it shares with the first are shifted out.
    return {word(0, std::uint64_t{}), n > 8 ? word(n - 8, std::uint64_t{}) >> (8 * (16 - n)) : 0};
  }
  if (n >= 4) {
    // The loads overlap by 8 - n bytes, which both hold at the same places.
    return {word(0, std::uint32_t{}) | (word(n - 4, std::uint32_t{}) << (8 * (n - 4))), 0};
  }
  if (n > 0) {
    return {std::uint64_t{p[0]} | (std::uint64_t{p[n / 2]} << (8 * (n / 2))) |
                (std::uint64_t{p[n - 1]} << (8 * (n - 1))),
            0};
  }
  return {};
}

/// The first `n` < 16 bytes of `v` to `p`, by stores of 8, 4, 2 and 1 bytes: no call to memcpy,
/// around which the vector registers a loop keeps its constants in would be saved and restored.
SEPTET_ALWAYS_INLINE inline void store_first_bytes(std::uint8_t* p,
                                                   __m128i v,
                                                   std::size_t n) noexcept {
  // The low 8 bytes of a vector as a word, through memory in form only: a register move.
  const auto low_word = [](__m128i x) SEPTET_ALWAYS_INLINE {
    std::uint64_t w = 0;
    _mm_storel_epi64(reinterpret_cast<__m128i*>(&w), x);
    return w;
  };
  std::uint64_t word = low_word(v);
  if (n >= 8) {
    std::memcpy(p, &word, 8);
    word = low_word(_mm_srli_si128(v, 8));
    p += 8;
  }
  const auto put = [&](auto piece) SEPTET_ALWAYS_INLINE {
    if ((n & sizeof piece) != 0) {
      piece = static_cast<decltype(piece)>(word);
      std::memcpy(p, &piece, sizeof piece);
      word >>= 8U * sizeof piece;
      p += sizeof piece;
    }
  };
  put(std::uint32_t{});
  put(std::uint16_t{});
  put(std::uint8_t{});
}

/// partial_words in a vector of 16 bytes.
SEPTET_ALWAYS_INLINE inline auto partial_vector(const std::uint8_t* p, std::size_t n) noexcept
    -> __m128i {
  const word_pair w = partial_words(p, n);
  return _mm_set_epi64x(static_cast<long long>(w.high), static_cast<long long>(w.low));
}
#endif

#if defined(SEPTET_HAS_AVX2) || defined(SEPTET_VECTOR_DISPATCH)
/// The 16 bytes that end at `end`, moved down by `drop` (1 to 16), zeros behind: the last of a
/// text whose earlier bytes are already in hand, read without a byte past it.
SEPTET_TARGET_AVX2 inline auto end_moved_down(const std::uint8_t* end, std::size_t drop) noexcept
    -> __m128i {
  // Shuffle indexes: read from `drop` on, they move each byte down by `drop` (0x80: a zero).
  static constexpr std::array<std::uint8_t, 32> moved_down = {
      0,    1,    2,    3,    4,    5,    6,    7,    8,    9,    10,
      11,   12,   13,   14,   15,   0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
      0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80};
  const auto load = [](const std::uint8_t* at) SEPTET_ALWAYS_INLINE SEPTET_TARGET_AVX2 {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  };
  return _mm_shuffle_epi8(load(end - 16), load(&moved_down[drop]));
}
#endif

#if defined(SEPTET_HAS_AVX512BW) || defined(SEPTET_VECTOR_DISPATCH)
struct avx512bw_ops {
  using vector = __m512i;
  using flags = __mmask64;  // compares give one bit per byte directly
  /// load_partial and store_partial are masked loads and stores: no copy through memory.
  static constexpr bool masked_partial = true;
  SEPTET_TARGET_AVX512BW static auto load(const std::uint8_t* p) noexcept -> vector {
    return _mm512_loadu_si512(p);
  }
  /// The `n` < 64 bytes at `p`, zeros after them; reads no byte past them (masked lanes do not
  /// fault).
  SEPTET_TARGET_AVX512BW static auto load_partial(const std::uint8_t* p, std::size_t n) noexcept
      -> vector {
    return _mm512_maskz_loadu_epi8((std::uint64_t{1} << n) - 1, p);
  }
  SEPTET_TARGET_AVX512BW static void store(std::uint8_t* p, vector v) noexcept {
    _mm512_storeu_si512(p, v);
  }
  /// The first `n` < 64 bytes of `v` to `p`; writes no byte past them (masked lanes).
  SEPTET_TARGET_AVX512BW static void store_partial(std::uint8_t* p,
                                                   vector v,
                                                   std::size_t n) noexcept {
    _mm512_mask_storeu_epi8(p, (std::uint64_t{1} << n) - 1, v);
  }
  /// The bytes of `a` where `f` is set, else those of `b`.
  SEPTET_TARGET_AVX512BW static auto select(flags f, vector a, vector b) noexcept -> vector {
    return _mm512_mask_blend_epi8(f, b, a);
  }
  SEPTET_TARGET_AVX512BW static auto splat(char b) noexcept -> vector {
    return _mm512_set1_epi8(b);
  }
  SEPTET_TARGET_AVX512BW static auto gt(vector a, vector b) noexcept -> flags {
    return _mm512_cmpgt_epi8_mask(a, b);
  }
  SEPTET_TARGET_AVX512BW static auto eq(vector a, vector b) noexcept -> flags {
    return _mm512_cmpeq_epi8_mask(a, b);
  }
  SEPTET_TARGET_AVX512BW static auto bit_and(flags a, flags b) noexcept -> flags {
    return a & b;
  }
  SEPTET_TARGET_AVX512BW static auto bit_or(flags a, flags b) noexcept -> flags {
    return a | b;
  }
  SEPTET_TARGET_AVX512BW static auto and_not(flags a, flags b) noexcept -> flags {
    return ~a & b;
  }
  SEPTET_TARGET_AVX512BW static auto to_bits(flags f) noexcept -> std::uint64_t {
    return f;
  }
  SEPTET_TARGET_AVX512BW static auto sign_bits(vector v) noexcept -> std::uint64_t {
    return _mm512_movepi8_mask(v);
  }
  /// Byte shuffles: nibble look-ups (see nibble_tables).
  static constexpr bool has_lookup = true;
  /// A table of 16 bytes in every 128-bit lane (a shuffle looks up within its lane).
  SEPTET_TARGET_AVX512BW static auto table(const std::array<std::uint8_t, 16>& t) noexcept
      -> vector {
    // The zero-masked form: GCC 12 warns that the plain one reads an undefined vector.
    return _mm512_maskz_broadcast_i32x4(
        0xFFFF, _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data())));
  }
  /// Each byte's entry of `t` at its index, 0..15.
  SEPTET_TARGET_AVX512BW static auto lookup(vector t, vector index) noexcept -> vector {
    return _mm512_shuffle_epi8(t, index);
  }
  SEPTET_TARGET_AVX512BW static auto low_nibbles(vector v) noexcept -> vector {
    return _mm512_and_si512(v, _mm512_set1_epi8(0x0F));
  }
  SEPTET_TARGET_AVX512BW static auto high_nibbles(vector v) noexcept -> vector {
    return _mm512_and_si512(_mm512_srli_epi16(v, 4), _mm512_set1_epi8(0x0F));
  }
  SEPTET_TARGET_AVX512BW static auto both(vector a, vector b) noexcept -> vector {
    return _mm512_and_si512(a, b);
  }
  SEPTET_TARGET_AVX512BW static auto either(vector a, vector b) noexcept -> vector {
    return _mm512_or_si512(a, b);
  }
  /// `v` with the bits of `bits` flipped.
  SEPTET_TARGET_AVX512BW static auto toggled(vector v, vector bits) noexcept -> vector {
    return _mm512_xor_si512(v, bits);
  }
  /// A bit per byte: whether bit K of the byte is set.
  template <unsigned K>
  SEPTET_TARGET_AVX512BW static auto bit_set(vector v) noexcept -> std::uint64_t {
    return _mm512_test_epi8_mask(v, _mm512_set1_epi8(static_cast<char>(1U << K)));
  }
};
#endif

#if defined(SEPTET_HAS_AVX2) || defined(SEPTET_VECTOR_DISPATCH)
struct avx2_ops {
  using vector = __m256i;
  using flags = __m256i;  // 0xFF or 0x00 per byte
  /// No masked byte loads: load_partial joins loads inside the text in registers; store_partial
  /// stores 16, 8, 4, 2 and 1 bytes (store_first_bytes).
  static constexpr bool masked_partial = false;
  SEPTET_TARGET_AVX2 static auto load(const std::uint8_t* p) noexcept -> vector {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  }
  SEPTET_TARGET_AVX2 static auto load_partial(const std::uint8_t* p, std::size_t n) noexcept
      -> vector {
    if (n >= 16) {  // the high half: the 16 bytes that end the text, less those of the low half
      return _mm256_set_m128i(end_moved_down(p + n, 32 - n),
                              _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
    }
    return _mm256_set_m128i(_mm_setzero_si128(), partial_vector(p, n));
  }
  SEPTET_TARGET_AVX2 static void store(std::uint8_t* p, vector v) noexcept {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), v);
  }
  /// The first `n` < 32 bytes of `v` to `p`; writes no byte past them.
  SEPTET_TARGET_AVX2 static void store_partial(std::uint8_t* p, vector v, std::size_t n) noexcept {
    __m128i half = _mm256_castsi256_si128(v);
    if (n >= 16) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p), half);
      half = _mm256_extracti128_si256(v, 1);
      p += 16;
      n -= 16;
    }
    store_first_bytes(p, half, n);
  }
  SEPTET_TARGET_AVX2 static auto select(flags f, vector a, vector b) noexcept -> vector {
    return _mm256_blendv_epi8(b, a, f);
  }
  SEPTET_TARGET_AVX2 static auto splat(char b) noexcept -> vector {
    return _mm256_set1_epi8(b);
  }
  SEPTET_TARGET_AVX2 static auto gt(vector a, vector b) noexcept -> flags {
    return _mm256_cmpgt_epi8(a, b);
  }
  SEPTET_TARGET_AVX2 static auto eq(vector a, vector b) noexcept -> flags {
    return _mm256_cmpeq_epi8(a, b);
  }
  SEPTET_TARGET_AVX2 static auto bit_and(flags a, flags b) noexcept -> flags {
    return _mm256_and_si256(a, b);
  }
  SEPTET_TARGET_AVX2 static auto bit_or(flags a, flags b) noexcept -> flags {
    return _mm256_or_si256(a, b);
  }
  SEPTET_TARGET_AVX2 static auto and_not(flags a, flags b) noexcept -> flags {
    return _mm256_andnot_si256(a, b);
  }
  SEPTET_TARGET_AVX2 static auto to_bits(flags f) noexcept -> std::uint64_t {
    return static_cast<std::uint32_t>(_mm256_movemask_epi8(f));
  }
  SEPTET_TARGET_AVX2 static auto sign_bits(vector v) noexcept -> std::uint64_t {
    return to_bits(v);
  }
  /// Byte shuffles: nibble look-ups (see nibble_tables).
  static constexpr bool has_lookup = true;
  /// A table of 16 bytes in both 128-bit lanes (a shuffle looks up within its lane).
  SEPTET_TARGET_AVX2 static auto table(const std::array<std::uint8_t, 16>& t) noexcept -> vector {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data())));
  }
  /// Each byte's entry of `t` at its index, 0..15.
  SEPTET_TARGET_AVX2 static auto lookup(vector t, vector index) noexcept -> vector {
    return _mm256_shuffle_epi8(t, index);
  }
  SEPTET_TARGET_AVX2 static auto low_nibbles(vector v) noexcept -> vector {
    return _mm256_and_si256(v, _mm256_set1_epi8(0x0F));
  }
  SEPTET_TARGET_AVX2 static auto high_nibbles(vector v) noexcept -> vector {
    return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
  }
  SEPTET_TARGET_AVX2 static auto both(vector a, vector b) noexcept -> vector {
    return _mm256_and_si256(a, b);
  }
  SEPTET_TARGET_AVX2 static auto either(vector a, vector b) noexcept -> vector {
    return _mm256_or_si256(a, b);
  }
  /// `v` with the bits of `bits` flipped.
  SEPTET_TARGET_AVX2 static auto toggled(vector v, vector bits) noexcept -> vector {
    return _mm256_xor_si256(v, bits);
  }
  /// A bit per byte: whether bit K of the byte is set. A shift of the 16-bit lanes by 7 - K
  /// moves bit K of each byte to its sign bit, whose mask AVX2 gathers in one instruction.
  template <unsigned K>
  SEPTET_TARGET_AVX2 static auto bit_set(vector v) noexcept -> std::uint64_t {
    return to_bits(_mm256_slli_epi16(v, 7 - K));
  }
};
#endif

// Also where AVX2 is (MSVC's 32-bit x86 may have AVX2 only): the AVX2 paths do some work 16 bytes
// at a time.
#if defined(SEPTET_HAS_SSE2) || defined(SEPTET_HAS_AVX2)
struct sse2_ops {
  using vector = __m128i;
  using flags = __m128i;  // 0xFF or 0x00 per byte
  /// No nibble look-ups: SSE2 has no byte shuffle (SSSE3 added it); compares instead.
  static constexpr bool has_lookup = false;
  /// No masked byte loads: load_partial joins loads inside the text in registers; store_partial
  /// stores 16, 8, 4, 2 and 1 bytes (store_first_bytes).
  static constexpr bool masked_partial = false;
  static auto load(const std::uint8_t* p) noexcept -> vector {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  }
  static auto load_partial(const std::uint8_t* p, std::size_t n) noexcept -> vector {
    return partial_vector(p, n);
  }
  static void store(std::uint8_t* p, vector v) noexcept {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v);
  }
  /// The first `n` < 16 bytes of `v` to `p`; writes no byte past them.
  static void store_partial(std::uint8_t* p, vector v, std::size_t n) noexcept {
    store_first_bytes(p, v, n);
  }
  static auto select(flags f, vector a, vector b) noexcept -> vector {
    return _mm_or_si128(_mm_and_si128(f, a), _mm_andnot_si128(f, b));
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
#endif

#if defined(SEPTET_HAS_AVX2) || defined(SEPTET_VECTOR_DISPATCH)
/// sse2_ops with SSSE3's byte shuffles: the AVX2 and AVX-512BW paths' work on 16 bytes.
struct sse_shuffle_ops : sse2_ops {
  static constexpr bool has_lookup = true;
  SEPTET_TARGET_AVX2 static auto table(const std::array<std::uint8_t, 16>& t) noexcept -> vector {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data()));
  }
  /// Each byte's entry of `t` at its index, 0..15.
  SEPTET_TARGET_AVX2 static auto lookup(vector t, vector index) noexcept -> vector {
    return _mm_shuffle_epi8(t, index);
  }
  SEPTET_TARGET_AVX2 static auto low_nibbles(vector v) noexcept -> vector {
    return _mm_and_si128(v, _mm_set1_epi8(0x0F));
  }
  SEPTET_TARGET_AVX2 static auto high_nibbles(vector v) noexcept -> vector {
    return _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F));
  }
  SEPTET_TARGET_AVX2 static auto both(vector a, vector b) noexcept -> vector {
    return _mm_and_si128(a, b);
  }
  SEPTET_TARGET_AVX2 static auto either(vector a, vector b) noexcept -> vector {
    return _mm_or_si128(a, b);
  }
  /// `v` with the bits of `bits` flipped.
  SEPTET_TARGET_AVX2 static auto toggled(vector v, vector bits) noexcept -> vector {
    return _mm_xor_si128(v, bits);
  }
};
#endif

#if defined(SEPTET_HAS_NEON)
struct neon_ops {
  using vector = uint8x16_t;
  using flags = uint8x16_t;  // 0xFF or 0x00 per byte
  /// No nibble look-ups (yet): compares, as NEON's masks cost a few instructions each.
  static constexpr bool has_lookup = false;
  /// load_partial and store_partial copy through a buffer on the stack (a vector load of bytes
  /// just stored one by one waits for those stores: tens of cycles).
  static constexpr bool masked_partial = false;
  static auto load(const std::uint8_t* p) noexcept -> vector {
    return vld1q_u8(p);
  }
  static auto load_partial(const std::uint8_t* p, std::size_t n) noexcept -> vector {
    return load(zero_padded<sizeof(vector)>(p, n).data());
  }
  static void store(std::uint8_t* p, vector v) noexcept {
    vst1q_u8(p, v);
  }
  static void store_partial(std::uint8_t* p, vector v, std::size_t n) noexcept {
    std::array<std::uint8_t, sizeof(vector)> bytes;
    store(bytes.data(), v);
    std::memcpy(p, bytes.data(), n);
  }
  static auto select(flags f, vector a, vector b) noexcept -> vector {
    return vbslq_u8(f, a, b);
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
#endif

/// The widest vectors the compiler targets (SSE2 in a build that dispatches at run time).
#if defined(SEPTET_HAS_AVX512BW)
using vector_ops = avx512bw_ops;
#elif defined(SEPTET_HAS_AVX2)
using vector_ops = avx2_ops;
#elif defined(SEPTET_HAS_SSE2)
using vector_ops = sse2_ops;
#elif defined(SEPTET_HAS_NEON)
using vector_ops = neon_ops;
#endif

#if defined(SEPTET_HAS_AVX512BW) || defined(SEPTET_HAS_AVX2) || defined(SEPTET_HAS_SSE2) || \
    defined(SEPTET_HAS_NEON)
#  define SEPTET_HAS_BYTE_VECTORS 1
#endif

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_BYTE_VECTOR_HPP

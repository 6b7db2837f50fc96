#ifndef SEPTET_DETAIL_UTF8_BLOCK_HPP
#define SEPTET_DETAIL_UTF8_BLOCK_HPP

#include <array>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <septet/detail/always_inline.hpp>
#include <septet/detail/bits.hpp>
#include <septet/detail/byte_vector.hpp>
#include <septet/detail/escape_shuffles.hpp>
#include <septet/detail/gsm7_tables.hpp>
#include <septet/detail/plain_run.hpp>
#include <septet/detail/utf16be.hpp>
#include <septet/detail/utf8.hpp>
#include <septet/vector_path.hpp>
#include <utility>

// Run time only: UTF-8 read 64 bytes at a time as bit masks, one per byte class (bit i: byte i).
// Validating, counting characters and UTF-16 units, and telling GSM characters from the rest then
// take a few vector compares and bit operations per block, not a loop per character, so mixed
// text (words of Latin, Cyrillic, CJK and emoji side by side) stays in bulk. Only the default GSM
// tables have the shape this relies on (checked below); national tables go character by character.
namespace septet::inline v0::detail {

inline constexpr std::size_t block_size = 64;

/// ASCII characters of the GSM extension table (2 septets): form feed [ \ ] ^ { | } ~.
[[nodiscard]] constexpr auto is_ascii_extension(std::uint8_t b) noexcept -> bool {
  return b == 0x0C || (b >= 0x5B && b <= 0x5E) || (b >= 0x7B && b <= 0x7E);
}

/// LF and CR: GSM characters that are not plain (they matter to grapheme breaking).
[[nodiscard]] constexpr auto is_line_break(std::uint8_t b) noexcept -> bool {
  return b == 0x0A || b == 0x0D;
}

// Among ASCII, GSM is exactly: plain and line breaks (1 septet), and the extension characters.
static_assert([] {
  for (std::uint8_t b = 0; b < 0x80; ++b) {
    const std::uint8_t packed = tables::gsm7_reverse_direct[b];
    const std::size_t expected = tables::plain_ascii[b] || is_line_break(b) ? 1
                                 : is_ascii_extension(b)                    ? 2
                                                                            : 0;
    const std::size_t septets = packed == tables::reverse_none                   ? 0
                                : (packed & tables::reverse_extension_flag) != 0 ? 2
                                                                                 : 1;
    if (septets != expected) {
      return false;
    }
  }
  return true;
}());

/// The plain ASCII characters whose septet is not their own byte: @ $ _ (wire encoding reads
/// the rest of plain ASCII, and the line breaks, as septets unchanged).
inline constexpr std::array<std::uint8_t, 3> moved_plain_ascii = {0x40, 0x24, 0x5F};

static_assert([] {
  for (std::uint8_t b = 0; b < 0x80; ++b) {
    const bool moved =
        b == moved_plain_ascii[0] || b == moved_plain_ascii[1] || b == moved_plain_ascii[2];
    if ((tables::plain_ascii[b] || is_line_break(b)) && !moved &&
        tables::gsm7_reverse_direct[b] != b) {
      return false;
    }
  }
  return true;
}());

/// The lead byte of a non-ASCII BMP character's UTF-8 form.
[[nodiscard]] constexpr auto utf8_lead_of(char16_t unit) noexcept -> std::uint8_t {
  return static_cast<std::uint8_t>(unit < 0x800U ? 0xC0U | (unit >> 6U) : 0xE0U | (unit >> 12U));
}

/// Leads of the two-byte GSM characters (Latin-1 and Greek capitals), in latin_gsm order.
inline constexpr std::array<std::uint8_t, 3> latin_leads = {0xC2, 0xC3, 0xCE};
inline constexpr char16_t euro_sign = 0x20AC;

// Beyond ASCII, every GSM character is a two-byte one with a lead in latin_leads (1 septet), or
// the euro sign (an extension character).
static_assert([] {
  const auto shaped = [](char16_t unit, bool extension) {
    const std::uint8_t lead = utf8_lead_of(unit);
    const bool latin = lead == latin_leads[0] || lead == latin_leads[1] || lead == latin_leads[2];
    return unit < 0x80U || (latin && unit < 0x800U && !extension) ||
           (unit == euro_sign && extension);
  };
  for (const char16_t unit : tables::gsm7_basic) {
    if (unit != tables::gsm7_escape_slot && !shaped(unit, false)) {
      return false;
    }
  }
  for (const auto& entry : tables::gsm7_extension) {
    if (!shaped(entry.unit, true)) {
      return false;
    }
  }
  return true;
}());

/// For each of latin_leads, bit s set when the character of second byte 0x80 + s is GSM.
inline constexpr std::array<std::uint64_t, 3> latin_gsm = [] {
  std::array<std::uint64_t, 3> maps{};
  for (std::size_t k = 0; k < latin_leads.size(); ++k) {
    for (std::size_t s = 0; s < 64; ++s) {
      const std::size_t cp = ((latin_leads[k] & 0x1FU) << 6U) | s;
      maps[k] |=
          tables::gsm7_reverse_direct[cp] != tables::reverse_none ? std::uint64_t{1} << s : 0U;
    }
  }
  return maps;
}();

/// The byte classes of one block.
struct byte_classes {
  std::uint64_t non_ascii = 0;        // 0x80..0xFF
  std::uint64_t continuation = 0;     // 0x80..0xBF
  std::uint64_t from_c2 = 0;          // 0xC2..0xFF: a lead byte, or 0xF5..0xFF
  std::uint64_t from_e0 = 0;          // 0xE0..0xFF
  std::uint64_t from_f0 = 0;          // 0xF0..0xFF
  std::uint64_t from_f5 = 0;          // 0xF5..0xFF: never in UTF-8
  std::uint64_t ascii_gsm = 0;        // GSM ASCII: plain, is_line_break, is_ascii_extension
  std::uint64_t ascii_extension = 0;  // is_ascii_extension
  std::uint64_t latin_lead = 0;       // latin_leads
  /// Leads that a look at the next bytes settles: E0 ED F0 F4, whose second byte has a narrower
  /// range, and E2, whose one GSM character is the euro sign.
  std::uint64_t special_lead = 0;

  /// The classes of the bytes from byte `n` on: every mask moved down by `n` bits.
  [[nodiscard]] constexpr auto from_byte(std::size_t n) const noexcept -> byte_classes {
    return {non_ascii >> n,  continuation >> n, from_c2 >> n,   from_e0 >> n,
            from_f0 >> n,    from_f5 >> n,      ascii_gsm >> n, ascii_extension >> n,
            latin_lead >> n, special_lead >> n};
  }

  friend constexpr auto operator==(const byte_classes&, const byte_classes&) noexcept
      -> bool = default;
};

/// GSM ASCII: plain, is_line_break, is_ascii_extension.
[[nodiscard]] constexpr auto is_ascii_gsm(std::uint8_t b) noexcept -> bool {
  return tables::plain_ascii[b] || is_line_break(b) || is_ascii_extension(b);
}

[[nodiscard]] constexpr auto is_latin_lead(std::uint8_t b) noexcept -> bool {
  return b == latin_leads[0] || b == latin_leads[1] || b == latin_leads[2];
}

/// See byte_classes::special_lead.
[[nodiscard]] constexpr auto is_special_lead(std::uint8_t b) noexcept -> bool {
  return b == 0xE0U || b == 0xE2U || b == 0xEDU || b == 0xF0U || b == 0xF4U;
}

/// The definition the vector code implements, byte by byte (also the portable fallback).
[[nodiscard]] constexpr auto classify_bytes_scalar(const std::uint8_t* p) noexcept -> byte_classes {
  byte_classes c;
  for (std::size_t i = 0; i < block_size; ++i) {
    const std::uint8_t b = p[i];
    const std::uint64_t bit = std::uint64_t{1} << i;
    const auto set = [&](std::uint64_t& mask, bool yes) { mask |= yes ? bit : 0U; };
    set(c.non_ascii, b >= 0x80U);
    set(c.continuation, b >= 0x80U && b < 0xC0U);
    set(c.from_c2, b >= 0xC2U);
    set(c.from_e0, b >= 0xE0U);
    set(c.from_f0, b >= 0xF0U);
    set(c.from_f5, b >= 0xF5U);
    set(c.ascii_gsm, is_ascii_gsm(b));
    set(c.ascii_extension, is_ascii_extension(b));
    set(c.latin_lead, is_latin_lead(b));
    set(c.special_lead, is_special_lead(b));
  }
  return c;
}

/// A rectangle of the 16 x 16 table of byte values: the bytes whose high nibble is in `highs` and
/// whose low nibble is in `lows` (bit n: nibble n).
struct nibble_rectangle {
  std::uint16_t highs = 0;
  std::uint16_t lows = 0;

  [[nodiscard]] constexpr auto holds(std::uint8_t b) const noexcept -> bool {
    return ((highs >> (b >> 4U)) & 1U) != 0 && ((lows >> (b & 0xFU)) & 1U) != 0;
  }
};

/// The classes that paths with a byte shuffle (AVX2, AVX-512BW) look up by nibble rather than
/// compare byte values and ranges one by one: each the union of at most two rectangles (the GSM
/// ASCII, of four, in two parts: 20..6F, and the rest); the bit of each in nibble_tables.
namespace nibble_class {
inline constexpr unsigned from_c2 = 0;
inline constexpr unsigned ascii_gsm_to_6f = 1;
inline constexpr unsigned ascii_gsm_rest = 2;
inline constexpr unsigned ascii_extension = 3;
inline constexpr unsigned latin_lead = 4;
inline constexpr unsigned special_lead = 5;
}  // namespace nibble_class

inline constexpr std::array<std::array<nibble_rectangle, 2>, 6> nibble_class_rectangles = {{
    {{{0x1000, 0xFFFC}, {0xE000, 0xFFFF}}},  // C2..CF; D0..FF
    {{{0x003C, 0xFFFF}, {0x0040, 0xFFFE}}},  // 20..5F; 61..6F
    {{{0x0080, 0x7FFF}, {0x0001, 0x3400}}},  // 70..7E; 0A 0C 0D
    {{{0x00A0, 0x7800}, {0x0001, 0x1000}}},  // 5B..5E 7B..7E; 0C
    {{{0x1000, 0x400C}, {}}},                // C2 C3 CE
    {{{0x4000, 0x2005}, {0x8000, 0x0011}}},  // E0 E2 ED; F0 F4
}};

/// Bit k of (high_a[b >> 4] & low_a[b & 15]) | (high_b[b >> 4] & low_b[b & 15]): whether byte b is
/// in class k of nibble_class, the first rectangle of the class in the a tables, the second in b.
struct nibble_tables {
  std::array<std::uint8_t, 16> high_a{};
  std::array<std::uint8_t, 16> low_a{};
  std::array<std::uint8_t, 16> high_b{};
  std::array<std::uint8_t, 16> low_b{};

  [[nodiscard]] constexpr auto classes_of(std::uint8_t b) const noexcept -> unsigned {
    const std::size_t high = b >> 4U;
    const std::size_t low = b & 0xFU;
    return (high_a[high] & low_a[low]) | (high_b[high] & low_b[low]);
  }
};

inline constexpr nibble_tables class_nibble_tables = [] {
  nibble_tables t;
  for (std::size_t k = 0; k < nibble_class_rectangles.size(); ++k) {
    const auto bit = static_cast<std::uint8_t>(1U << k);
    const auto& [a, b] = nibble_class_rectangles[k];
    for (std::size_t n = 0; n < 16; ++n) {
      t.high_a[n] |= ((a.highs >> n) & 1U) != 0 ? bit : 0U;
      t.low_a[n] |= ((a.lows >> n) & 1U) != 0 ? bit : 0U;
      t.high_b[n] |= ((b.highs >> n) & 1U) != 0 ? bit : 0U;
      t.low_b[n] |= ((b.lows >> n) & 1U) != 0 ? bit : 0U;
    }
  }
  return t;
}();

// The look-ups give exactly the classes of classify_bytes_scalar.
static_assert([] {
  for (unsigned value = 0; value < 256; ++value) {
    const auto b = static_cast<std::uint8_t>(value);
    const unsigned classes = class_nibble_tables.classes_of(b);
    const auto in = [&](unsigned k) { return ((classes >> k) & 1U) != 0; };
    namespace k = nibble_class;
    if (in(k::from_c2) != (b >= 0xC2U) ||
        (in(k::ascii_gsm_to_6f) || in(k::ascii_gsm_rest)) != is_ascii_gsm(b) ||
        in(k::ascii_extension) != is_ascii_extension(b) || in(k::latin_lead) != is_latin_lead(b) ||
        in(k::special_lead) != is_special_lead(b)) {
      return false;
    }
  }
  return true;
}());

/// The septets of plain ASCII and line breaks as nibble look-ups, for paths with a byte shuffle: a
/// byte's class, high[b >> 4] & low[b & 15], is not zero exactly where the byte is one septet, and
/// has bit k where it is moved_plain_ascii[k]; its septet is then the byte XOR moves[class & 15].
/// Three look-ups, where compares take one per byte value or range and three selects.
struct septet_nibble_tables {
  std::array<std::uint8_t, 16> high{};
  std::array<std::uint8_t, 16> low{};
  std::array<std::uint8_t, 16> moves{};

  [[nodiscard]] constexpr auto class_of(std::uint8_t b) const noexcept -> std::uint8_t {
    return high[b >> 4U] & low[b & 0xFU];
  }
};

/// The one-septet bytes but '_' (moved, so its own class bit covers it), a class bit each.
inline constexpr std::array<nibble_rectangle, 4> one_septet_rectangles = {{
    {0x0001, 0x2400},  // 0A 0D
    {0x001C, 0xFFFF},  // 20..4F
    {0x00A0, 0x07FF},  // 50..5A 70..7A
    {0x0040, 0xFFFE},  // 61..6F
}};

inline constexpr septet_nibble_tables septet_nibble_table = [] {
  septet_nibble_tables t;
  const auto add = [&](const nibble_rectangle& r, unsigned bit) {
    for (std::size_t n = 0; n < 16; ++n) {
      t.high[n] |= ((r.highs >> n) & 1U) != 0 ? static_cast<std::uint8_t>(1U << bit) : 0U;
      t.low[n] |= ((r.lows >> n) & 1U) != 0 ? static_cast<std::uint8_t>(1U << bit) : 0U;
    }
  };
  for (unsigned k = 0; k < moved_plain_ascii.size(); ++k) {
    const std::uint8_t b = moved_plain_ascii[k];
    add({static_cast<std::uint16_t>(1U << (b >> 4U)), static_cast<std::uint16_t>(1U << (b & 0xFU))},
        k);
  }
  for (unsigned k = 0; k < one_septet_rectangles.size(); ++k) {
    add(one_septet_rectangles[k], static_cast<unsigned>(moved_plain_ascii.size()) + k);
  }
  for (unsigned index = 0; index < 16; ++index) {
    for (unsigned k = 0; k < moved_plain_ascii.size(); ++k) {
      const std::uint8_t b = moved_plain_ascii[k];
      if (((index >> k) & 1U) != 0) {
        t.moves[index] ^= static_cast<std::uint8_t>(b ^ tables::gsm7_reverse_direct[b]);
      }
    }
  }
  return t;
}();

// The look-ups give exactly the septets that plain_septets and one_septet_bits do.
static_assert([] {
  for (unsigned value = 0; value < 256; ++value) {
    const auto b = static_cast<std::uint8_t>(value);
    const std::uint8_t c = septet_nibble_table.class_of(b);
    const bool one = is_plain_by_range(b) || is_line_break(b);
    if ((c != 0) != one ||
        (one && (b ^ septet_nibble_table.moves[c & 0xFU]) != tables::gsm7_reverse_direct[b])) {
      return false;
    }
  }
  return true;
}());

/// The block at `p` with `available` bytes left in the text and `before` bytes of it before `p`:
/// 64 bytes, or fewer at the end. The block routines read no byte outside the text: the vector
/// code reads the last vector back from the text's end where the text is long enough, else in
/// part (see read_back); the scalar code copies a short block into a padded buffer.
class text_block {
 public:
  template <class Char>
  text_block(const Char* p, std::size_t available, std::size_t before) noexcept
      : m_bytes(reinterpret_cast<const std::uint8_t*>(p)),
        m_size(available < block_size ? available : block_size),
        m_before(before) {}

  [[nodiscard]] auto bytes() const noexcept -> const std::uint8_t* {
    return m_bytes;
  }
  /// Bytes of the text in the block (64, or fewer at the end).
  [[nodiscard]] auto size() const noexcept -> std::size_t {
    return m_size;
  }
  /// Bytes of the text before the block, which the vector code may read.
  [[nodiscard]] auto before() const noexcept -> std::size_t {
    return m_before;
  }

 private:
  const std::uint8_t* m_bytes;
  std::size_t m_size;
  std::size_t m_before;
};

/// The whole characters at the start of a block that starts at a character boundary.
struct block_characters {
  std::size_t size = 0;         ///< bytes of whole characters; 0: the block is not valid UTF-8
  std::uint64_t starts = 0;     ///< the first byte of every character
  std::uint64_t astral = 0;     ///< four-byte characters, two UTF-16 units each
  std::uint64_t non_gsm = 0;    ///< characters outside GSM 7-bit's default tables
  std::uint64_t extension = 0;  ///< GSM extension characters, two septets each
  /// Two-byte characters with a lead in latin_leads: GSM or not as latin_gsm says.
  std::uint64_t latin = 0;
};

/// Settles the special leads (see byte_classes) of whole characters: false when a second byte is
/// out of its narrower range (Unicode table 3-7: an overlong form, a surrogate, or a code point
/// above U+10FFFF); else the euro signs among them are set in `euro`.
[[nodiscard]] inline auto settle_special_leads(const std::uint8_t* bytes,
                                               std::uint64_t leads,
                                               std::uint64_t& euro) noexcept -> bool {
  for (; leads != 0; leads &= leads - 1) {
    const auto i = static_cast<std::size_t>(std::countr_zero(leads));
    const std::uint8_t lead = bytes[i];
    const std::uint8_t second = bytes[i + 1];
    if (lead == 0xE2U) {
      euro |= second == 0x82U && bytes[i + 2] == 0xACU ? std::uint64_t{1} << i : 0U;
      continue;
    }
    const bool fits = lead == 0xE0U   ? second >= 0xA0U
                      : lead == 0xEDU ? second <= 0x9FU
                      : lead == 0xF0U ? second >= 0x90U
                                      : second <= 0x8FU;  // 0xF4
    if (!fits) {
      return false;
    }
  }
  return true;
}

/// The latin characters of a block (at `p`) that are not GSM.
template <class Char>
[[nodiscard]] inline auto latin_non_gsm(const Char* p, std::uint64_t latin) noexcept
    -> std::uint64_t {
  std::uint64_t non_gsm = 0;
  for (; latin != 0; latin &= latin - 1) {
    const auto i = static_cast<std::size_t>(std::countr_zero(latin));
    const std::uint8_t lead = byte_of(p[i]);
    const std::uint64_t map = lead == latin_leads[1]   ? latin_gsm[1]
                              : lead == latin_leads[0] ? latin_gsm[0]
                                                       : latin_gsm[2];
    non_gsm |= ((map >> (byte_of(p[i + 1]) & 0x3FU)) & 1U) == 0 ? std::uint64_t{1} << i : 0U;
  }
  return non_gsm;
}

/// The characters of a block that scan_block read at `p` that are outside GSM 7-bit's default
/// tables.
template <class Char>
[[nodiscard]] SEPTET_ALWAYS_INLINE inline auto non_gsm_characters_of(const block_characters& block,
                                                                     const Char* p) noexcept
    -> std::uint64_t {
  return block.non_gsm | latin_non_gsm(p, block.latin);
}

/// UTF-16 units of the characters of a block: one each, two for a four-byte one (bits counted by
/// the path of `kernels`).
template <class Kernels>
[[nodiscard]] SEPTET_ALWAYS_INLINE inline auto utf16_units_of(
    const Kernels& kernels, const block_characters& block) noexcept -> std::size_t {
  return kernels.count_bits(block.starts) + kernels.count_bits(block.astral);
}

/// The code point that starts at p[0] (valid UTF-8, as scan_block checked).
template <class Char>
[[nodiscard]] inline auto code_point_at(const Char* p) noexcept -> char32_t {
  const std::uint8_t lead = byte_of(*p);
  return lead < 0x80U ? char32_t{lead} : next_valid_utf8(p);
}

/// For splitting text that analysis found valid: the first byte of every character, and the
/// characters that cost two units (astral in UCS-2, extension in GSM 7-bit).
struct unit_marks {
  std::uint64_t starts = 0;
  std::uint64_t doubles = 0;
};

/// What a run of GSM characters in ASCII took (see escaped_septets): bytes of the text, and the
/// septets written for them.
struct ascii_run {
  std::size_t bytes = 0;
  std::size_t septets = 0;
};

/// What default_gsm7_septets (block_kernels.hpp) returns when a character is not as expected.
/// (Not an optional: a plain count comes back in a register; GCC sent the optional through the
/// stack.)
inline constexpr std::size_t not_default_gsm7 = std::numeric_limits<std::size_t>::max();

}  // namespace septet::inline v0::detail

// The block routines, once per instruction set (block_kernels.hpp): the scalar reference, the
// widest vectors the compiler targets, and, in a build that chooses at run time, AVX2 and
// AVX-512BW.
#define SEPTET_KERNEL_NAMESPACE scalar_kernels
#define SEPTET_KERNEL_TARGET
#define SEPTET_KERNEL_INLINE SEPTET_ALWAYS_INLINE
#define SEPTET_KERNEL_ENTRY
#include <septet/detail/block_kernels.hpp>
#if defined(SEPTET_HAS_BYTE_VECTORS)
#  define SEPTET_KERNEL_NAMESPACE static_kernels
#  define SEPTET_KERNEL_OPS vector_ops
#  define SEPTET_KERNEL_TARGET
#  define SEPTET_KERNEL_INLINE SEPTET_ALWAYS_INLINE
#  define SEPTET_KERNEL_ENTRY
#  if defined(SEPTET_HAS_AVX512BW) && defined(__BMI2__)
#    define SEPTET_KERNEL_FAST_BMI2 1
#  elif defined(SEPTET_PEXT_SPEED_AT_RUN_TIME) && defined(SEPTET_HAS_AVX2) && defined(__BMI2__)
#    define SEPTET_KERNEL_BMI2_IF_FAST 1
#  endif
#  if defined(SEPTET_HAS_AVX2)
#    define SEPTET_KERNEL_SHUFFLES 1
#  endif
#  include <septet/detail/block_kernels.hpp>
#endif
#if defined(SEPTET_VECTOR_DISPATCH)
#  define SEPTET_KERNEL_NAMESPACE avx2_kernels
#  define SEPTET_KERNEL_OPS avx2_ops
#  define SEPTET_KERNEL_TARGET SEPTET_TARGET_AVX2
#  define SEPTET_KERNEL_INLINE
#  define SEPTET_KERNEL_ENTRY SEPTET_FLATTEN
#  if defined(SEPTET_PEXT_SPEED_AT_RUN_TIME)
#    define SEPTET_KERNEL_BMI2_IF_FAST 1
#  endif
#  define SEPTET_KERNEL_SHUFFLES 1
#  define SEPTET_KERNEL_POPCNT 1
#  include <septet/detail/block_kernels.hpp>
#  define SEPTET_KERNEL_NAMESPACE avx512bw_kernels
#  define SEPTET_KERNEL_OPS avx512bw_ops
#  define SEPTET_KERNEL_TARGET SEPTET_TARGET_AVX512BW
#  define SEPTET_KERNEL_INLINE
#  define SEPTET_KERNEL_ENTRY SEPTET_FLATTEN
#  define SEPTET_KERNEL_FAST_BMI2 1
#  define SEPTET_KERNEL_SHUFFLES 1
#  define SEPTET_KERNEL_POPCNT 1
#  include <septet/detail/block_kernels.hpp>
#endif

namespace septet::inline v0::detail {

/// Calls `visit(k)` with the kernels (see block_kernels.hpp) of the vector path in use, inside a
/// function compiled for that path: `visit`, marked SEPTET_ALWAYS_INLINE with the loop it calls,
/// is compiled once per path, with that path's instructions throughout (POPCNT and BMI for the bit
/// counts, where the path has them, through k.count_bits and k.select_bit: the preprocessor does
/// not know the target of a function). The path is read once per call, not once per block.
template <class Visit>
SEPTET_ALWAYS_INLINE inline auto with_vector_kernels(Visit&& visit) -> decltype(auto) {
#if defined(SEPTET_VECTOR_DISPATCH)
  switch (vector_path_chosen()) {
    case vector_path::avx512bw:
      return avx512bw_kernels::kernels::run(std::forward<Visit>(visit));
    case vector_path::avx2:
      return avx2_kernels::kernels::run(std::forward<Visit>(visit));
    case vector_path::scalar:
      return scalar_kernels::kernels::run(std::forward<Visit>(visit));
    default:
      return static_kernels::kernels::run(std::forward<Visit>(visit));  // SSE2
  }
#elif defined(SEPTET_HAS_BYTE_VECTORS)
  return static_kernels::kernels::run(std::forward<Visit>(visit));
#else
  return scalar_kernels::kernels::run(std::forward<Visit>(visit));
#endif
}

/// The byte classes (see classify_bytes_scalar) of the `size` <= 64 bytes at `p` followed by
/// zeros, on the path in use; no byte outside them and the `before` bytes before `p` is read.
[[nodiscard]] inline auto classify_bytes(const std::uint8_t* p,
                                         std::size_t size = block_size,
                                         std::size_t before = 0) noexcept -> byte_classes {
  return with_vector_kernels(
      [&](auto k) SEPTET_ALWAYS_INLINE { return k.classify_bytes(p, size, before); });
}

/// How many plain bytes (tables::plain_ascii) start the `n` bytes at `p`, on the path in use; no
/// byte outside them and the `before` bytes before `p` is read.
template <class Char>
[[nodiscard]] inline auto plain_run(const Char* p, std::size_t n, std::size_t before = 0) noexcept
    -> std::size_t {
  return with_vector_kernels([&](auto k)
                                 SEPTET_ALWAYS_INLINE { return k.plain_run(p, n, before); });
}

}  // namespace septet::inline v0::detail

#endif  // SEPTET_DETAIL_UTF8_BLOCK_HPP

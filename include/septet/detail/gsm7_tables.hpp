#ifndef SEPTET_DETAIL_GSM7_TABLES_HPP
#define SEPTET_DETAIL_GSM7_TABLES_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

// 3GPP TS 23.038 §6.2.1 (default alphabet) and §6.2.1.1 (default extension table), checked cell
// by cell against the spec table and the research notes. These two forward tables are the only
// hand-written data; every lookup below is derived from them at compile time so they cannot drift.
namespace septet::inline v0::detail::tables {

/// Marks slot 0x1B, the escape to the extension table: it is not a character and never a
/// reverse-lookup target.
inline constexpr char16_t gsm7_escape_slot = 0xFFFF;
inline constexpr std::uint8_t gsm7_escape = 0x1B;

// Index = septet value. Cells equal to their ASCII value are written as character literals;
// comments name the others with their HTML entity names.
// clang-format off
inline constexpr std::array<char16_t, 128> gsm7_basic = {
    // 0x00
    0x0040 /* @ */,      0x00A3 /* pound */,  0x0024 /* $ */,      0x00A5 /* yen */,
    0x00E8 /* egrave */, 0x00E9 /* eacute */, 0x00F9 /* ugrave */, 0x00EC /* igrave */,
    0x00F2 /* ograve */, 0x00C7 /* Ccedil */, 0x000A /* LF */,     0x00D8 /* Oslash */,
    0x00F8 /* oslash */, 0x000D /* CR */,     0x00C5 /* Aring */,  0x00E5 /* aring */,
    // 0x10
    0x0394 /* Delta */,  0x005F /* _ */,      0x03A6 /* Phi */,    0x0393 /* Gamma */,
    0x039B /* Lambda */, 0x03A9 /* Omega */,  0x03A0 /* Pi */,     0x03A8 /* Psi */,
    0x03A3 /* Sigma */,  0x0398 /* Theta */,  0x039E /* Xi */,     gsm7_escape_slot,
    0x00C6 /* AElig */,  0x00E6 /* aelig */,  0x00DF /* szlig */,  0x00C9 /* Eacute */,
    // 0x20
    u' ',                u'!',                u'"',                u'#',
    0x00A4 /* curren */, u'%',                u'&',                u'\'',
    u'(',                u')',                u'*',                u'+',
    u',',                u'-',                u'.',                u'/',
    // 0x30
    u'0',                u'1',                u'2',                u'3',
    u'4',                u'5',                u'6',                u'7',
    u'8',                u'9',                u':',                u';',
    u'<',                u'=',                u'>',                u'?',
    // 0x40
    0x00A1 /* iexcl */,  u'A',                u'B',                u'C',
    u'D',                u'E',                u'F',                u'G',
    u'H',                u'I',                u'J',                u'K',
    u'L',                u'M',                u'N',                u'O',
    // 0x50
    u'P',                u'Q',                u'R',                u'S',
    u'T',                u'U',                u'V',                u'W',
    u'X',                u'Y',                u'Z',                0x00C4 /* Auml */,
    0x00D6 /* Ouml */,   0x00D1 /* Ntilde */, 0x00DC /* Uuml */,   0x00A7 /* sect */,
    // 0x60
    0x00BF /* iquest */, u'a',                u'b',                u'c',
    u'd',                u'e',                u'f',                u'g',
    u'h',                u'i',                u'j',                u'k',
    u'l',                u'm',                u'n',                u'o',
    // 0x70
    u'p',                u'q',                u'r',                u's',
    u't',                u'u',                u'v',                u'w',
    u'x',                u'y',                u'z',                0x00E4 /* auml */,
    0x00F6 /* ouml */,   0x00F1 /* ntilde */, 0x00FC /* uuml */,   0x00E0 /* agrave */,
};
// clang-format on

/// One cell of the extension table: the septet that follows ESC, and its character.
struct gsm7_extension_entry {
  std::uint8_t septet;
  char16_t unit;
};

// Sorted by septet.
inline constexpr std::array<gsm7_extension_entry, 10> gsm7_extension = {{
    {0x0A, 0x000C /* form feed */},
    {0x14, u'^'},
    {0x28, u'{'},
    {0x29, u'}'},
    {0x2F, u'\\'},
    {0x3C, u'['},
    {0x3D, u'~'},
    {0x3E, u']'},
    {0x40, u'|'},
    {0x65, 0x20AC /* euro sign */},
}};

/// Reverse lookups give a basic septet (< 0x80), 0x80 | an extension septet, or `reverse_none`.
inline constexpr std::uint8_t reverse_none = 0xFF;
inline constexpr std::uint8_t reverse_extension_flag = 0x80;
/// Code points below this are looked up directly (Latin-1 and Greek: 1 KiB); the rest of the
/// tables (the euro sign) is a short sorted list.
inline constexpr char16_t reverse_direct_limit = 0x400;

consteval auto make_gsm7_reverse_direct() -> std::array<std::uint8_t, reverse_direct_limit> {
  std::array<std::uint8_t, reverse_direct_limit> reverse{};
  reverse.fill(reverse_none);
  for (std::size_t septet = 0; septet < gsm7_basic.size(); ++septet) {
    const char16_t unit = gsm7_basic[septet];
    if (unit < reverse_direct_limit) {
      reverse[unit] = static_cast<std::uint8_t>(septet);
    }
  }
  for (const auto& entry : gsm7_extension) {
    if (entry.unit < reverse_direct_limit) {
      reverse[entry.unit] = static_cast<std::uint8_t>(reverse_extension_flag | entry.septet);
    }
  }
  return reverse;
}

inline constexpr auto gsm7_reverse_direct = make_gsm7_reverse_direct();

/// Reverse lookup from `reverse_direct_limit` on, sorted by code point.
struct gsm7_wide_entry {
  char16_t unit;
  std::uint8_t code;  // as in gsm7_reverse_direct
};

consteval auto count_wide_entries() -> std::size_t {
  std::size_t n = 0;
  for (const char16_t unit : gsm7_basic) {
    n += (unit >= reverse_direct_limit && unit != gsm7_escape_slot) ? 1 : 0;
  }
  for (const auto& entry : gsm7_extension) {
    n += entry.unit >= reverse_direct_limit ? 1 : 0;
  }
  return n;
}

consteval auto make_gsm7_wide_reverse() -> std::array<gsm7_wide_entry, count_wide_entries()> {
  std::array<gsm7_wide_entry, count_wide_entries()> reverse{};
  std::size_t n = 0;
  for (std::size_t septet = 0; septet < gsm7_basic.size(); ++septet) {
    const char16_t unit = gsm7_basic[septet];
    if (unit >= reverse_direct_limit && unit != gsm7_escape_slot) {
      reverse[n++] = {unit, static_cast<std::uint8_t>(septet)};
    }
  }
  for (const auto& entry : gsm7_extension) {
    if (entry.unit >= reverse_direct_limit) {
      reverse[n++] = {entry.unit, static_cast<std::uint8_t>(reverse_extension_flag | entry.septet)};
    }
  }
  std::sort(reverse.begin(), reverse.end(),
            [](const gsm7_wide_entry& a, const gsm7_wide_entry& b) { return a.unit < b.unit; });
  return reverse;
}

inline constexpr auto gsm7_wide_reverse = make_gsm7_wide_reverse();

/// Bytes that are "plain" in every respect that analysis cares about: printable ASCII in the GSM
/// default alphabet (1 septet, 1 UTF-16 unit, grapheme property Other). Runs of them are counted
/// in bulk.
consteval auto make_plain_ascii() -> std::array<bool, 256> {
  std::array<bool, 256> plain{};
  for (std::size_t b = 0x20; b < 0x7F; ++b) {
    plain[b] = gsm7_reverse_direct[b] < reverse_extension_flag;
  }
  return plain;
}

inline constexpr auto plain_ascii = make_plain_ascii();

/// Extension septet (0..127) → its character, 0 where the cell is empty.
consteval auto make_gsm7_extension_forward() -> std::array<char16_t, 128> {
  std::array<char16_t, 128> forward{};
  for (const auto& entry : gsm7_extension) {
    forward[entry.septet] = entry.unit;
  }
  return forward;
}

inline constexpr auto gsm7_extension_forward = make_gsm7_extension_forward();

}  // namespace septet::inline v0::detail::tables

#endif  // SEPTET_DETAIL_GSM7_TABLES_HPP

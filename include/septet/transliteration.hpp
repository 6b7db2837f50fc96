#ifndef SEPTET_TRANSLITERATION_HPP
#define SEPTET_TRANSLITERATION_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <septet/analysis.hpp>
#include <septet/error.hpp>
#include <septet/gsm7.hpp>
#include <septet/options.hpp>
#include <septet/unicode.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// Opt-in replacement of Unicode look-alikes by GSM 03.38 characters, so that a stray curly quote
/// does not turn a one-part GSM message into a three-part UCS-2 one. The table is data (docs/
/// transliteration.md is generated from it); nothing is replaced unless asked, and every
/// replacement is reported with its offsets.
namespace septet::inline v0 {

/// Why a rule exists; the docs group the table by it.
enum class look_alike : std::uint8_t {
  quote,       ///< typographic quotes and primes → ' or "
  dash,        ///< hyphens, dashes and minus → -
  ellipsis,    ///< … → ...
  space,       ///< NBSP and the other fixed-width spaces → exactly one space
  invisible,   ///< zero-width and soft characters that render as nothing → deleted
  latin,       ///< Latin letters GSM lacks in one case only (ç → Ç)
  greek,       ///< Greek capitals drawn like Latin ones (Α → A)
  full_width,  ///< full-width ASCII forms (Ａ → A)
};

[[nodiscard]] constexpr auto to_string(look_alike k) noexcept -> std::string_view {
  constexpr std::array<std::string_view, 8> names = {
      "quote", "dash", "ellipsis", "space", "invisible", "latin", "greek", "full_width"};
  return names[static_cast<std::size_t>(k)];
}

/// One rule: a code point and the GSM text it becomes (empty: deleted).
struct transliteration_rule {
  char32_t from = 0;
  std::string_view to;
  look_alike kind = look_alike::quote;
};

namespace detail {

/// The explicit rules, sorted by code point. Full-width ASCII (U+FF01..U+FF5E) is a range rule
/// (see transliteration_for) rather than 94 rows. Angle quotes become plain quotes, never < or >,
/// and no space becomes two.
inline constexpr std::array<transliteration_rule, 52> transliteration_rules = {{
    {0x00A0, " ", look_alike::space},         // NO-BREAK SPACE
    {0x00AB, "\"", look_alike::quote},        // «
    {0x00AD, "", look_alike::invisible},      // SOFT HYPHEN
    {0x00B4, "'", look_alike::quote},         // ´ ACUTE ACCENT used as an apostrophe
    {0x00BB, "\"", look_alike::quote},        // »
    {0x00E7, "\xC3\x87", look_alike::latin},  // ç → Ç (GSM has only the capital)
    {0x0391, "A", look_alike::greek},         // Α
    {0x0392, "B", look_alike::greek},         // Β
    {0x0395, "E", look_alike::greek},         // Ε
    {0x0396, "Z", look_alike::greek},         // Ζ
    {0x0397, "H", look_alike::greek},         // Η
    {0x0399, "I", look_alike::greek},         // Ι
    {0x039A, "K", look_alike::greek},         // Κ
    {0x039C, "M", look_alike::greek},         // Μ
    {0x039D, "N", look_alike::greek},         // Ν
    {0x039F, "O", look_alike::greek},         // Ο
    {0x03A1, "P", look_alike::greek},         // Ρ
    {0x03A4, "T", look_alike::greek},         // Τ
    {0x03A5, "Y", look_alike::greek},         // Υ
    {0x03A7, "X", look_alike::greek},         // Χ
    {0x2000, " ", look_alike::space},         // EN QUAD
    {0x2001, " ", look_alike::space},         // EM QUAD
    {0x2002, " ", look_alike::space},         // EN SPACE
    {0x2003, " ", look_alike::space},         // EM SPACE
    {0x2004, " ", look_alike::space},         // THREE-PER-EM SPACE
    {0x2005, " ", look_alike::space},         // FOUR-PER-EM SPACE
    {0x2006, " ", look_alike::space},         // SIX-PER-EM SPACE
    {0x2007, " ", look_alike::space},         // FIGURE SPACE
    {0x2008, " ", look_alike::space},         // PUNCTUATION SPACE
    {0x2009, " ", look_alike::space},         // THIN SPACE
    {0x200A, " ", look_alike::space},         // HAIR SPACE
    {0x200B, "", look_alike::invisible},      // ZERO WIDTH SPACE
    {0x2010, "-", look_alike::dash},          // HYPHEN
    {0x2011, "-", look_alike::dash},          // NON-BREAKING HYPHEN
    {0x2012, "-", look_alike::dash},          // FIGURE DASH
    {0x2013, "-", look_alike::dash},          // EN DASH
    {0x2014, "-", look_alike::dash},          // EM DASH
    {0x2015, "-", look_alike::dash},          // HORIZONTAL BAR
    {0x2018, "'", look_alike::quote},         // ‘
    {0x2019, "'", look_alike::quote},         // ’ (also the typographic apostrophe)
    {0x201A, "'", look_alike::quote},         // ‚
    {0x201B, "'", look_alike::quote},         // ‛
    {0x201C, "\"", look_alike::quote},        // “
    {0x201D, "\"", look_alike::quote},        // ”
    {0x201E, "\"", look_alike::quote},        // „
    {0x201F, "\"", look_alike::quote},        // ‟
    {0x2026, "...", look_alike::ellipsis},    // …
    {0x202F, " ", look_alike::space},         // NARROW NO-BREAK SPACE
    {0x205F, " ", look_alike::space},         // MEDIUM MATHEMATICAL SPACE
    {0x2060, "", look_alike::invisible},      // WORD JOINER
    {0x3000, " ", look_alike::space},         // IDEOGRAPHIC SPACE
    {0xFEFF, "", look_alike::invisible},      // ZERO WIDTH NO-BREAK SPACE (BOM)
}};

/// The ASCII characters U+FF01..U+FF5E stand for, as one string to slice.
inline constexpr std::string_view full_width_targets =
    "!\"#$%&'()*+,-./"
    "0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

inline constexpr char32_t full_width_first = 0xFF01;
inline constexpr char32_t full_width_last = 0xFF5E;

}  // namespace detail

/// The rule for `cp`, if there is one. Full-width ` (U+FF40) has none: GSM lacks the backtick.
[[nodiscard]] constexpr auto transliteration_for(char32_t cp) noexcept
    -> std::optional<transliteration_rule> {
  if (cp >= detail::full_width_first && cp <= detail::full_width_last) {
    const auto target = detail::full_width_targets.substr(cp - detail::full_width_first, 1);
    if (!gsm7::is_gsm7(static_cast<char32_t>(static_cast<unsigned char>(target[0])))) {
      return std::nullopt;
    }
    return transliteration_rule{cp, target, look_alike::full_width};
  }
  const auto& rules = detail::transliteration_rules;
  const auto* it =
      std::lower_bound(rules.begin(), rules.end(), cp,
                       [](const transliteration_rule& r, char32_t c) { return r.from < c; });
  if (it == rules.end() || it->from != cp) {
    return std::nullopt;
  }
  return *it;
}

/// Every rule, explicit rows and the full-width range, in code point order (for docs and tests).
[[nodiscard]] inline auto transliteration_table() -> std::vector<transliteration_rule> {
  std::vector<transliteration_rule> out(detail::transliteration_rules.begin(),
                                        detail::transliteration_rules.end());
  for (char32_t cp = detail::full_width_first; cp <= detail::full_width_last; ++cp) {
    if (const auto rule = transliteration_for(cp)) {
      out.push_back(*rule);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
  return out;
}

/// One replacement made (or, when not applied, that would be made).
struct replacement {
  std::size_t byte = 0;   ///< offset in the input, in its code units (bytes for UTF-8)
  std::size_t utf16 = 0;  ///< offset in UTF-16 units (JavaScript string index)
  char32_t from = 0;
  std::string_view to;  ///< empty: deleted
  look_alike kind = look_alike::quote;
};

enum class transliterate_mode : std::uint8_t {
  always,          ///< replace every look-alike
  if_fewer_parts,  ///< replace only when that sends fewer parts; otherwise leave the text alone
};

struct transliteration {
  result status;     ///< ok, or the input's encoding error with its offset (nothing replaced)
  std::string text;  ///< UTF-8: the new text if applied, else the input unchanged
  bool applied = false;
  std::vector<replacement> replacements;
  analysis before;  ///< of the input
  analysis after;   ///< of the text with every replacement made (whether or not applied)
};

/// Replaces look-alikes in UTF-8 `text` (see transliteration_for) and reports what changed and
/// what it does to length and parts under `opts`. Characters without a rule stay as they are,
/// so a text with emoji or CJK stays UCS-2; `if_fewer_parts` then leaves it unchanged.
[[nodiscard]] inline auto transliterate(std::string_view text,
                                        transliterate_mode mode = transliterate_mode::always,
                                        const options& opts = {}) -> transliteration {
  transliteration out;
  out.before = analyze(text, opts);
  std::string replaced;
  replaced.reserve(text.size());
  std::size_t utf16 = 0;
  std::size_t copied = 0;
  out.status = for_each_code_point(text, [&](char32_t cp, std::size_t offset) {
    if (const auto rule = transliteration_for(cp)) {
      replaced.append(text.substr(copied, offset - copied));
      replaced.append(rule->to);
      copied = offset + utf8_length(cp);
      out.replacements.push_back({offset, utf16, cp, rule->to, rule->kind});
    }
    utf16 += utf16_length(cp);
  });
  if (!out.status.ok()) {
    out.text = std::string(text);
    out.replacements.clear();
    return out;
  }
  out.status = {};
  replaced.append(text.substr(copied));
  out.after = analyze(replaced, opts);
  out.applied = !out.replacements.empty() &&
                (mode == transliterate_mode::always || out.after.parts < out.before.parts);
  out.text = out.applied ? std::move(replaced) : std::string(text);
  return out;
}

}  // namespace septet::inline v0

#endif  // SEPTET_TRANSLITERATION_HPP

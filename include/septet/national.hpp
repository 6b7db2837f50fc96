#ifndef SEPTET_NATIONAL_HPP
#define SEPTET_NATIONAL_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <septet/detail/national_tables.hpp>
#include <septet/error.hpp>
#include <septet/gsm7.hpp>
#include <septet/national_language.hpp>
#include <septet/options.hpp>
#include <septet/udh.hpp>  // the shift IEIs, once declared here
#include <septet/unicode.hpp>
#include <span>

/// GSM 7-bit with the national language tables of TS 23.038 Annex A: a locking-shift table
/// replaces the default alphabet, a single-shift table replaces the extension table, and the UDH
/// announces each with a 3-octet information element (TS 23.040 §9.2.3.24.15-16).
namespace septet::inline v0 {

namespace detail {

/// A table's cells sorted by code point, for lookup; a code point in two cells keeps the lower
/// septet (the Indic single-shift tables repeat '*' and '¡').
struct national_reverse {
  std::array<char32_t, 128> code_points{};
  std::array<std::uint8_t, 128> septets{};
  std::size_t size = 0;

  [[nodiscard]] constexpr auto find(char32_t cp) const noexcept -> std::optional<std::uint8_t> {
    std::size_t low = 0;
    std::size_t high = size;
    while (low < high) {
      const std::size_t mid = low + (high - low) / 2;
      if (code_points[mid] < cp) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    if (low < size && code_points[low] == cp) {
      return septets[low];
    }
    return std::nullopt;
  }
};

[[nodiscard]] constexpr auto make_reverse(const national_table* table) noexcept
    -> national_reverse {
  national_reverse r;
  if (table == nullptr) {
    return r;
  }
  for (std::size_t s = 0; s < 128; ++s) {
    const char32_t cp = (*table)[s];
    if (cp == 0 || r.find(cp)) {
      continue;
    }
    std::size_t at = r.size;  // insertion sort: 128 cells, built once at compile time
    while (at > 0 && r.code_points[at - 1] > cp) {
      r.code_points[at] = r.code_points[at - 1];
      r.septets[at] = r.septets[at - 1];
      --at;
    }
    r.code_points[at] = cp;
    r.septets[at] = static_cast<std::uint8_t>(s);
    ++r.size;
  }
  return r;
}

template <class Table>
[[nodiscard]] constexpr auto make_reverses(Table table) noexcept
    -> std::array<national_reverse, national_language_count> {
  std::array<national_reverse, national_language_count> out{};
  for (std::size_t i = 0; i < national_language_count; ++i) {
    out[i] = make_reverse(table(static_cast<national_language>(i)));
  }
  return out;
}

inline constexpr auto locking_reverse = make_reverses(&locking_table);
inline constexpr auto single_shift_reverse = make_reverses(&single_shift_table);

}  // namespace detail

namespace gsm7 {

/// Where `cp` lives under `tables`: a septet of the (locking-shift or default) alphabet, or one
/// of the (single-shift or default) extension table; nothing when neither has it.
[[nodiscard]] constexpr auto lookup(char32_t cp, const national_tables& tables) noexcept
    -> std::optional<code> {
  if (!tables.any()) {
    return lookup(cp);
  }
  if (tables.locking == national_language::none) {
    if (const auto c = lookup(cp); c && !c->extension) {
      return c;
    }
  } else if (const auto s = detail::locking_reverse[detail::index_of(tables.locking)].find(cp)) {
    return code{*s, false};
  }
  if (tables.single_shift == national_language::none) {
    if (const auto c = lookup(cp); c && c->extension) {
      return c;
    }
  } else if (const auto s =
                 detail::single_shift_reverse[detail::index_of(tables.single_shift)].find(cp)) {
    return code{*s, true};
  }
  return std::nullopt;
}

/// Septets `cp` costs under `tables`: 1, 2 (after an escape), or 0 (not representable).
[[nodiscard]] constexpr auto septets(char32_t cp, const national_tables& tables) noexcept
    -> std::size_t {
  if (!tables.any()) {
    return septets(cp);
  }
  const auto found = lookup(cp, tables);
  return !found ? 0 : found->extension ? 2 : 1;
}

/// The character of an alphabet septet under `tables` (unassigned cells show a space).
[[nodiscard]] constexpr auto character(std::uint8_t septet, const national_tables& tables) noexcept
    -> char32_t {
  const auto* table = detail::locking_table(tables.locking);
  if (table == nullptr) {
    return character(septet);
  }
  const char32_t cp = (*table)[septet & 0x7F];
  return cp == 0 ? U' ' : cp;
}

/// The character of the septet after an escape under `tables`; as in the default case, ESC ESC
/// shows a space and an unassigned cell shows the alphabet's character.
[[nodiscard]] constexpr auto escaped_character(std::uint8_t septet,
                                               const national_tables& tables) noexcept -> char32_t {
  const auto* table = detail::single_shift_table(tables.single_shift);
  const std::uint8_t low = septet & 0x7F;
  if (table == nullptr) {
    if (tables.locking == national_language::none) {
      return escaped_character(low);
    }
    if (low == escape) {
      return U' ';
    }
    const char16_t unit = septet::detail::tables::gsm7_extension_forward[low];
    return unit != 0 ? char32_t{unit} : character(low, tables);
  }
  if (low == escape) {
    return U' ';
  }
  const char32_t cp = (*table)[low];
  return cp != 0 ? cp : character(low, tables);
}

/// UTF-8 bytes decoding `septets` septets can take at most under national tables (Indic
/// scripts: 3 bytes per septet).
[[nodiscard]] constexpr auto max_decoded_size(std::size_t septets,
                                              const national_tables& tables) noexcept
    -> std::size_t {
  return (tables.any() ? 3 : 2) * septets;
}

/// encode() under national `tables`: unpacked septets (ESC + septet for the single-shift table).
template <text Text>
[[nodiscard]] constexpr auto encode(const Text& text,
                                    std::span<std::uint8_t> out,
                                    const national_tables& tables) -> result {
  return septet::detail::gsm7_encode_text(as_view(text), out,
                                          [&](char32_t cp) { return lookup(cp, tables); });
}

/// decode() under national `tables`.
[[nodiscard]] constexpr auto decode(std::span<const std::uint8_t> septets,
                                    std::span<char> out,
                                    const national_tables& tables) -> result {
  return decode_with(
      septets, out, [&](std::uint8_t s) { return character(s, tables); },
      [&](std::uint8_t s) { return escaped_character(s, tables); });
}

}  // namespace gsm7

}  // namespace septet::inline v0

#endif  // SEPTET_NATIONAL_HPP

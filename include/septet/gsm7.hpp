#ifndef SEPTET_GSM7_HPP
#define SEPTET_GSM7_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <septet/detail/gsm7_tables.hpp>

/// The GSM 03.38 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1).
namespace septet::inline v0::gsm7 {

/// Escape to the extension table (septet 0x1B).
inline constexpr std::uint8_t escape = detail::tables::gsm7_escape;

/// Where a character lives in GSM 7-bit: a septet of the default alphabet, or a septet of the
/// extension table (sent as ESC + septet, costing two septets).
struct code {
  std::uint8_t septet = 0;
  bool extension = false;

  friend constexpr auto operator==(const code&, const code&) noexcept -> bool = default;
};

/// The GSM 7-bit code for `cp`, or nothing when `cp` is in neither table.
[[nodiscard]] constexpr auto lookup(char32_t cp) noexcept -> std::optional<code> {
  namespace t = detail::tables;
  std::uint8_t packed = t::latin1_none;
  if (cp < 0x100) {
    packed = t::gsm7_latin1_reverse[cp];
  } else if (cp <= 0xFFFF) {
    const auto* it = std::lower_bound(
        t::gsm7_wide_reverse.begin(), t::gsm7_wide_reverse.end(), cp,
        [](const t::gsm7_wide_entry& entry, char32_t value) { return entry.unit < value; });
    if (it != t::gsm7_wide_reverse.end() && it->unit == cp) {
      packed = it->code;
    }
  }
  if (packed == t::latin1_none) {
    return std::nullopt;
  }
  return code{static_cast<std::uint8_t>(packed & 0x7F), (packed & t::latin1_extension_flag) != 0};
}

/// Septets `cp` costs in GSM 7-bit: 1 (default alphabet), 2 (extension table), 0 (not GSM).
[[nodiscard]] constexpr auto septets(char32_t cp) noexcept -> std::size_t {
  const auto found = lookup(cp);
  if (!found) {
    return 0;
  }
  return found->extension ? 2 : 1;
}

/// True when `cp` can be sent in GSM 7-bit (default alphabet or extension table).
[[nodiscard]] constexpr auto is_gsm7(char32_t cp) noexcept -> bool {
  return lookup(cp).has_value();
}

/// The character of a default-alphabet septet (only the low 7 bits are used). The escape septet
/// 0x1B has no character of its own; alone it decodes as a space, the same as ESC ESC.
[[nodiscard]] constexpr auto decode(std::uint8_t septet) noexcept -> char32_t {
  const char16_t unit = detail::tables::gsm7_basic[septet & 0x7F];
  return unit == detail::tables::gsm7_escape_slot ? U' ' : unit;
}

/// The character of the septet that follows an ESC. Per TS 23.038 §6.2.1.1: ESC ESC (reserved
/// for a further extension) shows a space, and an ESC followed by a code absent from the
/// extension table shows that code's default-alphabet character.
[[nodiscard]] constexpr auto decode_escaped(std::uint8_t septet) noexcept -> char32_t {
  const std::uint8_t low = septet & 0x7F;
  if (low == escape) {
    return U' ';
  }
  const char16_t unit = detail::tables::gsm7_extension_forward[low];
  return unit != 0 ? unit : decode(low);
}

}  // namespace septet::inline v0::gsm7

#endif  // SEPTET_GSM7_HPP

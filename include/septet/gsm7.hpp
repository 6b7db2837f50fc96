#ifndef SEPTET_GSM7_HPP
#define SEPTET_GSM7_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <septet/detail/gsm7_tables.hpp>
#include <septet/error.hpp>
#include <septet/unicode.hpp>
#include <span>
#include <string>
#include <vector>

namespace septet::inline v0::detail {

/// The reverse code of `cp` >= tables::reverse_direct_limit (see tables::gsm7_reverse_direct).
[[nodiscard]] constexpr auto wide_reverse_code(char32_t cp) noexcept -> std::uint8_t {
  namespace t = tables;
  const auto* it = std::lower_bound(
      t::gsm7_wide_reverse.begin(), t::gsm7_wide_reverse.end(), cp,
      [](const t::gsm7_wide_entry& entry, char32_t value) { return entry.unit < value; });
  return it != t::gsm7_wide_reverse.end() && it->unit == cp ? it->code : t::reverse_none;
}

}  // namespace septet::inline v0::detail

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
  // A table index for Latin-1 and Greek; the short sorted list for the rest (the euro sign).
  const std::uint8_t packed =
      cp < t::reverse_direct_limit ? t::gsm7_reverse_direct[cp] : detail::wide_reverse_code(cp);
  if (packed == t::reverse_none) {
    return std::nullopt;
  }
  return code{static_cast<std::uint8_t>(packed & 0x7F), (packed & t::reverse_extension_flag) != 0};
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
[[nodiscard]] constexpr auto character(std::uint8_t septet) noexcept -> char32_t {
  const char16_t unit = detail::tables::gsm7_basic[septet & 0x7F];
  return unit == detail::tables::gsm7_escape_slot ? U' ' : unit;
}

/// The character of the septet that follows an ESC. Per TS 23.038 §6.2.1.1: ESC ESC (reserved
/// for a further extension) shows a space, and an ESC followed by a code absent from the
/// extension table shows that code's default-alphabet character.
[[nodiscard]] constexpr auto escaped_character(std::uint8_t septet) noexcept -> char32_t {
  const std::uint8_t low = septet & 0x7F;
  if (low == escape) {
    return U' ';
  }
  const char16_t unit = detail::tables::gsm7_extension_forward[low];
  return unit != 0 ? unit : character(low);
}

}  // namespace septet::inline v0::gsm7

namespace septet::inline v0::detail {

/// The default tables' lookup, as gsm7_encode_text takes it.
struct default_gsm7_lookup {
  [[nodiscard]] constexpr auto operator()(char32_t cp) const noexcept -> std::optional<gsm7::code> {
    return gsm7::lookup(cp);
  }
};

template <code_unit Char, class Lookup = default_gsm7_lookup>
constexpr auto gsm7_encode_text(std::basic_string_view<Char> text,
                                std::span<std::uint8_t> out,
                                Lookup lookup = {}) -> result {
  std::size_t written = 0;
  std::size_t bad_offset = 0;
  bool bad = false;
  const result decoded = for_each_code_point(text, [&](char32_t cp, std::size_t offset) {
    if (bad) {
      return;
    }
    const auto found = lookup(cp);
    if (!found) {
      bad = true;
      bad_offset = offset;
      return;
    }
    if (found->extension) {
      if (written < out.size()) {
        out[written] = gsm7::escape;
      }
      ++written;
    }
    if (written < out.size()) {
      out[written] = found->septet;
    }
    ++written;
  });
  if (!decoded.ok() && !(bad && bad_offset < decoded.count)) {
    return decoded;
  }
  if (bad) {
    return {errc::not_gsm7, bad_offset};
  }
  if (written > out.size()) {
    return {errc::output_too_small, written};
  }
  return {errc::ok, written};
}

}  // namespace septet::inline v0::detail

namespace septet::inline v0::gsm7 {

/// Encodes `text` as unpacked GSM 7-bit septets, one per octet (an extension character becomes
/// ESC + septet): the form SMPP sends with data_coding 0x00. Returns ok with the septets written;
/// not_gsm7 at the offset of the first character outside both tables; output_too_small with the
/// count needed; or the input's encoding error. Septet 0x00 is '@': the output is not a C string.
template <text Text>
[[nodiscard]] constexpr auto encode(const Text& text, std::span<std::uint8_t> out) -> result {
  return detail::gsm7_encode_text(as_view(text), out);
}

/// Owning form of encode (may throw std::bad_alloc).
template <text Text>
[[nodiscard]] auto encode(const Text& text) -> outcome<std::vector<std::uint8_t>> {
  return septet::detail::fill_owning<std::vector<std::uint8_t>>(
      [&](std::span<std::uint8_t> out) { return encode(text, out); });
}

/// UTF-8 bytes that decoding `septets` septets can take at most (Greek capitals: 2 per septet).
[[nodiscard]] constexpr auto max_decoded_size(std::size_t septets) noexcept -> std::size_t {
  return 2 * septets;
}

/// decode() with the tables given as `character(septet)` and `escaped(septet)`.
template <class Character, class Escaped>
[[nodiscard]] constexpr auto decode_with(std::span<const std::uint8_t> septets,
                                         std::span<char> out,
                                         Character character,
                                         Escaped escaped) -> result {
  std::size_t written = 0;
  std::size_t needed = 0;
  for (std::size_t i = 0; i < septets.size(); ++i) {
    if (septets[i] > 0x7F) {
      return {errc::invalid_septet, i};
    }
    char32_t cp = 0;
    if (septets[i] == escape && i + 1 < septets.size()) {
      if (septets[i + 1] > 0x7F) {
        return {errc::invalid_septet, i + 1};
      }
      cp = escaped(septets[++i]);
    } else {
      cp = character(septets[i]);
    }
    const std::size_t before = needed;
    needed += utf8_length(cp);
    if (written == before) {  // stop writing at the first character that does not fit
      written = put_utf8(cp, out, written);
    }
  }
  if (needed > out.size()) {
    return {errc::output_too_small, needed};
  }
  return {errc::ok, written};
}

/// Decodes unpacked septets to UTF-8, following TS 23.038 for odd escapes (ESC ESC and a lone
/// trailing ESC show a space; ESC + a code outside the extension table shows the default-table
/// character). Returns ok with the bytes written; invalid_septet at the index of a value above
/// 0x7F; or output_too_small with the bytes needed.
[[nodiscard]] constexpr auto decode(std::span<const std::uint8_t> septets, std::span<char> out)
    -> result {
  return decode_with(
      septets, out, [](std::uint8_t s) { return character(s); },
      [](std::uint8_t s) { return escaped_character(s); });
}

/// Owning form of decode (may throw std::bad_alloc).
[[nodiscard]] inline auto decode(std::span<const std::uint8_t> septets) -> outcome<std::string> {
  return detail::fill_bounded<std::string>(
      max_decoded_size(septets.size()), [&](std::span<char> out) { return decode(septets, out); });
}

}  // namespace septet::inline v0::gsm7

#endif  // SEPTET_GSM7_HPP

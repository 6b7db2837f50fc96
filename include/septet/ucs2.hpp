#ifndef SEPTET_UCS2_HPP
#define SEPTET_UCS2_HPP

#include <cstddef>
#include <cstdint>
#include <septet/error.hpp>
#include <septet/unicode.hpp>
#include <span>
#include <string>
#include <vector>

// UCS-2 as carriers send it (data coding 0x08): UTF-16 big-endian, astral characters as
// surrogate pairs.
namespace septet::inline v0::detail {

template <code_unit Char>
constexpr auto ucs2_encode_text(std::basic_string_view<Char> text, std::span<std::uint8_t> out)
    -> result {
  std::size_t needed = 0;
  const auto put_unit = [&](char16_t unit) {
    if (needed + 2 <= out.size()) {
      out[needed] = static_cast<std::uint8_t>(unit >> 8U);
      out[needed + 1] = static_cast<std::uint8_t>(unit & 0xFFU);
    }
    needed += 2;
  };
  const result decoded =
      for_each_code_point(text, [&](char32_t cp, std::size_t) { put_utf16(cp, put_unit); });
  if (!decoded.ok()) {
    return decoded;
  }
  if (needed > out.size()) {
    return {errc::output_too_small, needed};
  }
  return {errc::ok, needed};
}

}  // namespace septet::inline v0::detail

namespace septet::inline v0::ucs2 {

/// Encodes `text` as UTF-16BE octets. Returns ok with the octets written, output_too_small with
/// the octets needed, or the input's encoding error.
template <text Text>
[[nodiscard]] constexpr auto encode(const Text& text, std::span<std::uint8_t> out) -> result {
  return detail::ucs2_encode_text(as_view(text), out);
}

/// Owning form of encode (may throw std::bad_alloc).
template <text Text>
[[nodiscard]] auto encode(const Text& text) -> outcome<std::vector<std::uint8_t>> {
  return septet::detail::fill_owning<std::vector<std::uint8_t>>(
      [&](std::span<std::uint8_t> out) { return encode(text, out); });
}

/// UTF-8 bytes that decoding `octets` octets can take at most (3 per BMP unit).
[[nodiscard]] constexpr auto max_decoded_size(std::size_t octets) noexcept -> std::size_t {
  return octets / 2 * 3;
}

/// Decodes UTF-16BE octets to UTF-8. Returns ok with the bytes written; invalid_user_data at the
/// last octet of an odd length; utf16_unpaired_surrogate at the octet offset of a lone surrogate;
/// or output_too_small with the bytes needed.
[[nodiscard]] constexpr auto decode(std::span<const std::uint8_t> octets, std::span<char> out)
    -> result {
  if (octets.size() % 2 != 0) {
    return {errc::invalid_user_data, octets.size() - 1};
  }
  const auto unit_at = [&](std::size_t i) -> char32_t {
    return static_cast<char32_t>((octets[i] << 8U) | octets[i + 1]);
  };
  std::size_t written = 0;
  std::size_t needed = 0;
  for (std::size_t i = 0; i < octets.size(); i += 2) {
    char32_t cp = unit_at(i);
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      const bool paired = cp <= 0xDBFF && i + 3 < octets.size() && unit_at(i + 2) >= 0xDC00 &&
                          unit_at(i + 2) <= 0xDFFF;
      if (!paired) {
        return {errc::utf16_unpaired_surrogate, i};
      }
      cp = 0x10000 + ((cp - 0xD800) << 10U) + (unit_at(i + 2) - 0xDC00);
      i += 2;
    }
    const std::size_t before = needed;
    needed += utf8_length(cp);
    if (written == before) {
      written = put_utf8(cp, out, written);
    }
  }
  if (needed > out.size()) {
    return {errc::output_too_small, needed};
  }
  return {errc::ok, written};
}

/// Owning form of decode (may throw std::bad_alloc).
[[nodiscard]] inline auto decode(std::span<const std::uint8_t> octets) -> outcome<std::string> {
  return detail::fill_bounded<std::string>(
      max_decoded_size(octets.size()), [&](std::span<char> out) { return decode(octets, out); });
}

}  // namespace septet::inline v0::ucs2

#endif  // SEPTET_UCS2_HPP

#ifndef SEPTET_UDH_HPP
#define SEPTET_UDH_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <septet/error.hpp>
#include <septet/national_language.hpp>
#include <septet/options.hpp>
#include <span>
#include <utility>

/// The user data header (3GPP TS 23.040 §9.2.3.24): UDHL, then information elements (IEI, length,
/// data). septet writes the concatenation IE (§9.2.3.24.1 8-bit reference, §9.2.3.24.8 16-bit)
/// and the national language shift IEs (§9.2.3.24.15-16) plus any elements the caller supplies,
/// and parses any header. Every IE septet knows is written and read here and nowhere else.
namespace septet::inline v0 {

/// Identifiers (IEI) of the elements septet knows.
inline constexpr std::uint8_t iei_concatenation_8bit = 0x00;
inline constexpr std::uint8_t iei_concatenation_16bit = 0x08;
inline constexpr std::uint8_t iei_national_single_shift = 0x24;
inline constexpr std::uint8_t iei_national_locking_shift = 0x25;

/// Their data lengths (the IE's length octet): reference, total and sequence, with a one- or
/// two-octet reference; the language of a shift IE.
inline constexpr std::uint8_t iedl_concatenation_8bit = 3;
inline constexpr std::uint8_t iedl_concatenation_16bit = 4;
inline constexpr std::uint8_t iedl_national_shift = 1;

/// Octets before an element's data: its identifier and its length.
inline constexpr std::size_t ie_header_octets = 2;

enum class reference_size : std::uint8_t { bits8, bits16 };

/// The concatenation IE: which message (reference), how many parts, and which part (1-based).
/// The caller chooses the reference; septet keeps no clock or counter.
struct concatenation {
  std::uint16_t reference = 0;
  std::uint8_t total = 1;
  std::uint8_t sequence = 1;
  septet::reference_size reference_size = septet::reference_size::bits8;

  friend constexpr auto operator==(const concatenation&, const concatenation&) noexcept
      -> bool = default;
};

/// A caller-supplied information element, written after the concatenation IE.
struct information_element {
  std::uint8_t iei = 0;
  std::span<const std::uint8_t> data;
};

namespace detail {

/// The concatenation IE's data length: 16-bit references are bits16, all else 8-bit, as
/// write_udh picks the IEI and writes the reference.
[[nodiscard]] constexpr auto concatenation_iedl(reference_size size) noexcept -> std::uint8_t {
  return size == reference_size::bits16 ? iedl_concatenation_16bit : iedl_concatenation_8bit;
}

/// Writes the header of an element of `length` data octets at `out[at]`, which has room for the
/// element; returns where its data goes.
constexpr auto put_ie_header(std::span<std::uint8_t> out,
                             std::size_t at,
                             std::uint8_t iei,
                             std::size_t length) noexcept -> std::size_t {
  out[at++] = iei;
  out[at++] = static_cast<std::uint8_t>(length);
  return at;
}

/// Writes one element at `out[at]`, which has room; returns where the next one goes.
constexpr auto put_ie(std::span<std::uint8_t> out,
                      std::size_t at,
                      std::uint8_t iei,
                      std::span<const std::uint8_t> data) noexcept -> std::size_t {
  at = put_ie_header(out, at, iei, data.size());
  for (const std::uint8_t octet : data) {
    out[at++] = octet;
  }
  return at;
}

}  // namespace detail

/// Octets of the concatenation IE (IEI + length + data).
[[nodiscard]] constexpr auto concatenation_ie_size(reference_size size) noexcept -> std::size_t {
  return ie_header_octets + detail::concatenation_iedl(size);
}

// options.hpp sizes UDHs before this header exists to say what an IE is; hold it to the IEs here.
static_assert(udh_octets_8bit_reference == 1 + concatenation_ie_size(reference_size::bits8));
static_assert(udh_octets_16bit_reference == 1 + concatenation_ie_size(reference_size::bits16));
static_assert(national_tables{national_language::turkish, national_language::none}.udh_octets() ==
              ie_header_octets + iedl_national_shift);
static_assert(national_tables{national_language::none, national_language::turkish}.udh_octets() ==
              ie_header_octets + iedl_national_shift);

/// Octets of `elements` (IEI + length + data each).
[[nodiscard]] constexpr auto elements_size(std::span<const information_element> elements) noexcept
    -> std::size_t {
  std::size_t size = 0;
  for (const auto& e : elements) {
    size += ie_header_octets + e.data.size();
  }
  return size;
}

/// Octets of a UDH, UDHL included, carrying a concatenation IE (when `concat` is set), `elements`
/// and the shift IEs of `national`; 0 when there is nothing to carry.
[[nodiscard]] constexpr auto udh_size(std::optional<reference_size> concat,
                                      std::span<const information_element> elements,
                                      const national_tables& national = {}) noexcept
    -> std::size_t {
  const std::size_t body = (concat ? concatenation_ie_size(*concat) : 0) + elements_size(elements) +
                           national.udh_octets();
  return body == 0 ? 0 : 1 + body;
}

/// Writes a UDH with `concat` (if set), then `elements`, then the shift IEs of `national`
/// (locking shift before single shift) to `out`. Returns ok with the octets written (0 when there
/// is nothing to write); invalid_option when an element is a concatenation IE, has more than 255
/// octets, or the header would not leave room in 140 octets (count: the element's index);
/// output_too_small with the octets needed.
[[nodiscard]] constexpr auto write_udh(const std::optional<concatenation>& concat,
                                       std::span<const information_element> elements,
                                       const national_tables& national,
                                       std::span<std::uint8_t> out) noexcept -> result {
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const auto& e = elements[i];
    if (e.iei == iei_concatenation_8bit || e.iei == iei_concatenation_16bit ||
        e.data.size() > 255) {
      return {errc::invalid_option, i};
    }
  }
  const std::size_t size =
      udh_size(concat ? std::optional{concat->reference_size} : std::nullopt, elements, national);
  if (size > max_udh_octets) {
    return {errc::invalid_option, elements.size()};
  }
  if (size > out.size()) {
    return {errc::output_too_small, size};
  }
  if (size == 0) {
    return {errc::ok, 0};
  }
  std::size_t at = 0;
  out[at++] = static_cast<std::uint8_t>(size - 1);
  // The concatenation and shift IEs octet by octet: every part writes them, and a loop over a
  // copy of their data took a tenth of a part's encoding.
  if (concat) {
    const bool wide = concat->reference_size == reference_size::bits16;
    at = detail::put_ie_header(out, at, wide ? iei_concatenation_16bit : iei_concatenation_8bit,
                               detail::concatenation_iedl(concat->reference_size));
    if (wide) {
      out[at++] = static_cast<std::uint8_t>(concat->reference >> 8U);
    }
    out[at++] = static_cast<std::uint8_t>(concat->reference & 0xFFU);
    out[at++] = concat->total;
    out[at++] = concat->sequence;
  }
  for (const auto& e : elements) {
    at = detail::put_ie(out, at, e.iei, e.data);
  }
  const auto put_shift = [&](std::uint8_t iei, national_language language) {
    if (language != national_language::none) {
      at = detail::put_ie_header(out, at, iei, iedl_national_shift);
      out[at++] = static_cast<std::uint8_t>(language);
    }
  };
  put_shift(iei_national_locking_shift, national.locking);
  put_shift(iei_national_single_shift, national.single_shift);
  return {errc::ok, at};
}

/// write_udh() without shift IEs.
[[nodiscard]] constexpr auto write_udh(const std::optional<concatenation>& concat,
                                       std::span<const information_element> elements,
                                       std::span<std::uint8_t> out) noexcept -> result {
  return write_udh(concat, elements, national_tables{}, out);
}

/// What a parsed UDH holds.
struct udh_info {
  std::size_t size = 0;  ///< octets, UDHL included
  std::optional<concatenation> concat;
  std::size_t elements = 0;  ///< information elements, the concatenation IE included
  /// National language shift tables the UDH announces (IEI 0x25 locking, 0x24 single shift).
  national_tables national{};
};

/// Parses the UDH at the start of `user_data`. Errors are invalid_udh with the octet offset of the
/// problem: a UDHL past the data, an element running past the UDHL, a concatenation IE of the
/// wrong length, a zero total or a sequence outside 1..total, or two concatenation IEs.
[[nodiscard]] constexpr auto parse_udh(std::span<const std::uint8_t> user_data) noexcept
    -> outcome<udh_info> {
  udh_info parsed;
  if (user_data.empty() || std::size_t{user_data[0]} + 1 > user_data.size()) {
    return result{errc::invalid_udh, 0};
  }
  const std::size_t end = std::size_t{user_data[0]} + 1;
  std::size_t at = 1;
  while (at < end) {
    if (end - at < ie_header_octets || end - at - ie_header_octets < user_data[at + 1]) {
      return result{errc::invalid_udh, at};
    }
    const std::uint8_t iei = user_data[at];
    const std::uint8_t length = user_data[at + 1];
    const auto data = user_data.subspan(at + ie_header_octets, length);
    if (iei == iei_concatenation_8bit || iei == iei_concatenation_16bit) {
      const bool wide = iei == iei_concatenation_16bit;
      if (parsed.concat || length != detail::concatenation_iedl(wide ? reference_size::bits16
                                                                     : reference_size::bits8)) {
        return result{errc::invalid_udh, at};
      }
      concatenation c;
      c.reference_size = wide ? reference_size::bits16 : reference_size::bits8;
      c.reference = wide ? static_cast<std::uint16_t>((data[0] << 8U) | data[1]) : data[0];
      c.total = data[wide ? 2 : 1];
      c.sequence = data[wide ? 3 : 2];
      if (c.total == 0 || c.sequence == 0 || c.sequence > c.total) {
        return result{errc::invalid_udh, at};
      }
      parsed.concat = c;
    } else if (iei == iei_national_single_shift || iei == iei_national_locking_shift) {
      const bool single = iei == iei_national_single_shift;
      const auto language = length == iedl_national_shift ? static_cast<national_language>(data[0])
                                                          : national_language::none;
      const bool known = single ? has_single_shift_table(language) : has_locking_table(language);
      if (!known) {
        return result{errc::invalid_udh, at};
      }
      (single ? parsed.national.single_shift : parsed.national.locking) = language;
    }
    ++parsed.elements;
    at += ie_header_octets + length;
  }
  parsed.size = end;
  return {parsed, {errc::ok, end}};
}

}  // namespace septet::inline v0

#endif  // SEPTET_UDH_HPP

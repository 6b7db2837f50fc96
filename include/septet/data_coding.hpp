#ifndef SEPTET_DATA_CODING_HPP
#define SEPTET_DATA_CODING_HPP

#include <cstdint>
#include <optional>

/// The data coding scheme octet (TP-DCS, SMPP data_coding; 3GPP TS 23.038 §4): the values septet
/// writes and the alphabet a received one announces. A header of its own, so that decoding a part
/// does not pull in the encoder.
namespace septet::inline v0 {

/// Data coding schemes septet writes (general data coding, no class).
inline constexpr std::uint8_t data_coding_gsm7 = 0x00;
inline constexpr std::uint8_t data_coding_ucs2 = 0x08;

/// The alphabet a data coding scheme announces (TS 23.038 §4).
enum class alphabet : std::uint8_t { gsm7, eight_bit, ucs2 };

/// The alphabet of `dcs`, or nothing for compressed text and reserved coding groups.
[[nodiscard]] constexpr auto alphabet_of(std::uint8_t dcs) noexcept -> std::optional<alphabet> {
  std::uint8_t bits = 0;
  if ((dcs & 0xC0U) == 0x00U || (dcs & 0xC0U) == 0x40U) {  // general / automatic deletion group
    if ((dcs & 0x20U) != 0) {
      return std::nullopt;  // compressed
    }
    bits = static_cast<std::uint8_t>((dcs >> 2U) & 0x03U);
  } else if ((dcs & 0xF0U) == 0xF0U) {  // data coding / message class group
    bits = (dcs & 0x04U) != 0 ? std::uint8_t{1} : std::uint8_t{0};
  } else if ((dcs & 0xF0U) == 0xC0U || (dcs & 0xF0U) == 0xD0U) {  // message waiting, GSM 7-bit
    bits = 0;
  } else if ((dcs & 0xF0U) == 0xE0U) {  // message waiting, UCS-2
    bits = 2;
  } else {
    return std::nullopt;
  }
  switch (bits) {
    case 0:
      return alphabet::gsm7;
    case 1:
      return alphabet::eight_bit;
    case 2:
      return alphabet::ucs2;
    default:
      return std::nullopt;
  }
}

}  // namespace septet::inline v0

#endif  // SEPTET_DATA_CODING_HPP

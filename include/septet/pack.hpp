#ifndef SEPTET_PACK_HPP
#define SEPTET_PACK_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <septet/detail/always_inline.hpp>
#include <septet/detail/bits.hpp>
#include <septet/error.hpp>
#include <span>
#include <type_traits>

/// GSM 7-bit packing (3GPP TS 23.038 §6.1.2.1): septets laid end to end, least significant bit
/// first, 8 septets in 7 octets. After a user data header the first septet starts on the next
/// septet boundary, counted from the start of the user data (TS 23.040 §9.2.3.24): the
/// `fill_bits` between the header and the first septet are zero.
namespace septet::inline v0 {

/// How GSM 7-bit septets are laid out: packed 8 in 7 octets (TP-UD on the air, SMPP with some
/// SMSCs), or one septet per octet (SMPP data_coding 0x00 as most SMSCs expect it).
enum class septet_form : std::uint8_t { packed, unpacked };

}  // namespace septet::inline v0

namespace septet::inline v0::detail {

/// gsm7::pack at run time, for `out` large enough: `septets` packed after `fill` (0..6) zero
/// bits; octets of `out` past the packed ones may be written. The bits gather in a register and
/// leave seven octets at a time (`squeeze` lays eight septets end to end), then one at a time.
template <class Squeeze = decltype(squeeze_septets)>
[[nodiscard]] SEPTET_ALWAYS_INLINE inline auto pack_at_run_time(
    std::span<const std::uint8_t> septets,
    std::span<std::uint8_t> out,
    std::size_t fill,
    const Squeeze& squeeze = squeeze_septets) noexcept -> result {
  const std::size_t count = septets.size();
  std::uint64_t pending = 0;
  std::size_t bits = fill;
  std::size_t written = 0;
  std::size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    // Eight septets, squeezed into the low 56 bits of a register, leave as seven octets; the
    // eighth octet stored is the partial one, rewritten later.
    for (; i + 8 <= count && written + 8 <= out.size(); i += 8) {
      std::uint64_t x = 0;
      std::memcpy(&x, septets.data() + i, sizeof x);
      if ((x & 0x8080808080808080ULL) != 0) {
        break;  // a value above 0x7F: the loop below names it
      }
      x = squeeze(x);
      pending |= x << bits;  // bits < 8: at most 63 bits
      std::memcpy(out.data() + written, &pending, sizeof pending);
      written += 7;
      pending = x >> (56 - bits);  // the `bits` bits past the seven octets
    }
    // Fewer than eight left after eight or more: the eight that end at `count`, shifted past
    // those already packed, so that no byte past the last is read.
    const std::size_t left = count - i;
    if (left > 0 && left < 8 && count >= 8 && written + 8 <= out.size()) {
      std::uint64_t x = 0;
      std::memcpy(&x, septets.data() + count - 8, sizeof x);
      x >>= 8 * (8 - left);
      if ((x & 0x8080808080808080ULL) == 0) {
        pending |= squeeze(x) << bits;
        std::memcpy(out.data() + written, &pending, sizeof pending);
        return {errc::ok, written + (bits + 7 * left + 7) / 8};
      }
    }
  }
  for (; i < count; ++i) {
    if (septets[i] > 0x7F) {
      return {errc::invalid_septet, i};
    }
    pending |= std::uint64_t{septets[i]} << bits;
    bits += 7;
    if (bits >= 8) {
      out[written++] = static_cast<std::uint8_t>(pending & 0xFFU);
      pending >>= 8U;
      bits -= 8;
    }
  }
  if (bits > 0) {
    out[written++] = static_cast<std::uint8_t>(pending & 0xFFU);
  }
  return {errc::ok, written};
}

}  // namespace septet::inline v0::detail

namespace septet::inline v0::gsm7 {

/// Fill bits after a UDH of `udh_octets` octets (6 octets: 1 fill bit; 7 octets: none).
[[nodiscard]] constexpr auto fill_bits(std::size_t udh_octets) noexcept -> std::size_t {
  return (7 - (udh_octets * 8) % 7) % 7;
}

/// TP-UDL of a GSM 7-bit message: septets, counting the UDH and its fill bits as septets.
[[nodiscard]] constexpr auto user_data_length(std::size_t udh_octets, std::size_t septets) noexcept
    -> std::size_t {
  return (udh_octets * 8 + fill_bits(udh_octets)) / 7 + septets;
}

/// Octets that `septets` septets take when packed after `fill` fill bits.
[[nodiscard]] constexpr auto packed_size(std::size_t septets, std::size_t fill = 0) noexcept
    -> std::size_t {
  return (septets * 7 + fill + 7) / 8;
}

/// Packs `septets` into `out` after `fill` zero bits (0..6). Returns ok with the octets written;
/// invalid_septet at the index of a value above 0x7F; output_too_small with the octets needed.
[[nodiscard]] constexpr auto pack(std::span<const std::uint8_t> septets,
                                  std::span<std::uint8_t> out,
                                  std::size_t fill = 0) noexcept -> result {
  const std::size_t size = packed_size(septets.size(), fill % 7);
  if (size > out.size()) {
    return {errc::output_too_small, size};
  }
  if (!std::is_constant_evaluated()) {
    return detail::pack_at_run_time(septets, out.first(size), fill % 7);
  }
  for (std::size_t i = 0; i < size; ++i) {
    out[i] = 0;
  }
  std::size_t bit = fill % 7;
  for (std::size_t i = 0; i < septets.size(); ++i, bit += 7) {
    if (septets[i] > 0x7F) {
      return {errc::invalid_septet, i};
    }
    const unsigned value = septets[i];
    const std::size_t shift = bit % 8;
    out[bit / 8] = static_cast<std::uint8_t>(out[bit / 8] | ((value << shift) & 0xFFU));
    if (shift > 1) {  // the septet's high bits spill into the next octet
      out[bit / 8 + 1] = static_cast<std::uint8_t>(value >> (8 - shift));
    }
  }
  return {errc::ok, size};
}

/// Unpacks `count` septets from `octets`, the first starting after `fill` bits. Returns ok with
/// the septets written; invalid_user_data when `octets` is too short for `count` septets (offset:
/// its size); output_too_small with the septets needed.
[[nodiscard]] constexpr auto unpack(std::span<const std::uint8_t> octets,
                                    std::size_t count,
                                    std::span<std::uint8_t> out,
                                    std::size_t fill = 0) noexcept -> result {
  if (packed_size(count, fill % 7) > octets.size()) {
    return {errc::invalid_user_data, octets.size()};
  }
  if (count > out.size()) {
    return {errc::output_too_small, count};
  }
  std::size_t bit = fill % 7;
  for (std::size_t i = 0; i < count; ++i, bit += 7) {
    const std::size_t shift = bit % 8;
    unsigned value = static_cast<unsigned>(octets[bit / 8]) >> shift;
    if (shift > 1) {
      value |= static_cast<unsigned>(octets[bit / 8 + 1]) << (8 - shift);
    }
    out[i] = static_cast<std::uint8_t>(value & 0x7FU);
  }
  return {errc::ok, count};
}

/// Septets that `octets` packed octets hold after `fill` fill bits, when no TP-UDL says how many.
/// Seven spare bits at the end are ambiguous (padding or a final '@', septet 0x00); like handsets
/// that lack TP-UDL, this reads zero padding there as padding.
[[nodiscard]] constexpr auto septets_in(std::span<const std::uint8_t> octets,
                                        std::size_t fill = 0) noexcept -> std::size_t {
  const std::size_t bits = octets.size() * 8;
  if (bits <= fill % 7) {
    return 0;
  }
  std::size_t count = (bits - fill % 7) / 7;
  if (count > 0 && (bits - fill % 7) % 7 == 0 && octets.back() >> 1 == 0) {
    --count;  // the last 7 bits are the top of the last octet: zero means padding
  }
  return count;
}

}  // namespace septet::inline v0::gsm7

#endif  // SEPTET_PACK_HPP

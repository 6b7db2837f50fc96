#ifndef SEPTET_REASSEMBLY_HPP
#define SEPTET_REASSEMBLY_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <septet/data_coding.hpp>
#include <septet/error.hpp>
#include <septet/gsm7.hpp>
#include <septet/national.hpp>
#include <septet/options.hpp>
#include <septet/pack.hpp>
#include <septet/ucs2.hpp>
#include <septet/udh.hpp>
#include <span>
#include <string>

/// Wire bytes back to text: decode one received part, and put concatenated parts back together
/// whatever order they arrived in.
namespace septet::inline v0 {

inline constexpr std::size_t unknown_length = std::numeric_limits<std::size_t>::max();

/// One part as received: TP-UD (or an SMPP short_message) with what the PDU says about it.
struct received_part {
  std::span<const std::uint8_t> user_data;  ///< the UDH first when `udhi`
  std::uint8_t data_coding = data_coding_gsm7;
  bool udhi = false;  ///< TP-UDHI / esm_class 0x40
  /// TP-UDL: septets for GSM 7-bit (the UDH and its fill bits counted in septets, in either
  /// form), octets otherwise. Unknown: taken from the data's length; packed GSM 7-bit then reads 7
  /// zero spare bits at the end as padding, not '@'.
  std::size_t udl = unknown_length;
  septet_form form = septet_form::packed;
};

/// Decodes one part's text (after its UDH) to UTF-8 in `out`. Returns ok with the bytes written;
/// invalid_udh, invalid_user_data, invalid_septet, utf16_unpaired_surrogate (offsets within
/// `user_data`), unsupported_data_coding, or output_too_small with the bytes needed.
[[nodiscard]] constexpr auto decode_part(const received_part& in, std::span<char> out) -> result {
  const auto coding = alphabet_of(in.data_coding);
  if (!coding || *coding == alphabet::eight_bit) {
    return {errc::unsupported_data_coding, 0};
  }
  std::size_t header = 0;
  national_tables tables;
  if (in.udhi) {
    const auto udh = parse_udh(in.user_data);
    if (!udh.ok()) {
      return udh.error();
    }
    header = udh->size;
    tables = udh->national;
  }
  auto payload = in.user_data.subspan(header);
  if (*coding == alphabet::ucs2) {
    if (in.udl != unknown_length) {
      if (in.udl < header || in.udl > in.user_data.size()) {
        return {errc::invalid_user_data, in.user_data.size()};
      }
      payload = payload.first(in.udl - header);
    }
    const result decoded = ucs2::decode(payload, out);
    return decoded.ok() || decoded.ec == errc::output_too_small
               ? decoded
               : result{decoded.ec, decoded.count + header};
  }
  std::array<std::uint8_t, user_data_septets> septets{};
  // TP-UDL counts the UDH and its fill bits in septets; only packed data has the fill bits.
  const std::size_t fill = in.form == septet_form::packed ? gsm7::fill_bits(header) : 0;
  const std::size_t header_septets = gsm7::user_data_length(header, 0);
  std::size_t count = 0;
  if (in.udl == unknown_length) {
    count = in.form == septet_form::packed ? gsm7::septets_in(payload, fill) : payload.size();
  } else if (in.udl < header_septets) {
    return {errc::invalid_user_data, 0};
  } else {
    count = in.udl - header_septets;
  }
  if (count > septets.size()) {
    return {errc::invalid_user_data, in.user_data.size()};
  }
  if (in.form == septet_form::unpacked) {
    if (count > payload.size()) {
      return {errc::invalid_user_data, in.user_data.size()};
    }
    for (std::size_t i = 0; i < count; ++i) {
      septets[i] = payload[i];
    }
  } else {
    const result unpacked = gsm7::unpack(payload, count, std::span{septets}, fill);
    if (!unpacked.ok()) {
      return {unpacked.ec, unpacked.count + header};
    }
  }
  const result decoded =
      gsm7::decode(std::span<const std::uint8_t>{septets}.first(count), out, tables);
  return decoded.ok() || decoded.ec == errc::output_too_small
             ? decoded
             : result{decoded.ec, decoded.count + header};
}

/// Puts a concatenated message back together from its parts, in any order, decoding each to
/// UTF-8 into `out`. A single part needs no UDH. Returns ok with the bytes written; for parts
/// that do not form one message: mismatched_parts (count: the index of the first part that
/// differs in reference, reference size or total, or lacks a concatenation IE), duplicate_part or
/// missing_part (count: the sequence number); a part's own decoding error (its offset within that
/// part's user data); or output_too_small with the bytes needed.
[[nodiscard]] constexpr auto reassemble(std::span<const received_part> parts, std::span<char> out)
    -> result {
  if (parts.size() == 1 && !parts[0].udhi) {
    return decode_part(parts[0], out);
  }
  std::optional<concatenation> first;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto udh = parts[i].udhi ? parse_udh(parts[i].user_data) : outcome<udh_info>{};
    if (!udh.ok()) {
      return udh.error();
    }
    const auto& c = udh->concat;
    if (!c) {
      if (parts.size() == 1) {
        return decode_part(parts[0], out);  // a UDH with other elements only
      }
      return {errc::mismatched_parts, i};
    }
    if (!first) {
      first = c;
    } else if (c->reference != first->reference || c->reference_size != first->reference_size ||
               c->total != first->total) {
      return {errc::mismatched_parts, i};
    }
  }
  if (!first) {
    return {errc::ok, 0};  // no parts
  }
  // Sequence numbers: each of 1..total exactly once. n <= 255 per message, so O(n^2) is fine and
  // needs no allocation.
  const auto sequence_of = [&](std::size_t i) {
    return parse_udh(parts[i].user_data)->concat->sequence;
  };
  for (std::size_t i = 0; i < parts.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (sequence_of(i) == sequence_of(j)) {
        return {errc::duplicate_part, sequence_of(i)};
      }
    }
  }
  for (std::size_t sequence = 1; sequence <= first->total; ++sequence) {
    std::size_t found = parts.size();
    for (std::size_t i = 0; i < parts.size() && found == parts.size(); ++i) {
      found = sequence_of(i) == sequence ? i : found;
    }
    if (found == parts.size()) {
      return {errc::missing_part, sequence};
    }
  }
  std::size_t written = 0;
  std::size_t needed = 0;
  for (std::size_t sequence = 1; sequence <= first->total; ++sequence) {
    std::size_t index = 0;
    while (sequence_of(index) != sequence) {
      ++index;
    }
    const auto room =
        written == needed && written <= out.size() ? out.subspan(written) : std::span<char>{};
    const result decoded = decode_part(parts[index], room);
    if (decoded.ok()) {
      written += decoded.count;
      needed += decoded.count;
    } else if (decoded.ec == errc::output_too_small) {
      needed += decoded.count;
    } else {
      return decoded;
    }
  }
  if (needed > written) {
    return {errc::output_too_small, needed};
  }
  return {errc::ok, written};
}

/// Owning form of reassemble (may throw std::bad_alloc).
[[nodiscard]] inline auto reassemble(std::span<const received_part> parts) -> outcome<std::string> {
  std::size_t upper_bound = 0;
  for (const auto& p : parts) {
    // 8 septets per 7 octets at up to 3 bytes each (Indic national tables), or 3 per 2 octets.
    upper_bound += 4 * p.user_data.size();
  }
  return detail::fill_bounded<std::string>(
      upper_bound, [&](std::span<char> out) { return reassemble(parts, out); });
}

}  // namespace septet::inline v0

#endif  // SEPTET_REASSEMBLY_HPP

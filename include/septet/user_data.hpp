#ifndef SEPTET_USER_DATA_HPP
#define SEPTET_USER_DATA_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <septet/analysis.hpp>
#include <septet/data_coding.hpp>
#include <septet/gsm7.hpp>
#include <septet/national.hpp>
#include <septet/pack.hpp>
#include <septet/segment.hpp>
#include <septet/ucs2.hpp>
#include <septet/udh.hpp>
#include <span>
#include <vector>

/// The bytes that go on the air: for each part, the UDH and the user data (TP-UD), TP-UDL, the
/// data coding and the SMPP esm_class. Text -> parts -> wire bytes.
namespace septet::inline v0 {

/// SMPP esm_class bit saying the short message starts with a UDH (UDHI, TP-UDHI in 23.040).
inline constexpr std::uint8_t esm_class_udhi = 0x40;

struct encode_options {
  /// Boundary policy and limits; udh_octets and single_part_udh_octets are computed from the
  /// reference size and extra elements below.
  septet::options text{};
  septet::reference_size reference_size = septet::reference_size::bits8;
  /// Concatenation reference (8-bit references use the low octet). The caller picks it, e.g. a
  /// per-recipient counter, so that retries and parallel sends stay reproducible.
  std::uint16_t reference = 0;
  /// Information elements carried in every part after the concatenation IE.
  std::span<const information_element> extra_elements{};
  septet_form form = septet_form::packed;
};

/// One part as sent: UDH followed by user data in `octets[0, size)` (past `size` the octets are
/// not the part's: what a reused buffer held, or the spill of the encoder's whole-word stores).
struct encoded_part {
  /// The largest part: 160 unpacked septets (packed user data never exceeds 140 octets).
  static constexpr std::size_t max_octets = user_data_septets;

  std::array<std::uint8_t, max_octets> octets{};
  std::size_t size = 0;      ///< octets used: the SMPP sm_length
  std::size_t udh_size = 0;  ///< octets of UDH at the start (UDHL included), 0 for none
  /// TP-UDL: septets (UDH and fill bits counted as septets) for GSM 7-bit, octets for UCS-2.
  /// In the unpacked form it counts the UDH as packing would; SMPP's sm_length is `size`.
  std::size_t udl = 0;
  std::uint8_t data_coding = data_coding_gsm7;
  std::uint8_t esm_class = 0;  ///< esm_class_udhi when udh_size != 0
  septet::part text;           ///< the input range this part carries and its units

  [[nodiscard]] constexpr auto bytes() const noexcept -> std::span<const std::uint8_t> {
    return std::span{octets}.first(size);
  }
  [[nodiscard]] constexpr auto udh() const noexcept -> std::span<const std::uint8_t> {
    return bytes().first(udh_size);
  }
  [[nodiscard]] constexpr auto user_data() const noexcept -> std::span<const std::uint8_t> {
    return bytes().subspan(udh_size);
  }
};

namespace detail {

/// The text options that `enc` implies: UDH sizes from the reference size and extra elements.
[[nodiscard]] constexpr auto wire_text_options(const encode_options& enc) noexcept -> options {
  options opts = enc.text;
  opts.udh_octets = udh_size(enc.reference_size, enc.extra_elements);
  opts.single_part_udh_octets = udh_size(std::nullopt, enc.extra_elements);
  return opts;
}

/// Run time: UTF-8 text in the default GSM tables (a GSM message, or the parts of a batch) as
/// unpacked septets. The septets written, or not_default_gsm7 when a character is not in those
/// tables, a sequence is not valid UTF-8 or `out` is too small (the checked path then says why).
template <utf8_unit Char>
[[nodiscard]] inline auto default_gsm7_septets(std::basic_string_view<Char> piece,
                                               std::span<std::uint8_t> out) noexcept
    -> std::size_t {
  return with_vector_kernels([&](auto kernels) SEPTET_ALWAYS_INLINE {
    return kernels.default_gsm7_septets(piece.data(), piece.size(), out.data(), out.size());
  });
}

/// Run time: a part of valid UTF-8 (as the analysis found) as UTF-16BE, without checking the
/// text again (see utf16be.hpp). The octets written, or nothing when `out` is too small (the
/// checked path then says so). The octets of `out` past those written may be written too.
template <utf8_unit Char>
[[nodiscard]] inline auto utf16be_from_valid_utf8(std::basic_string_view<Char> piece,
                                                  std::span<std::uint8_t> out) noexcept
    -> std::optional<std::size_t> {
  const auto* const bytes = reinterpret_cast<const std::uint8_t*>(piece.data());
  const std::size_t written = with_vector_kernels([&](auto kernels) SEPTET_ALWAYS_INLINE {
    return kernels.utf16be_from_valid_utf8(bytes, piece.size(), out.data(), out.size());
  });
  if (written == utf16be_no_room) {
    return std::nullopt;
  }
  return written;
}

/// Starts part `index` of a message of `parts` parts in `encoding` that carries `range` of the
/// text: its fields and UDH. ok with the UDH octets, or write_udh's error.
constexpr auto start_part(const part& range,
                          septet::encoding encoding,
                          std::size_t parts,
                          const encode_options& enc,
                          std::size_t index,
                          encoded_part& out) -> result {
  if (std::is_constant_evaluated()) {
    out = encoded_part{};
  } else {
    // The octets are written up to `size` below; clearing all 160 took a fifth of the time of a
    // short message. Past `size` they are not the part's (see encoded_part).
    out.size = out.udl = 0;
  }
  // Field by field: the caller has just stored `range` a field at a time, and a copy of the
  // whole (a 16-byte load across two 8-byte stores) would wait for those stores to retire.
  out.text.begin = range.begin;
  out.text.end = range.end;
  out.text.units = range.units;
  std::optional<concatenation> concat;
  if (parts > 1) {
    concat = concatenation{enc.reference, static_cast<std::uint8_t>(parts),
                           static_cast<std::uint8_t>(index + 1), enc.reference_size};
  }
  const bool gsm = encoding == septet::encoding::gsm7;
  // The shift IEs ride in GSM 7-bit parts only, as capacity_for() counts them.
  const result header =
      write_udh(concat, enc.extra_elements, gsm ? enc.text.national : national_tables{},
                std::span{out.octets});
  out.udh_size = header.ok() ? header.count : 0;
  out.esm_class = out.udh_size != 0 ? esm_class_udhi : std::uint8_t{0};
  out.data_coding = gsm ? data_coding_gsm7 : data_coding_ucs2;
  return header;
}

/// The user data of a started GSM 7-bit part from its unpacked septets (`used`), packed unless
/// enc.form says otherwise. ok with the user data's octets, or output_too_small.
constexpr auto put_gsm7_user_data(std::span<const std::uint8_t> used,
                                  const encode_options& enc,
                                  encoded_part& out) -> result {
  const auto room = std::span{out.octets}.subspan(out.udh_size);
  out.udl = gsm7::user_data_length(out.udh_size, used.size());
  if (enc.form == septet_form::unpacked) {
    for (std::size_t i = 0; i < used.size(); ++i) {
      room[i] = used[i];
    }
    out.size = out.udh_size + used.size();
    return {errc::ok, used.size()};
  }
  result packed{errc::ok, 0};
  if (std::is_constant_evaluated()) {
    packed = gsm7::pack(used, room, gsm7::fill_bits(out.udh_size));
  } else if (const std::size_t size = gsm7::packed_size(used.size(), gsm7::fill_bits(out.udh_size));
             size > room.size()) {
    packed = {errc::output_too_small, size};
  } else {
    // Into the whole room: the last word of octets may be written past the packed ones.
    packed = with_vector_kernels([&](auto kernels) SEPTET_ALWAYS_INLINE {
      return detail::pack_at_run_time(
          used, room, gsm7::fill_bits(out.udh_size),
          [&](std::uint64_t x) SEPTET_ALWAYS_INLINE { return kernels.squeeze_septets(x); });
    });
  }
  out.size = out.udh_size + packed.count;
  return packed;
}

/// The user data of a started UCS-2 part: `piece` as UTF-16BE. ok with its octets, or the
/// checked encoder's error.
template <code_unit Char>
constexpr auto put_ucs2_user_data(std::basic_string_view<Char> piece, encoded_part& out) -> result {
  const auto room = std::span{out.octets}.subspan(out.udh_size);
  if constexpr (utf8_unit<Char>) {
    if (!std::is_constant_evaluated()) {
      if (const auto fast = utf16be_from_valid_utf8(piece, room)) {
        out.size = out.udh_size + *fast;
        out.udl = out.size;
        return {errc::ok, *fast};
      }
    }
  }
  const result written = ucs2::encode(piece, room);
  out.size = out.udh_size + written.count;
  out.udl = out.size;
  return written;
}

template <code_unit Char>
constexpr auto encode_one_part(std::basic_string_view<Char> text,
                               const part& range,
                               const analysis& a,
                               const encode_options& enc,
                               std::size_t index,
                               encoded_part& out) -> result {
  const result header = start_part(range, a.encoding, a.parts, enc, index, out);
  if (!header.ok()) {
    return header;
  }
  const auto piece = text.substr(range.begin, range.end - range.begin);
  if (a.encoding == encoding::ucs2) {
    return put_ucs2_user_data(piece, out);
  }
  const national_tables& tables = enc.text.national;
  std::array<std::uint8_t, user_data_septets> septets;  // written before read, up to the count
  result encoded{errc::ok, 0};
  std::size_t fast = not_default_gsm7;
  if constexpr (utf8_unit<Char>) {
    if (!std::is_constant_evaluated() && !tables.any()) {
      fast = default_gsm7_septets(piece, std::span{septets});
    }
  }
  if (fast != not_default_gsm7) {
    encoded.count = fast;
  } else {
    encoded = gsm7::encode(piece, std::span{septets}, tables);
    if (!encoded.ok()) {
      return encoded;
    }
  }
  return put_gsm7_user_data(std::span<const std::uint8_t>{septets}.first(encoded.count), enc, out);
}

/// Run time: the UTF-16 units of `text` when it is valid UTF-8 with a character outside GSM
/// 7-bit's default tables (a UCS-2 message, unless national tables are in use) and at most
/// `limit` units; nothing otherwise.
template <utf8_unit Char>
[[nodiscard]] inline auto ucs2_units_within(std::basic_string_view<Char> text,
                                            std::size_t limit) noexcept
    -> std::optional<std::size_t> {
  return with_vector_kernels([&](auto kernels) SEPTET_ALWAYS_INLINE -> std::optional<std::size_t> {
    const Char* const p = text.data();
    const std::size_t n = text.size();
    std::size_t units = 0;
    std::uint64_t non_gsm = 0;
    const auto bounds = kernels.class_bounds();
    for (std::size_t pos = 0; pos < n;) {
      const block_characters block =
          kernels.scan_block(text_block(p + pos, n - pos, pos), n - pos <= block_size, bounds);
      units += utf16_units_of(kernels, block);
      non_gsm |= non_gsm_characters_of(block, p + pos);
      pos += block.size;
      // A unit takes at most three bytes, so the rest of the text adds a unit per three bytes or
      // more: past `limit` then, the text needs no further reading.
      if (block.size == 0 || units + (n - pos) / 3 > limit) {
        return std::nullopt;
      }
    }
    if (non_gsm == 0) {
      return std::nullopt;
    }
    return units;
  });
}

/// Run time: the one part of `text` when it fits one part under the default GSM tables, without
/// analysing it first. A GSM message's septets, or a UCS-2 message's count of units, tell all
/// that the analysis would (the encoding, one part, no split). ok with 1 part, or write_udh's
/// error; nothing when the text is not such a message (or when that cannot be known this way),
/// and the caller then takes the general path.
template <utf8_unit Char>
[[nodiscard]] inline auto encode_single_part(std::basic_string_view<Char> text,
                                             std::span<encoded_part> out,
                                             const encode_options& enc) -> std::optional<result> {
  const options opts = wire_text_options(enc);
  if (out.empty() || opts.national.any() || !valid(opts)) {
    return std::nullopt;
  }
  // A GSM character is one UTF-16 unit, so the septets bound the body cap's count from above.
  const auto within_cap = [&](std::size_t units) {
    return opts.max_characters == 0 || units <= opts.max_characters;
  };
  const std::size_t septet_room = capacity_for(encoding::gsm7, opts).single_part;
  // A character takes a byte or more: a longer text is rarely one part, so not worth a try.
  if (text.size() <= septet_room) {
    std::array<std::uint8_t, user_data_septets> septets;  // written before read, up to the count
    const std::size_t count = default_gsm7_septets(text, std::span{septets}.first(septet_room));
    if (count != not_default_gsm7 && within_cap(count)) {
      const result header = start_part({0, text.size(), count}, encoding::gsm7, 1, enc, 0, out[0]);
      if (!header.ok()) {
        return header;
      }
      const result written =
          put_gsm7_user_data(std::span<const std::uint8_t>{septets}.first(count), enc, out[0]);
      return written.ok() ? result{errc::ok, 1} : written;
    }
  }
  const std::size_t unit_room = capacity_for(encoding::ucs2, opts).single_part;
  // A UTF-16 unit takes at most three bytes.
  if (text.size() > 3 * unit_room) {
    return std::nullopt;
  }
  const std::optional<std::size_t> units = ucs2_units_within(text, unit_room);
  if (!units || !within_cap(*units)) {
    return std::nullopt;
  }
  const result header = start_part({0, text.size(), *units}, encoding::ucs2, 1, enc, 0, out[0]);
  if (!header.ok()) {
    return header;
  }
  const result written = put_ucs2_user_data(text, out[0]);
  return written.ok() ? result{errc::ok, 1} : written;
}

/// Parts whose user data one conversion makes (see encode_parts_in_batches).
inline constexpr std::size_t batch_parts = 8;
/// The septets or UTF-16BE octets of batch_parts parts, and the whole vectors stored past them.
inline constexpr std::size_t batch_room = batch_parts * user_data_septets + 64;

/// Run time: a started part's user data from its share of a batch's conversion: `own`, unpacked
/// septets (packed here unless enc.form says otherwise) or UTF-16BE octets.
[[nodiscard]] inline auto put_converted_user_data(std::span<const std::uint8_t> own,
                                                  encoding e,
                                                  const encode_options& enc,
                                                  encoded_part& out) -> result {
  if (e == encoding::gsm7) {
    return put_gsm7_user_data(own, enc, out);
  }
  const auto room = std::span{out.octets}.subspan(out.udh_size);
  if (own.size() > room.size()) {
    return {errc::output_too_small, own.size()};  // as ucs2::encode counts
  }
  std::memcpy(room.data(), own.data(), own.size());
  out.size = out.udl = out.udh_size + own.size();
  return {errc::ok, own.size()};
}

/// Run time: `parts` (consecutive parts of `text`, whose analysis is `a`, under the default
/// tables) into out[first...], from one conversion of the text they carry: each conversion pays
/// for its start (constants, first block) and its end (the last characters one at a time), and a
/// part holds a few dozen characters only. Part by part (encode_one_part) where that conversion
/// does not come out as the analysis counted, so that the error is the per-part path's.
template <utf8_unit Char>
[[nodiscard]] auto encode_batch(std::basic_string_view<Char> text,
                                std::span<const part> parts,
                                const analysis& a,
                                const encode_options& enc,
                                std::size_t first,
                                std::span<encoded_part> out) -> result {
  std::array<std::uint8_t, batch_room> converted;  // written before read, up to the count
  const auto carried = text.substr(parts.front().begin, parts.back().end - parts.front().begin);
  const bool ucs2 = a.encoding == encoding::ucs2;
  const std::size_t count = ucs2 ? utf16be_from_valid_utf8(carried, converted).value_or(0)
                                 : default_gsm7_septets(carried, std::span{converted});
  const std::size_t unit_size = ucs2 ? 2 : 1;
  std::size_t units = 0;
  for (const part& p : parts) {
    units += p.units;
  }
  const bool as_counted = count == units * unit_size;
  std::size_t at = 0;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    encoded_part& part_out = out[first + k];
    const std::size_t size = parts[k].units * unit_size;
    result done = as_counted ? start_part(parts[k], a.encoding, a.parts, enc, first + k, part_out)
                             : encode_one_part(text, parts[k], a, enc, first + k, part_out);
    if (done.ok() && as_counted) {
      done = put_converted_user_data(std::span{converted}.subspan(at, size), a.encoding, enc,
                                     part_out);
    }
    if (!done.ok()) {
      return done;
    }
    at += size;
  }
  return {errc::ok, parts.size()};
}

/// Run time: encode_text_parts (below) under the default tables, batch_parts parts at a time.
template <utf8_unit Char>
[[nodiscard]] auto encode_parts_in_batches(const analyzed_text<Char>& analyzed,
                                           std::span<encoded_part> out,
                                           const encode_options& enc) -> result {
  std::array<part, batch_parts> batch;
  std::size_t queued = 0;
  std::size_t done = 0;
  result status{errc::ok, 0};
  const auto flush = [&] {
    if (status.ok() && queued != 0) {
      status = encode_batch(analyzed.text(), std::span{batch}.first(queued), analyzed.analysis(),
                            enc, done, out);
    }
    done += queued;
    queued = 0;
  };
  analyzed.for_each_part([&](const part& range) {
    if (done + queued < out.size()) {  // a.parts parts; the guard keeps inside `out`
      batch[queued++] = range;
    }
    if (queued == batch.size()) {
      flush();
    }
  });
  flush();
  return status.ok() ? result{errc::ok, done} : status;
}

template <code_unit Char>
constexpr auto encode_text_parts(const analyzed_text<Char>& analyzed,
                                 std::span<encoded_part> out,
                                 const encode_options& enc) -> result {
  const std::basic_string_view<Char> text = analyzed.text();
  const analysis& a = analyzed.analysis();
  if (!a.ok()) {
    return a.status;
  }
  if (!a.limits.ok()) {
    return a.limits;
  }
  if (a.parts > 255) {
    return {errc::too_many_parts, a.parts};  // the concatenation IE counts parts in one octet
  }
  if (a.parts > out.size()) {
    return {errc::output_too_small, a.parts};
  }
  if constexpr (utf8_unit<Char>) {
    if (!std::is_constant_evaluated() && !enc.text.national.any()) {
      return encode_parts_in_batches(analyzed, out, enc);
    }
  }
  std::size_t index = 0;
  result status{errc::ok, 0};
  analyzed.for_each_part([&](const part& range) {
    if (status.ok() && index < out.size()) {  // a.parts parts; the guard keeps inside `out`
      status = encode_one_part(text, range, a, enc, index, out[index]);
      ++index;
    }
  });
  if (!status.ok()) {
    return status;
  }
  return {errc::ok, index};
}

}  // namespace detail

/// Encodes `text` into the parts a carrier sends, into `out` (no allocation). GSM 7-bit when
/// every character allows it, else UCS-2; a UDH with the concatenation IE (and the caller's extra
/// elements) when there is more than one part. Returns ok with the parts written; the input's
/// error, a limit error, invalid_option, or output_too_small with the parts needed.
template <text Text>
[[nodiscard]] constexpr auto encode_parts(const Text& text,
                                          std::span<encoded_part> out,
                                          const encode_options& enc = {}) -> result {
  const auto view = as_view(text);
  if constexpr (utf8_unit<typename decltype(view)::value_type>) {
    if (!std::is_constant_evaluated()) {
      if (const auto single = detail::encode_single_part(view, out, enc)) {
        return *single;
      }
    }
  }
  return detail::encode_text_parts(detail::analyzed_text(view, detail::wire_text_options(enc)), out,
                                   enc);
}

/// Owning form of encode_parts (may throw std::bad_alloc).
template <text Text>
[[nodiscard]] auto encode_parts(const Text& text, const encode_options& enc = {})
    -> outcome<std::vector<encoded_part>> {
  const auto view = as_view(text);
  if constexpr (utf8_unit<typename decltype(view)::value_type>) {
    encoded_part only;
    if (const auto single = detail::encode_single_part(view, std::span{&only, 1}, enc)) {
      return outcome<std::vector<encoded_part>>{
          single->ok() ? std::vector<encoded_part>{only} : std::vector<encoded_part>{}, *single};
    }
  }
  const detail::analyzed_text analyzed(view, detail::wire_text_options(enc));
  const analysis& a = analyzed.analysis();
  return detail::fill_bounded<std::vector<encoded_part>>(
      a.within_limits() && a.parts <= 255 ? a.parts : 0,
      [&](std::span<encoded_part> out) { return detail::encode_text_parts(analyzed, out, enc); });
}

}  // namespace septet::inline v0

#endif  // SEPTET_USER_DATA_HPP

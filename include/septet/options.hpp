#ifndef SEPTET_OPTIONS_HPP
#define SEPTET_OPTIONS_HPP

#include <cstddef>
#include <cstdint>
#include <septet/national_language.hpp>
#include <string_view>

namespace septet::inline v0 {

/// How a message goes on the air. `gsm7`: GSM 03.38 default alphabet + extension table, counted in
/// septets. `ucs2`: data coding 0x08, counted in UTF-16 code units (carriers call it UCS-2 but
/// send astral characters as surrogate pairs, 2 units each).
enum class encoding : std::uint8_t { gsm7, ucs2 };

[[nodiscard]] constexpr auto to_string(encoding e) noexcept -> std::string_view {
  return e == encoding::gsm7 ? "gsm7" : "ucs2";
}

/// Where a part may end. `code_point`: anywhere except inside a GSM escape pair or a UTF-16
/// surrogate pair (the minimal split every carrier accepts). `grapheme`: also keep extended
/// grapheme clusters (UAX #29: combining marks, ZWJ sequences, variation selectors, emoji
/// modifiers, flags, Hangul syllables) whole, unless one cluster alone exceeds a part.
enum class boundary_policy : std::uint8_t { code_point, grapheme };

/// Octets of user data in one SMS (3GPP TS 23.040 §9.2.3.24: 140 octets = 160 septets).
inline constexpr std::size_t user_data_octets = 140;
/// Septets those octets hold: the most a part carries, packed or one per octet.
inline constexpr std::size_t user_data_septets = user_data_octets * 8 / 7;
/// UDH of the 8-bit-reference concatenation IE: UDHL + IEI + IEL + ref + total + seq.
inline constexpr std::size_t udh_octets_8bit_reference = 6;
/// UDH of the 16-bit-reference concatenation IE (one more reference octet).
inline constexpr std::size_t udh_octets_16bit_reference = 7;
/// The largest udh_octets that still leaves room for a two-unit character in a UCS-2 part.
inline constexpr std::size_t max_udh_octets = user_data_octets - 4;
/// Sinch's body cap, in characters; septet counts them as UTF-16 code units (conservative).
inline constexpr std::size_t default_max_characters = 2000;
/// The concatenation IE numbers parts in one octet.
inline constexpr std::size_t default_max_parts = 255;

/// The national language tables (TS 23.038 Annex A) a GSM 7-bit message uses: a locking-shift
/// table in place of the default alphabet, a single-shift table in place of the extension table;
/// `none` keeps the default. Each one in use adds a 3-octet IE to every part's UDH.
struct national_tables {
  national_language locking = national_language::none;
  national_language single_shift = national_language::none;

  [[nodiscard]] constexpr auto any() const noexcept -> bool {
    return locking != national_language::none || single_shift != national_language::none;
  }
  /// UDH octets the shift IEs take: IEI, length and language, 3 each (udh.hpp checks this against
  /// its IE lengths).
  [[nodiscard]] constexpr auto udh_octets() const noexcept -> std::size_t {
    return (locking != national_language::none ? 3U : 0U) +
           (single_shift != national_language::none ? 3U : 0U);
  }
  friend constexpr auto operator==(const national_tables&, const national_tables&) noexcept
      -> bool = default;
};

struct options {
  /// UDH octets in every part of a concatenated message: 6 (8-bit reference, 153/67 per part),
  /// 7 (16-bit reference, 152/66), more when other IEs ride along; 0..max_udh_octets.
  std::size_t udh_octets = udh_octets_8bit_reference;
  /// UDH octets in a message that fits one part: 0 unless other IEs ride along (then UDHL + IEs).
  std::size_t single_part_udh_octets = 0;
  boundary_policy boundary = boundary_policy::code_point;
  /// Body cap in UTF-16 code units (an astral character counts 2); 0 = no cap.
  std::size_t max_characters = default_max_characters;
  /// Cap on parts; 0 = no cap.
  std::size_t max_parts = default_max_parts;
  /// A route's own cap on units in any one part (US Cellular: 150), below what the UDH leaves;
  /// 0 = none. At least 2, so that an escape or surrogate pair always fits.
  std::size_t max_units_per_part = 0;
  /// National language tables for GSM 7-bit (none by default, as carriers assume);
  /// choose_national_tables() picks the best among the languages you allow.
  national_tables national{};
};

/// Units that fit in one part, for an encoding.
struct capacity {
  std::size_t single_part = 0;  ///< a message that fits one part: 160 septets / 70 units
  std::size_t per_part = 0;     ///< each part of a concatenated message

  friend constexpr auto operator==(const capacity&, const capacity&) noexcept -> bool = default;
};

[[nodiscard]] constexpr auto valid(const options& opts) noexcept -> bool {
  const auto& n = opts.national;
  const bool tables_exist =
      (n.locking == national_language::none || has_locking_table(n.locking)) &&
      (n.single_shift == national_language::none || has_single_shift_table(n.single_shift));
  const std::size_t ies = n.any() ? n.udh_octets() + 1 : 0;  // + a UDHL, at worst
  return opts.udh_octets + ies <= max_udh_octets &&
         opts.single_part_udh_octets + ies <= max_udh_octets && opts.max_units_per_part != 1 &&
         tables_exist;
}

/// Units that fit in 140 octets after a UDH of `udh` octets: floor((140 - udh) * 8 / 7) septets
/// (the fill bits before the first septet are what the floor drops) or floor((140 - udh) / 2)
/// UTF-16 units.
[[nodiscard]] constexpr auto units_after_udh(encoding e, std::size_t udh) noexcept -> std::size_t {
  const std::size_t octets = user_data_octets - (udh <= max_udh_octets ? udh : max_udh_octets);
  return e == encoding::gsm7 ? octets * 8 / 7 : octets / 2;
}

/// Capacities for `e` under `opts` (valid options assumed).
[[nodiscard]] constexpr auto capacity_for(encoding e, const options& opts) noexcept -> capacity {
  const auto capped = [&](std::size_t units) {
    return opts.max_units_per_part != 0 && opts.max_units_per_part < units ? opts.max_units_per_part
                                                                           : units;
  };
  // The shift IEs ride in GSM 7-bit parts only (a UCS-2 message has no use for them).
  const std::size_t ies = e == encoding::gsm7 ? opts.national.udh_octets() : 0;
  const auto with_ies = [&](std::size_t udh) {
    return ies == 0 ? udh : (udh == 0 ? 1 : udh) + ies;
  };
  return {capped(units_after_udh(e, with_ies(opts.single_part_udh_octets))),
          capped(units_after_udh(e, with_ies(opts.udh_octets)))};
}

}  // namespace septet::inline v0

#endif  // SEPTET_OPTIONS_HPP

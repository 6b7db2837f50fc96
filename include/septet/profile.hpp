#ifndef SEPTET_PROFILE_HPP
#define SEPTET_PROFILE_HPP

#include <array>
#include <optional>
#include <septet/options.hpp>
#include <string_view>

/// Named capacity profiles for routes that do not split as 160/153 and 70/67, selectable by name
/// in the API, the CLI and the web page.
namespace septet::inline v0 {

struct profile {
  std::string_view name;
  std::string_view description;
  options opts;
};

namespace detail {

[[nodiscard]] constexpr auto with_udh(std::size_t udh) noexcept -> options {
  options o;
  o.udh_octets = udh;
  return o;
}

[[nodiscard]] constexpr auto with_part_cap(std::size_t cap) noexcept -> options {
  options o;
  o.max_units_per_part = cap;
  return o;
}

}  // namespace detail

inline constexpr std::array<profile, 4> profiles = {{
    {"default", "160/153 GSM, 70/67 UCS-2: 6-octet UDH with an 8-bit reference (Sinch, most SMSCs)",
     options{}},
    {"ref16", "152/66 per part: 7-octet UDH with a 16-bit concatenation reference",
     detail::with_udh(udh_octets_16bit_reference)},
    {"us-toll-free",
     "152/66 per part: US toll-free routes concatenate with a 16-bit reference (Twilio's "
     "calculator, issue #51)",
     detail::with_udh(udh_octets_16bit_reference)},
    {"us-cellular", "at most 150 units in any part (US Cellular; Twilio's calculator, issue #24)",
     detail::with_part_cap(150)},
}};

/// The profile called `name`, if there is one.
[[nodiscard]] constexpr auto find_profile(std::string_view name) noexcept
    -> std::optional<profile> {
  for (const auto& p : profiles) {
    if (p.name == name) {
      return p;
    }
  }
  return std::nullopt;
}

}  // namespace septet::inline v0

#endif  // SEPTET_PROFILE_HPP

#ifndef SEPTET_PRINTING_HPP
#define SEPTET_PRINTING_HPP

#include <cstddef>
#include <ostream>
#include <septet/analysis.hpp>
#include <septet/error.hpp>
#include <septet/options.hpp>
#include <septet/segment.hpp>
#include <sstream>
#include <string>

#if __has_include(<format>)
#  include <format>
#endif

/// Printing septet's values for people: `std::cout << a.encoding`, `<< a.status`, `<< a`,
/// `<< part`, `to_string(result)`, and std::format where the standard library has <format>. The
/// names are the stable ones of JSON and logs ("gsm7", "utf8_truncated"); a failed result says
/// what its count means (an offset, a size, a part's number).
namespace septet::inline v0 {

inline auto operator<<(std::ostream& out, encoding e) -> std::ostream& {
  return out << to_string(e);
}

inline auto operator<<(std::ostream& out, errc e) -> std::ostream& {
  return out << name(e);
}

/// "ok", or the error's name and what its count is: "utf8_truncated at byte 3",
/// "output_too_small: needs 12", "missing_part: part 2".
inline auto operator<<(std::ostream& out, const result& r) -> std::ostream& {
  out << r.ec;
  if (r.ok()) {
    return out;
  }
  if (r.ec == errc::output_too_small) {
    return out << ": needs " << r.needed();
  }
  if (r.ec == errc::missing_part || r.ec == errc::duplicate_part) {
    return out << ": part " << r.part_number();
  }
  return out << " at " << r.offset();
}

/// "gsm7, 5 characters, 5 units, 1 part, 155 units left", then the first character that forced
/// UCS-2 ("first non-GSM U+1F600 at byte 6") and any error or limit crossed.
inline auto operator<<(std::ostream& out, const analysis& a) -> std::ostream& {
  out << a.encoding << ", " << a.characters
      << (a.characters == 1 ? " character, " : " characters, ") << a.units
      << (a.units == 1 ? " unit, " : " units, ") << a.parts
      << (a.parts == 1 ? " part, " : " parts, ") << a.units_remaining << " units left";
  if (a.first_non_gsm) {
    const auto flags = out.flags();
    out << ", first non-GSM U+" << std::hex << std::uppercase
        << static_cast<unsigned long>(a.first_non_gsm->code_point);
    out.flags(flags);
    out << " at byte " << a.first_non_gsm->offset;
  }
  if (!a.status.ok()) {
    out << ", error " << a.status;
  }
  if (!a.limits.ok()) {
    out << ", over the limit: " << a.limits;
  }
  return out;
}

/// "bytes [0, 153), 153 units".
inline auto operator<<(std::ostream& out, const part& p) -> std::ostream& {
  return out << "bytes [" << p.begin << ", " << p.end << "), " << p.units
             << (p.units == 1 ? " unit" : " units");
}

/// The same text as operator<<, as a string.
template <class T>
[[nodiscard]] auto printed(const T& value) -> std::string {
  std::ostringstream out;
  out << value;
  return out.str();
}

[[nodiscard]] inline auto to_string(const result& r) -> std::string {
  return printed(r);
}

}  // namespace septet::inline v0

#if defined(__cpp_lib_format)
/// std::format("{}", value) for every type operator<< prints, with the same text.
template <class T>
requires std::is_same_v<T, septet::encoding> || std::is_same_v<T, septet::errc> ||
    std::is_same_v<T, septet::result> || std::is_same_v<T, septet::analysis> ||
    std::is_same_v<T, septet::part>
struct std::formatter<T, char> : std::formatter<std::string, char> {
  auto format(const T& value, std::format_context& ctx) const {
    return std::formatter<std::string, char>::format(septet::printed(value), ctx);
  }
};
#endif

#endif  // SEPTET_PRINTING_HPP

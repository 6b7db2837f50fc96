#ifndef SEPTET_MSISDN_HPP
#define SEPTET_MSISDN_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <septet/error.hpp>
#include <string_view>

/// Phone numbers as Sinch takes them: international format, with or without a leading `+` or
/// `00`; spaces, dashes and brackets ignored; returned as digits only, the way Sinch echoes them.
namespace septet::inline v0 {

/// E.164 allows at most 15 digits; the shortest international numbers have 7 (a 3-digit country
/// code and a 4-digit subscriber number, e.g. Niue, Saint Helena), so "+1" is refused as Sinch
/// refuses it.
inline constexpr std::size_t msisdn_min_digits = 7;
inline constexpr std::size_t msisdn_max_digits = 15;

[[nodiscard]] constexpr auto is_msisdn_separator(char c) noexcept -> bool {
  return c == ' ' || c == '-' || c == '(' || c == ')' || c == '[' || c == ']';
}

/// A normalised MSISDN: digits only, no allocation.
class msisdn {
 public:
  constexpr msisdn() = default;

  /// Normalises `text` to digits. Errors, all invalid_msisdn with the offset of the offending
  /// character: a character other than digits, separators and one leading `+`; a `+` after the
  /// start; a country code starting with 0 (a national number, or "+00"); more than 15 digits
  /// (the 16th); fewer than 7 (offset: the end of the text).
  [[nodiscard]] static constexpr auto parse(std::string_view text) noexcept -> outcome<msisdn> {
    msisdn out;
    std::size_t pos = 0;
    while (pos < text.size() && is_msisdn_separator(text[pos])) {
      ++pos;
    }
    const bool plus = pos < text.size() && text[pos] == '+';
    pos += plus ? 1 : 0;
    std::size_t zeros_to_skip = 0;  // a leading "00" is the international prefix, like '+'
    for (std::size_t i = pos, zeros = 0; !plus && i < text.size() && zeros < 2; ++i) {
      if (text[i] == '0') {
        zeros_to_skip = ++zeros == 2 ? 2 : 0;
      } else if (!is_msisdn_separator(text[i])) {
        break;
      }
    }
    for (; pos < text.size(); ++pos) {
      const char c = text[pos];
      if (is_msisdn_separator(c)) {
        continue;
      }
      if (c < '0' || c > '9' || out.m_size == msisdn_max_digits) {
        return result{errc::invalid_msisdn, pos};
      }
      if (zeros_to_skip > 0) {
        --zeros_to_skip;
        continue;
      }
      if (out.m_size == 0 && c == '0') {  // no country code starts with 0
        return result{errc::invalid_msisdn, pos};
      }
      out.m_digits[out.m_size++] = c;
    }
    if (out.m_size < msisdn_min_digits) {
      return result{errc::invalid_msisdn, text.size()};
    }
    return {out, {errc::ok, out.m_size}};
  }

  [[nodiscard]] constexpr auto digits() const noexcept -> std::string_view {
    return {m_digits.data(), m_size};
  }
  friend constexpr auto operator==(const msisdn& a, const msisdn& b) noexcept -> bool {
    return a.digits() == b.digits();
  }

 private:
  std::array<char, msisdn_max_digits> m_digits{};
  std::size_t m_size = 0;
};

/// msisdn::parse as a free function.
[[nodiscard]] constexpr auto parse_msisdn(std::string_view text) noexcept -> outcome<msisdn> {
  return msisdn::parse(text);
}

}  // namespace septet::inline v0

#endif  // SEPTET_MSISDN_HPP

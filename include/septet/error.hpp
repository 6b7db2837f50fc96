#ifndef SEPTET_ERROR_HPP
#define SEPTET_ERROR_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace septet::inline v0 {

/// Every way a septet call can fail. The library never throws; failures come back as values.
enum class errc : std::uint8_t {
  ok,
  utf8_invalid_lead,  ///< a byte that cannot start a UTF-8 sequence (stray 0x80-0xBF, 0xF8-0xFF)
  utf8_truncated,     ///< a UTF-8 sequence cut short by the end of input or a non-continuation byte
  utf8_overlong,      ///< a UTF-8 sequence longer than the code point needs (e.g. C0 80)
  utf8_surrogate,     ///< UTF-8 that encodes U+D800..U+DFFF
  utf8_out_of_range,  ///< UTF-8 that encodes a value above U+10FFFF
  utf16_unpaired_surrogate,  ///< UTF-16 input with a lone high or low surrogate
  invalid_code_point,        ///< UTF-32 input outside the Unicode scalar values
  invalid_option,            ///< an option out of range (e.g. udh_octets too large to leave room)
  body_too_long,             ///< more UTF-16 units than options::max_characters
  too_many_parts,            ///< more parts than options::max_parts
  output_too_small,          ///< a caller-provided span cannot hold the result
  not_gsm7,                  ///< a character GSM 7-bit cannot carry, where GSM 7-bit was required
  invalid_septet,            ///< a septet value above 0x7F
  invalid_user_data,         ///< user data that cannot be what its length and coding say
  invalid_udh,               ///< a malformed user data header
  missing_part,              ///< a part of a concatenated message is absent (count: its number)
  duplicate_part,            ///< a part arrived twice (count: its number)
  mismatched_parts,          ///< parts that do not belong to one message (reference or total)
  unsupported_data_coding,   ///< a data coding scheme septet does not decode (8-bit, compressed)
  invalid_msisdn,            ///< not a phone number in international format
  unterminated_placeholder,  ///< "${" without a closing "}"
  invalid_placeholder,       ///< "${}" or a key with a character outside [A-Za-z0-9._-]
  key_too_long,              ///< a parameter key over 16 characters
  value_too_long,            ///< a parameter value over 160 characters
  unmatched_parameter,       ///< no value for this recipient and no default (Sinch code 405)
};

/// A short English description of `e`, suitable for logs and error messages.
[[nodiscard]] constexpr auto to_string(errc e) noexcept -> std::string_view {
  switch (e) {
    case errc::ok:
      return "ok";
    case errc::utf8_invalid_lead:
      return "invalid UTF-8: byte cannot start a sequence";
    case errc::utf8_truncated:
      return "invalid UTF-8: truncated sequence";
    case errc::utf8_overlong:
      return "invalid UTF-8: overlong encoding";
    case errc::utf8_surrogate:
      return "invalid UTF-8: encoded surrogate";
    case errc::utf8_out_of_range:
      return "invalid UTF-8: code point above U+10FFFF";
    case errc::utf16_unpaired_surrogate:
      return "invalid UTF-16: unpaired surrogate";
    case errc::invalid_code_point:
      return "invalid code point";
    case errc::invalid_option:
      return "invalid option";
    case errc::body_too_long:
      return "body longer than the character limit";
    case errc::too_many_parts:
      return "message needs more parts than the limit";
    case errc::output_too_small:
      return "output span too small";
    case errc::not_gsm7:
      return "character not in the GSM 7-bit alphabet";
    case errc::invalid_septet:
      return "septet value above 0x7F";
    case errc::invalid_user_data:
      return "invalid user data";
    case errc::invalid_udh:
      return "invalid user data header";
    case errc::missing_part:
      return "part missing from the concatenated message";
    case errc::duplicate_part:
      return "part received twice";
    case errc::mismatched_parts:
      return "parts belong to different messages";
    case errc::unsupported_data_coding:
      return "unsupported data coding scheme";
    case errc::invalid_msisdn:
      return "not a phone number in international format";
    case errc::unterminated_placeholder:
      return "placeholder '${' without a closing '}'";
    case errc::invalid_placeholder:
      return "placeholder key empty or with a character outside A-Z a-z 0-9 . _ -";
    case errc::key_too_long:
      return "parameter key longer than 16 characters";
    case errc::value_too_long:
      return "parameter value longer than 160 characters";
    case errc::unmatched_parameter:
      return "no value for this recipient and no default";
  }
  return "unknown error";
}

/// The enumerator's name, e.g. "utf8_truncated": a stable code for JSON and logs.
[[nodiscard]] constexpr auto name(errc e) noexcept -> std::string_view {
  switch (e) {
    case errc::ok:
      return "ok";
    case errc::utf8_invalid_lead:
      return "utf8_invalid_lead";
    case errc::utf8_truncated:
      return "utf8_truncated";
    case errc::utf8_overlong:
      return "utf8_overlong";
    case errc::utf8_surrogate:
      return "utf8_surrogate";
    case errc::utf8_out_of_range:
      return "utf8_out_of_range";
    case errc::utf16_unpaired_surrogate:
      return "utf16_unpaired_surrogate";
    case errc::invalid_code_point:
      return "invalid_code_point";
    case errc::invalid_option:
      return "invalid_option";
    case errc::body_too_long:
      return "body_too_long";
    case errc::too_many_parts:
      return "too_many_parts";
    case errc::output_too_small:
      return "output_too_small";
    case errc::not_gsm7:
      return "not_gsm7";
    case errc::invalid_septet:
      return "invalid_septet";
    case errc::invalid_user_data:
      return "invalid_user_data";
    case errc::invalid_udh:
      return "invalid_udh";
    case errc::missing_part:
      return "missing_part";
    case errc::duplicate_part:
      return "duplicate_part";
    case errc::mismatched_parts:
      return "mismatched_parts";
    case errc::unsupported_data_coding:
      return "unsupported_data_coding";
    case errc::invalid_msisdn:
      return "invalid_msisdn";
    case errc::unterminated_placeholder:
      return "unterminated_placeholder";
    case errc::invalid_placeholder:
      return "invalid_placeholder";
    case errc::key_too_long:
      return "key_too_long";
    case errc::value_too_long:
      return "value_too_long";
    case errc::unmatched_parameter:
      return "unmatched_parameter";
  }
  return "unknown";
}

/// True for the errors that mean the input text itself is not valid Unicode.
[[nodiscard]] constexpr auto is_encoding_error(errc e) noexcept -> bool {
  return e >= errc::utf8_invalid_lead && e <= errc::invalid_code_point;
}

/// Outcome of a call. On success `count` is what the call documents (items written, usually).
/// On failure it is the offset, in input code units (bytes for UTF-8), where the problem is;
/// for output_too_small it is the number of items the output needs; for missing_part and
/// duplicate_part, the part's sequence number.
struct result {
  errc ec = errc::ok;
  std::size_t count = 0;

  [[nodiscard]] constexpr auto ok() const noexcept -> bool {
    return ec == errc::ok;
  }
  friend constexpr auto operator==(const result&, const result&) noexcept -> bool = default;
};

/// A value with the status of the call that produced it (owning helpers; std::expected in C++23).
template <class T>
struct outcome {
  T value{};
  result status{};

  [[nodiscard]] constexpr auto ok() const noexcept -> bool {
    return status.ok();
  }
};

namespace detail {

/// The owning form of a caller-span call: `fill(span)` returns ok with the items written, or
/// output_too_small with the items needed. Asks once with an empty span for the size, then fills
/// a container of exactly that size.
template <class Container, class Fill>
[[nodiscard]] auto fill_owning(Fill&& fill) -> outcome<Container> {
  outcome<Container> out;
  const result needed = fill(std::span<typename Container::value_type>{});
  if (needed.ec != errc::output_too_small) {
    out.status = needed;  // nothing to write, or an error
    return out;
  }
  out.value.resize(needed.count);
  out.status = fill(std::span{out.value});
  return out;
}

}  // namespace detail

}  // namespace septet::inline v0

#endif  // SEPTET_ERROR_HPP

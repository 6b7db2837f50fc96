#ifndef SEPTET_ERROR_HPP
#define SEPTET_ERROR_HPP

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <iterator>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

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

/// What part of the work an error comes from.
enum class error_category : std::uint8_t {
  none,        ///< ok
  encoding,    ///< the input is not valid Unicode (UTF-8, UTF-16 or UTF-32)
  usage,       ///< an option out of range, or an output span too small
  limit,       ///< the text breaks a cap the caller set (characters, parts)
  wire,        ///< user data, septets, UDH or data coding that cannot be what they claim
  reassembly,  ///< parts that do not make one message
  address,     ///< a phone number
  parameters,  ///< a template, a parameter key or value, or a recipient without a value
};

namespace detail {

struct error_entry {
  errc code;
  std::string_view name;
  error_category category;
  std::string_view description;
};

/// Every errc, in enumerator order: its stable name, its category and its description.
inline constexpr error_entry error_table[] = {
    {errc::ok, "ok", error_category::none, "ok"},
    {errc::utf8_invalid_lead, "utf8_invalid_lead", error_category::encoding,
     "invalid UTF-8: byte cannot start a sequence"},
    {errc::utf8_truncated, "utf8_truncated", error_category::encoding,
     "invalid UTF-8: truncated sequence"},
    {errc::utf8_overlong, "utf8_overlong", error_category::encoding,
     "invalid UTF-8: overlong encoding"},
    {errc::utf8_surrogate, "utf8_surrogate", error_category::encoding,
     "invalid UTF-8: encoded surrogate"},
    {errc::utf8_out_of_range, "utf8_out_of_range", error_category::encoding,
     "invalid UTF-8: code point above U+10FFFF"},
    {errc::utf16_unpaired_surrogate, "utf16_unpaired_surrogate", error_category::encoding,
     "invalid UTF-16: unpaired surrogate"},
    {errc::invalid_code_point, "invalid_code_point", error_category::encoding,
     "invalid code point"},
    {errc::invalid_option, "invalid_option", error_category::usage, "invalid option"},
    {errc::body_too_long, "body_too_long", error_category::limit,
     "body longer than the character limit"},
    {errc::too_many_parts, "too_many_parts", error_category::limit,
     "message needs more parts than the limit"},
    {errc::output_too_small, "output_too_small", error_category::usage, "output span too small"},
    {errc::not_gsm7, "not_gsm7", error_category::wire, "character not in the GSM 7-bit alphabet"},
    {errc::invalid_septet, "invalid_septet", error_category::wire, "septet value above 0x7F"},
    {errc::invalid_user_data, "invalid_user_data", error_category::wire, "invalid user data"},
    {errc::invalid_udh, "invalid_udh", error_category::wire, "invalid user data header"},
    {errc::missing_part, "missing_part", error_category::reassembly,
     "part missing from the concatenated message"},
    {errc::duplicate_part, "duplicate_part", error_category::reassembly, "part received twice"},
    {errc::mismatched_parts, "mismatched_parts", error_category::reassembly,
     "parts belong to different messages"},
    {errc::unsupported_data_coding, "unsupported_data_coding", error_category::wire,
     "unsupported data coding scheme"},
    {errc::invalid_msisdn, "invalid_msisdn", error_category::address,
     "not a phone number in international format"},
    {errc::unterminated_placeholder, "unterminated_placeholder", error_category::parameters,
     "placeholder '${' without a closing '}'"},
    {errc::invalid_placeholder, "invalid_placeholder", error_category::parameters,
     "placeholder key empty or with a character outside A-Z a-z 0-9 . _ -"},
    {errc::key_too_long, "key_too_long", error_category::parameters,
     "parameter key longer than 16 characters"},
    {errc::value_too_long, "value_too_long", error_category::parameters,
     "parameter value longer than 160 characters"},
    {errc::unmatched_parameter, "unmatched_parameter", error_category::parameters,
     "no value for this recipient and no default"},
};

[[nodiscard]] constexpr auto table_has_every_errc_in_order() noexcept -> bool {
  for (std::size_t i = 0; i < std::size(error_table); ++i) {
    if (static_cast<std::size_t>(error_table[i].code) != i) {
      return false;
    }
  }
  return static_cast<std::size_t>(errc::unmatched_parameter) + 1 == std::size(error_table);
}
static_assert(table_has_every_errc_in_order(), "error_table: one entry per errc, in order");

[[nodiscard]] constexpr auto entry_of(errc e) noexcept -> const error_entry* {
  const auto i = static_cast<std::size_t>(e);
  return i < std::size(error_table) ? &error_table[i] : nullptr;
}

}  // namespace detail

/// A short English description of `e`, suitable for logs and error messages.
[[nodiscard]] constexpr auto to_string(errc e) noexcept -> std::string_view {
  const auto* entry = detail::entry_of(e);
  return entry != nullptr ? entry->description : "unknown error";
}

/// The enumerator's name, e.g. "utf8_truncated": a stable code for JSON and logs.
[[nodiscard]] constexpr auto name(errc e) noexcept -> std::string_view {
  const auto* entry = detail::entry_of(e);
  return entry != nullptr ? entry->name : "unknown";
}

/// Which part of the work `e` comes from.
[[nodiscard]] constexpr auto category(errc e) noexcept -> error_category {
  const auto* entry = detail::entry_of(e);
  return entry != nullptr ? entry->category : error_category::usage;
}

/// True for the errors that mean the input text itself is not valid Unicode.
[[nodiscard]] constexpr auto is_encoding_error(errc e) noexcept -> bool {
  return category(e) == error_category::encoding;
}

/// Outcome of a call. On success `count` is what the call documents (items written, usually).
/// On failure it is the offset, in input code units (bytes for UTF-8), where the problem is;
/// for output_too_small it is the number of items the output needs; for missing_part and
/// duplicate_part, the part's sequence number. The accessors say which one a caller means.
struct result {
  errc ec = errc::ok;
  std::size_t count = 0;

  [[nodiscard]] constexpr auto ok() const noexcept -> bool {
    return ec == errc::ok;
  }
  /// On success: what the call counted or wrote (see the call).
  [[nodiscard]] constexpr auto counted() const noexcept -> std::size_t {
    return count;
  }
  /// On failure: where the problem is, in input code units (bytes for UTF-8).
  [[nodiscard]] constexpr auto offset() const noexcept -> std::size_t {
    return count;
  }
  /// For output_too_small: how many items the output needs.
  [[nodiscard]] constexpr auto needed() const noexcept -> std::size_t {
    return count;
  }
  /// For missing_part and duplicate_part: the part's sequence number (1-based).
  [[nodiscard]] constexpr auto part_number() const noexcept -> std::size_t {
    return count;
  }
  friend constexpr auto operator==(const result&, const result&) noexcept -> bool = default;
};

/// What outcome::value() throws on a failed outcome (when exceptions are on): reading a value
/// that is not there is a bug in the caller, so it is loud, never an empty value.
class bad_outcome_access : public std::exception {
 public:
  explicit bad_outcome_access(result failure) noexcept : m_failure(failure) {}
  [[nodiscard]] auto error() const noexcept -> result {
    return m_failure;
  }
  [[nodiscard]] auto what() const noexcept -> const char* override {
    return "septet::outcome: value() read on a failed outcome (check has_value() first)";
  }

 private:
  result m_failure;
};

namespace detail {

/// A failed outcome's value was read: throws bad_outcome_access, or aborts where exceptions are
/// off. Not constexpr, so the same misuse in a constant expression does not compile.
[[noreturn]] inline void outcome_misused(result failure) {
#if defined(__cpp_exceptions)
  throw bad_outcome_access(failure);
#else
  static_cast<void>(failure);
  std::abort();
#endif
}

}  // namespace detail

/// A value or the failure that stopped the call, shaped like C++23's std::expected<T, result>:
/// has_value(), operator*, operator->, value() and error(). Reading the value of a failed
/// outcome is never silent: it throws bad_outcome_access (std::abort without exceptions).
/// error() is the call's status: errc::ok on success, where its count is what the call documents.
template <class T>
class outcome {
 public:
  using value_type = T;
  using error_type = result;

  /// Success with a value-initialised T.
  constexpr outcome() = default;
  /// Success (implicit, as std::expected): `return value;`.
  constexpr outcome(T value) noexcept(std::is_nothrow_move_constructible_v<T>)  // NOLINT
      : m_value(std::move(value)) {}
  /// Success with a status that carries a count: `return {value, {errc::ok, n}}`.
  constexpr outcome(T value, result status) noexcept(std::is_nothrow_move_constructible_v<T>)
      : m_value(std::move(value)), m_status(status) {}
  /// The failure (implicit): `return result{errc::invalid_udh, at};`.
  constexpr outcome(result failure) noexcept(std::is_nothrow_default_constructible_v<T>)  // NOLINT
      : m_status(failure) {}

  [[nodiscard]] constexpr auto has_value() const noexcept -> bool {
    return m_status.ok();
  }
  [[nodiscard]] constexpr auto ok() const noexcept -> bool {
    return m_status.ok();
  }
  constexpr explicit operator bool() const noexcept {
    return m_status.ok();
  }
  /// The call's status: the failure, or errc::ok with the call's count.
  [[nodiscard]] constexpr auto error() const noexcept -> const result& {
    return m_status;
  }

  [[nodiscard]] constexpr auto value() & -> T& {
    check();
    return m_value;
  }
  [[nodiscard]] constexpr auto value() const& -> const T& {
    check();
    return m_value;
  }
  /// By value, so that `for (auto& p : segment(text).value())` does not outlive the outcome.
  [[nodiscard]] constexpr auto value() && -> T {
    check();
    return std::move(m_value);
  }
  [[nodiscard]] constexpr auto operator*() & -> T& {
    return value();
  }
  [[nodiscard]] constexpr auto operator*() const& -> const T& {
    return value();
  }
  [[nodiscard]] constexpr auto operator*() && -> T {
    return std::move(*this).value();
  }
  [[nodiscard]] constexpr auto operator->() -> T* {
    return &value();
  }
  [[nodiscard]] constexpr auto operator->() const -> const T* {
    return &value();
  }
  /// The value, or `fallback` on failure.
  template <class U>
  [[nodiscard]] constexpr auto value_or(U&& fallback) const& -> T {
    return has_value() ? m_value : static_cast<T>(std::forward<U>(fallback));
  }
  template <class U>
  [[nodiscard]] constexpr auto value_or(U&& fallback) && -> T {
    return has_value() ? std::move(m_value) : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  constexpr void check() const {
    if (!m_status.ok()) {
      detail::outcome_misused(m_status);
    }
  }

  T m_value{};
  result m_status{};
};

namespace detail {

/// The owning form of a caller-span call: `fill(span)` returns ok with the items written, or
/// output_too_small with the items needed. Asks once with an empty span for the size, then fills
/// a container of exactly that size.
template <class Container, class Fill>
[[nodiscard]] auto fill_owning(Fill&& fill) -> outcome<Container> {
  const result needed = fill(std::span<typename Container::value_type>{});
  if (needed.ec != errc::output_too_small) {
    return outcome<Container>{Container{}, needed};  // nothing to write, or an error
  }
  Container out(needed.count, typename Container::value_type{});
  const result written = fill(std::span{out});
  return outcome<Container>{std::move(out), written};
}

/// The owning form of a call whose output has a known bound: fills a container of `bound` items
/// and keeps the ones written (none on failure).
template <class Container, class Fill>
[[nodiscard]] auto fill_bounded(std::size_t bound, Fill&& fill) -> outcome<Container> {
  Container out(bound, typename Container::value_type{});
  const result written = fill(std::span{out});
  out.resize(written.ok() ? written.count : 0);
  return outcome<Container>{std::move(out), written};
}

}  // namespace detail

}  // namespace septet::inline v0

#endif  // SEPTET_ERROR_HPP

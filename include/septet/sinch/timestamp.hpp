#ifndef SEPTET_SINCH_TIMESTAMP_HPP
#define SEPTET_SINCH_TIMESTAMP_HPP

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

/// Sinch's timestamps (seed 001, "Timestamps"): ISO-8601 in, with an offset from UTC or none
/// (then UTC); out, always UTC precise to the millisecond, "YYYY-MM-DDThh:mm:ss.SSSZ".
namespace septet::inline v0::sinch {

using timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

namespace detail {

/// Reads ISO-8601 text from left to right; every reader returns nothing at the first mismatch.
class timestamp_reader {
 public:
  explicit constexpr timestamp_reader(std::string_view text) noexcept : m_text(text) {}

  constexpr auto number(std::size_t digits) noexcept -> std::optional<int> {
    if (m_at + digits > m_text.size()) {
      return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
      const char c = m_text[m_at + i];
      if (c < '0' || c > '9') {
        return std::nullopt;
      }
      value = value * 10 + (c - '0');
    }
    m_at += digits;
    return value;
  }

  constexpr auto take(char c) noexcept -> bool {
    if (m_at < m_text.size() && m_text[m_at] == c) {
      ++m_at;
      return true;
    }
    return false;
  }

  /// ".fraction" (any number of digits; only milliseconds are kept), or nothing at all.
  constexpr auto fraction() noexcept -> std::optional<int> {
    if (!take('.') && !take(',')) {
      return 0;
    }
    int millis = 0;
    std::size_t digits = 0;
    while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9') {
      millis = digits < 3 ? millis * 10 + (m_text[m_at] - '0') : millis;
      ++digits;
      ++m_at;
    }
    for (std::size_t d = digits; d < 3; ++d) {
      millis *= 10;
    }
    return digits == 0 ? std::nullopt : std::optional<int>(millis);
  }

  /// "Z", "+hh:mm", "+hhmm", "+hh" (or '-'), or nothing (UTC): minutes east of UTC.
  constexpr auto offset_minutes() noexcept -> std::optional<int> {
    if (m_at == m_text.size() || take('Z') || take('z')) {
      return 0;
    }
    const int sign = take('+') ? 1 : (take('-') ? -1 : 0);
    const auto hours = sign != 0 ? number(2) : std::nullopt;
    if (!hours || *hours > 23) {
      return std::nullopt;
    }
    if (m_at == m_text.size()) {
      return sign * *hours * 60;
    }
    (void)take(':');
    const auto minutes = number(2);
    if (!minutes || *minutes > 59) {
      return std::nullopt;
    }
    return sign * (*hours * 60 + *minutes);
  }

  [[nodiscard]] constexpr auto done() const noexcept -> bool {
    return m_at == m_text.size();
  }

 private:
  std::string_view m_text;
  std::size_t m_at = 0;
};

constexpr auto month_of(int m) noexcept -> std::chrono::month {
  return std::chrono::month(static_cast<unsigned>(m));
}
constexpr auto day_of(int d) noexcept -> std::chrono::day {
  return std::chrono::day(static_cast<unsigned>(d));
}

}  // namespace detail

/// Parses "YYYY-MM-DDThh:mm[:ss[.fff…]]" with 'T', 't' or a space between date and time, then
/// "Z", "±hh:mm", "±hhmm", "±hh" or nothing (UTC). Nothing when the text is not such a moment
/// (a date that does not exist, "tomorrow").
[[nodiscard]] constexpr auto parse_timestamp(std::string_view text) noexcept
    -> std::optional<timestamp> {
  using namespace std::chrono;
  detail::timestamp_reader in(text);
  // Each field in turn; -1 marks one that is missing or malformed (plain ints: GCC 12 warns
  // falsely about optionals read after a short-circuit here).
  const auto field = [&in](char before, std::size_t digits, int fallback = -1) {
    if (before != 0 && !in.take(before)) {
      return fallback;
    }
    return in.number(digits).value_or(-1);
  };
  const int year = field(0, 4);
  const int month = field('-', 2);
  const int day = field('-', 2);
  if (year < 0 || month < 0 || day < 0 || !(in.take('T') || in.take('t') || in.take(' '))) {
    return std::nullopt;
  }
  const int hour = field(0, 2);
  const int minute = field(':', 2);
  const int second = field(':', 2, 0);
  const int millis = in.fraction().value_or(-1);
  const int offset = in.offset_minutes().value_or(24 * 60);
  const year_month_day date{std::chrono::year(year), detail::month_of(month), detail::day_of(day)};
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 ||
      millis < 0 || offset == 24 * 60 || !in.done() || !date.ok()) {
    return std::nullopt;
  }
  return sys_days(date) + hours(hour) + minutes(minute - offset) + seconds(second) +
         milliseconds(millis);
}

/// "YYYY-MM-DDThh:mm:ss.SSSZ", as Sinch writes every timestamp it returns.
[[nodiscard]] inline auto format_timestamp(timestamp t) -> std::string {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day date(day);
  const hh_mm_ss<milliseconds> time(t - day);
  char text[32];
  const auto n = std::snprintf(
      text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
      static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
      static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
  return {text, static_cast<std::size_t>(n)};
}

/// Now, to the millisecond.
[[nodiscard]] inline auto now() -> timestamp {
  return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

/// `text` as Sinch returns it (UTC, milliseconds), or nothing when it is not a timestamp.
[[nodiscard]] inline auto normalize_timestamp(std::string_view text) -> std::optional<std::string> {
  const auto t = parse_timestamp(text);
  return t ? std::optional<std::string>(format_timestamp(*t)) : std::nullopt;
}

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_TIMESTAMP_HPP

#ifndef SEPTET_MESSAGE_TEMPLATE_HPP
#define SEPTET_MESSAGE_TEMPLATE_HPP

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <septet/analysis.hpp>
#include <septet/counter.hpp>
#include <septet/error.hpp>
#include <septet/msisdn.hpp>
#include <septet/unicode.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// Sinch message parameterisation: `${key}` placeholders in a body, filled per recipient from
/// values keyed by MSISDN, with an optional `default`. Values are inserted verbatim and never
/// expanded again: a value holding "${x}" or "$" sends exactly that.
namespace septet::inline v0 {

/// The limits of Sinch's older SMS guide: keys of at most 16 characters from [A-Za-z0-9._-],
/// values of at most 160 characters (counted, like the body cap, in UTF-16 code units).
inline constexpr std::size_t max_key_length = 16;
inline constexpr std::size_t max_value_length = 160;

/// How strictly placeholders and values are read.
enum class placeholder_rules : std::uint8_t {
  /// The older guide's limits: a key over 16 characters, a value over 160 and a "${" that does
  /// not open a well-formed placeholder are errors (and template literals do not compile).
  strict,
  /// What Sinch's current documents (the seeds) allow: keys and values of any length, and a "${"
  /// that does not open `${key}` is literal text. Sinch's adapter reads requests this way and
  /// reports what `strict` would refuse as warnings, since Sinch may accept it.
  lenient,
};
/// The recipient column Sinch uses for the fallback value.
inline constexpr std::string_view default_recipient = "default";

[[nodiscard]] constexpr auto is_key_character(char c) noexcept -> bool {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

/// Checks a parameter key: ok with its length, or invalid_placeholder / key_too_long (strict
/// only) at the offending offset.
[[nodiscard]] constexpr auto check_key(std::string_view key,
                                       placeholder_rules rules = placeholder_rules::strict) noexcept
    -> result {
  if (key.empty()) {
    return {errc::invalid_placeholder, 0};
  }
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (!is_key_character(key[i])) {
      return {errc::invalid_placeholder, i};
    }
    if (i == max_key_length && rules == placeholder_rules::strict) {
      return {errc::key_too_long, i};
    }
  }
  return {errc::ok, key.size()};
}

/// Walks a template: `on_text(piece)` for literal text and `on_key(key, offset)` for each
/// placeholder, in order. Returns ok with the number of placeholders, or (strict) the first
/// syntax error: unterminated_placeholder (at the "${"), invalid_placeholder or key_too_long (at
/// the offending character). A '$' not followed by '{' is literal text, and so, under lenient
/// rules, is a "${" that does not open a well-formed placeholder.
template <class OnText, class OnKey>
constexpr auto scan_template(std::string_view body,
                             OnText&& on_text,
                             OnKey&& on_key,
                             placeholder_rules rules = placeholder_rules::strict) -> result {
  std::size_t count = 0;
  std::size_t pos = 0;
  std::size_t text_from = 0;  // where the literal text not yet given to on_text starts
  while (pos < body.size()) {
    const std::size_t open = body.find("${", pos);
    if (open == std::string_view::npos) {
      break;
    }
    const std::size_t close = body.find('}', open + 2);
    const std::string_view key = close == std::string_view::npos
                                     ? std::string_view()
                                     : body.substr(open + 2, close - open - 2);
    const result checked = close == std::string_view::npos
                               ? result{errc::unterminated_placeholder, 0}
                               : check_key(key, rules);
    if (!checked.ok() && rules == placeholder_rules::lenient) {
      pos = open + 2;  // literal "${"; the scan goes on after it
      continue;
    }
    if (checked.ec == errc::unterminated_placeholder) {
      return {checked.ec, open};
    }
    if (!checked.ok()) {
      return {checked.ec, key.empty() ? open : open + 2 + checked.count};
    }
    if (open > text_from) {
      on_text(body.substr(text_from, open - text_from));
    }
    on_key(key, open);
    ++count;
    pos = text_from = close + 1;
  }
  if (text_from < body.size()) {
    on_text(body.substr(text_from));
  }
  return {errc::ok, count};
}

/// Checks a template: valid UTF-8 (else the encoding error and its offset), then its
/// placeholders (see scan_template).
[[nodiscard]] constexpr auto check_template(std::string_view body,
                                            placeholder_rules rules = placeholder_rules::strict)
    -> result {
  const result valid = validate(body);
  if (!valid.ok()) {
    return valid;
  }
  return scan_template(
      body, [](std::string_view) {}, [](std::string_view, std::size_t) {}, rules);
}

namespace detail {
// Not constexpr: a consteval constructor that reaches it does not compile, and the compiler's
// message names this function. Spell the placeholder as ${key} with 1-16 of [A-Za-z0-9._-].
inline void malformed_placeholder_in_template_literal() {}
}  // namespace detail

/// A checked template. From a string literal the check runs at compile time (a malformed
/// placeholder does not compile, as with fmt's format strings); from a run-time string use
/// message_template::parse, strict or lenient. Holds a view: the body must outlive it.
class message_template {
 public:
  template <std::size_t N>
  consteval message_template(const char (&literal)[N])  // NOLINT(google-explicit-constructor)
      : m_body(literal, N - 1) {
    const result checked = check_template(m_body);
    if (!checked.ok()) {
      detail::malformed_placeholder_in_template_literal();
    }
    m_placeholders = checked.count;
  }

  [[nodiscard]] static constexpr auto parse(std::string_view body,
                                            placeholder_rules rules = placeholder_rules::strict)
      -> outcome<message_template> {
    const result checked = check_template(body, rules);
    if (!checked.ok()) {
      return checked;
    }
    message_template parsed;
    parsed.m_body = body;
    parsed.m_placeholders = checked.count;
    parsed.m_rules = rules;
    return {parsed, checked};
  }

  /// A temporary std::string would leave the template viewing freed memory: not allowed.
  template <class String>
  requires std::same_as<String, std::string>
  static auto parse(String&& body, placeholder_rules rules = placeholder_rules::strict)
      -> outcome<message_template> = delete;

  [[nodiscard]] constexpr auto body() const noexcept -> std::string_view {
    return m_body;
  }
  [[nodiscard]] constexpr auto placeholders() const noexcept -> std::size_t {
    return m_placeholders;
  }

  /// Calls on_text / on_key over the (valid) body, as scan_template does.
  template <class OnText, class OnKey>
  constexpr void for_each_piece(OnText&& on_text, OnKey&& on_key) const {
    (void)scan_template(m_body, on_text, on_key, m_rules);
  }

 private:
  constexpr message_template() = default;
  friend class outcome<message_template>;

  std::string_view m_body;
  std::size_t m_placeholders = 0;
  placeholder_rules m_rules = placeholder_rules::strict;
};

/// Where values come from: `value_for(key, recipient)` gives the recipient's value, else the
/// default, else nothing.
template <class P>
concept parameter_source = requires(const P& p, std::string_view key, const msisdn& recipient) {
  { p.value_for(key, recipient) } -> std::convertible_to<std::optional<std::string_view>>;
};

/// No parameters at all (a template without placeholders).
struct no_parameters {
  [[nodiscard]] constexpr auto value_for(std::string_view, const msisdn&) const noexcept
      -> std::optional<std::string_view> {
    return std::nullopt;
  }
};

/// Sinch's `parameters` object in memory: key -> {MSISDN or "default" -> value}. MSISDN columns
/// are normalised, so "+46 70-123 45 67", "0046701234567" and "46701234567" are one recipient.
class parameter_table {
 public:
  parameter_table() = default;
  /// Under lenient rules keys and values have no length limit, and a key that no placeholder can
  /// name is kept (it names nothing).
  explicit parameter_table(placeholder_rules rules) : m_rules(rules) {}

  /// Sets one value. Errors: invalid_placeholder / key_too_long (strict; offset in the key),
  /// invalid_msisdn (offset in the recipient), value_too_long (strict; offset: the first UTF-16
  /// unit past 160), or the value's encoding error.
  [[nodiscard]] auto set(std::string_view key, std::string_view recipient, std::string_view value)
      -> result {
    const result key_ok = m_rules == placeholder_rules::strict ? check_key(key) : validate(key);
    if (!key_ok.ok()) {
      return key_ok;
    }
    const result value_ok = check_value(value, m_rules);
    if (!value_ok.ok()) {
      return value_ok;
    }
    auto& column = m_values[std::string(key)];
    if (recipient == default_recipient) {
      column.fallback = std::string(value);
      return {errc::ok, 0};
    }
    const auto number = msisdn::parse(recipient);
    if (!number.ok()) {
      return number.error();
    }
    column.by_recipient[std::string(number->digits())] = std::string(value);
    return {errc::ok, 0};
  }

  [[nodiscard]] auto value_for(std::string_view key, const msisdn& recipient) const
      -> std::optional<std::string_view> {
    const auto column = m_values.find(key);
    if (column == m_values.end()) {
      return std::nullopt;
    }
    const auto value = column->second.by_recipient.find(recipient.digits());
    if (value != column->second.by_recipient.end()) {
      return value->second;
    }
    if (column->second.fallback) {
      return *column->second.fallback;
    }
    return std::nullopt;
  }

  /// Calls `visit(value)` for every value of `key`: per recipient, then the default.
  template <class Visit>
  void for_each_value(std::string_view key, Visit&& visit) const {
    const auto column = m_values.find(key);
    if (column == m_values.end()) {
      return;
    }
    for (const auto& [recipient, value] : column->second.by_recipient) {
      visit(std::string_view(value));
    }
    if (column->second.fallback) {
      visit(std::string_view(*column->second.fallback));
    }
  }

  [[nodiscard]] auto has_default(std::string_view key) const -> bool {
    const auto column = m_values.find(key);
    return column != m_values.end() && column->second.fallback.has_value();
  }

  /// Every recipient that has a value in some column, each once, in order.
  [[nodiscard]] auto recipients() const -> std::vector<std::string> {
    std::vector<std::string> all;
    for (const auto& [key, column] : m_values) {
      for (const auto& [recipient, value] : column.by_recipient) {
        all.push_back(recipient);
      }
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
  }

  /// Checks a value for valid UTF-8 and (strict) against the 160-character limit (UTF-16 units):
  /// ok with its length in UTF-16 units.
  [[nodiscard]] static constexpr auto check_value(
      std::string_view value, placeholder_rules rules = placeholder_rules::strict) -> result {
    std::size_t units = 0;
    std::size_t over = value.size();
    const result valid = for_each_code_point(value, [&](char32_t cp, std::size_t offset) {
      units += utf16_length(cp);
      if (units > max_value_length && over == value.size()) {
        over = offset;
      }
    });
    if (!valid.ok()) {
      return valid;
    }
    if (over != value.size() && rules == placeholder_rules::strict) {
      return {errc::value_too_long, over};
    }
    return {errc::ok, units};
  }

 private:
  struct column {
    std::optional<std::string> fallback;
    std::map<std::string, std::string, std::less<>> by_recipient;
  };
  std::map<std::string, column, std::less<>> m_values;
  placeholder_rules m_rules = placeholder_rules::strict;
};

/// Renders `tmpl` for `recipient` into `out`. Returns ok with the bytes written;
/// unmatched_parameter at the offset of the placeholder that has no value and no default (Sinch
/// fails that recipient alone, code 405); or output_too_small with the bytes needed.
template <parameter_source Parameters>
[[nodiscard]] constexpr auto render(const message_template& tmpl,
                                    const Parameters& params,
                                    const msisdn& recipient,
                                    std::span<char> out) -> result {
  std::size_t needed = 0;
  result status{errc::ok, 0};
  const auto put = [&](std::string_view piece) {
    for (std::size_t i = 0; i < piece.size() && needed + i < out.size(); ++i) {
      out[needed + i] = piece[i];
    }
    needed += piece.size();
  };
  tmpl.for_each_piece(put, [&](std::string_view key, std::size_t offset) {
    const std::optional<std::string_view> value = params.value_for(key, recipient);
    if (!value) {
      if (status.ok()) {
        status = {errc::unmatched_parameter, offset};
      }
      return;
    }
    put(*value);
  });
  if (!status.ok()) {
    return status;
  }
  if (needed > out.size()) {
    return {errc::output_too_small, needed};
  }
  return {errc::ok, needed};
}

/// Owning form of render (may throw std::bad_alloc).
template <parameter_source Parameters>
[[nodiscard]] auto render(const message_template& tmpl,
                          const Parameters& params,
                          const msisdn& recipient) -> outcome<std::string> {
  return detail::fill_owning<std::string>(
      [&](std::span<char> out) { return render(tmpl, params, recipient, out); });
}

/// The analysis of `tmpl` rendered for `recipient`, without building the text: the pieces are
/// fed to a counter. An unmatched parameter is the status, at the placeholder's offset in the
/// template.
template <parameter_source Parameters>
[[nodiscard]] constexpr auto analyze_rendered(const message_template& tmpl,
                                              const Parameters& params,
                                              const msisdn& recipient,
                                              const options& opts = {}) -> analysis {
  counter live(opts);
  std::optional<std::size_t> unmatched;
  tmpl.for_each_piece([&](std::string_view piece) { (void)live.append(piece); },
                      [&](std::string_view key, std::size_t offset) {
                        const auto value = params.value_for(key, recipient);
                        if (!value) {
                          unmatched = unmatched ? unmatched : offset;
                          return;
                        }
                        (void)live.append(*value);
                      });
  analysis a = live.analysis();
  if (unmatched && a.ok()) {
    a.status = {errc::unmatched_parameter, *unmatched};
  }
  return a;
}

}  // namespace septet::inline v0

#endif  // SEPTET_MESSAGE_TEMPLATE_HPP

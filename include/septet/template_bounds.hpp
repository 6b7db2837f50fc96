#ifndef SEPTET_TEMPLATE_BOUNDS_HPP
#define SEPTET_TEMPLATE_BOUNDS_HPP

#include <algorithm>
#include <cstddef>
#include <limits>
#include <septet/analysis.hpp>
#include <septet/message_template.hpp>
#include <string>
#include <vector>

/// What a parameterised template can cost before you know the recipients: the fewest and most
/// parts any recipient's message can take, and whether any (or every) message is UCS-2.
namespace septet::inline v0 {

struct template_bounds {
  result status;              ///< ok, or a value's encoding error
  std::size_t min_parts = 0;  ///< over recipients that get a message
  std::size_t max_parts = 0;
  bool any_ucs2 = false;       ///< some recipient's message is UCS-2
  bool all_ucs2 = false;       ///< every recipient's message is UCS-2
  bool any_unmatched = false;  ///< some recipient would fail: a key without value and default
  /// True when every recipient class was rendered (each listed MSISDN, and an unlisted one that
  /// gets the defaults); false when the figures come from per-key value ranges, which bound
  /// them safely but may be loose.
  bool exact = false;
};

namespace detail {

struct unit_range {
  std::size_t low = std::numeric_limits<std::size_t>::max();
  std::size_t high = 0;
  void add(std::size_t units) {
    low = std::min(low, units);
    high = std::max(high, units);
  }
  [[nodiscard]] auto empty() const -> bool {
    return low > high;
  }
};

/// Parts for `units` of one encoding: the fewest (full parts) and the most (each part one unit
/// short, where an escape or surrogate pair did not fit).
[[nodiscard]] constexpr auto fewest_parts(std::size_t units, const capacity& c) -> std::size_t {
  return units <= c.single_part ? 1 : (units + c.per_part - 1) / c.per_part;
}
[[nodiscard]] constexpr auto most_parts(std::size_t units,
                                        const capacity& c,
                                        boundary_policy boundary) -> std::size_t {
  if (units <= c.single_part) {
    return 1;
  }
  // Grapheme boundaries can leave a part far from full (a cluster moved whole); a part always
  // holds at least one unit.
  return boundary == boundary_policy::grapheme ? units
                                               : (units + c.per_part - 2) / (c.per_part - 1);
}

}  // namespace detail

/// Bounds for `tmpl` over every recipient `params` can describe. From per-key value ranges when
/// they settle the answer (no rendering); otherwise by rendering each recipient class when the
/// table lists at most `render_limit` recipients (exact); otherwise the safe, possibly loose,
/// range (exact = false).
[[nodiscard]] inline auto bounds(const message_template& tmpl,
                                 const parameter_table& params,
                                 const options& opts = {},
                                 std::size_t render_limit = 10000) -> template_bounds {
  template_bounds out;
  options counting = opts;
  counting.max_characters = 0;
  counting.max_parts = 0;
  // Static text, and per placeholder the range of septets (GSM values) and UTF-16 units.
  std::size_t static_septets = 0;
  std::size_t static_units = 0;
  bool static_gsm = true;
  bool gsm_possible = true;
  bool ucs2_possible = false;
  detail::unit_range septets{0, 0};
  detail::unit_range units{0, 0};
  tmpl.for_each_piece(
      [&](std::string_view piece) {
        const auto a = analyze(piece, counting);
        static_gsm = static_gsm && a.encoding == encoding::gsm7;
        static_septets += a.encoding == encoding::gsm7 ? a.units : 0;
        static_units += a.utf16_units;
      },
      [&](std::string_view key, std::size_t) {
        detail::unit_range key_septets;
        detail::unit_range key_units;
        bool any_value = false;
        params.for_each_value(key, [&](std::string_view value) {
          any_value = true;
          const auto a = analyze(value, counting);
          if (!a.ok() && out.status.ok()) {
            out.status = a.status;
          }
          key_units.add(a.utf16_units);
          if (a.encoding == encoding::gsm7) {
            key_septets.add(a.units);
          } else {
            ucs2_possible = true;
          }
        });
        out.any_unmatched = out.any_unmatched || !params.has_default(key) || !any_value;
        if (!any_value) {
          return;
        }
        gsm_possible = gsm_possible && !key_septets.empty();
        if (!key_septets.empty()) {
          septets.low += key_septets.low;
          septets.high += key_septets.high;
        }
        units.low += key_units.low;
        units.high += key_units.high;
      });
  if (!out.status.ok()) {
    return out;
  }
  gsm_possible = gsm_possible && static_gsm;
  ucs2_possible = ucs2_possible || !static_gsm;
  const capacity gsm = capacity_for(encoding::gsm7, opts);
  const capacity ucs2 = capacity_for(encoding::ucs2, opts);
  out.min_parts = std::numeric_limits<std::size_t>::max();
  if (gsm_possible) {
    out.min_parts = detail::fewest_parts(static_septets + septets.low, gsm);
    out.max_parts = detail::most_parts(static_septets + septets.high, gsm, opts.boundary);
  }
  if (ucs2_possible) {
    out.min_parts = std::min(out.min_parts, detail::fewest_parts(static_units + units.low, ucs2));
    out.max_parts =
        std::max(out.max_parts, detail::most_parts(static_units + units.high, ucs2, opts.boundary));
  }
  out.any_ucs2 = ucs2_possible;
  out.all_ucs2 = !gsm_possible;
  // The ranges settle the answer when every message has one part count and the encoding does
  // not depend on the recipient.
  const bool settled = out.min_parts == out.max_parts &&
                       opts.boundary == boundary_policy::code_point &&
                       (!ucs2_possible || !static_gsm);
  if (settled) {
    out.exact = true;
    return out;
  }
  const auto listed = params.recipients();
  if (listed.size() > render_limit) {
    return out;
  }
  // Render every class: each listed recipient, and one unlisted recipient (defaults only).
  template_bounds exact;
  exact.exact = true;
  exact.min_parts = std::numeric_limits<std::size_t>::max();
  bool any_message = false;
  bool all_ucs2 = true;
  const auto count = [&](const msisdn& recipient) {
    const auto a = analyze_rendered(tmpl, params, recipient, counting);
    if (!a.ok()) {
      exact.any_unmatched = true;
      return;
    }
    any_message = true;
    exact.min_parts = std::min(exact.min_parts, a.parts);
    exact.max_parts = std::max(exact.max_parts, a.parts);
    exact.any_ucs2 = exact.any_ucs2 || a.encoding == encoding::ucs2;
    all_ucs2 = all_ucs2 && a.encoding == encoding::ucs2;
  };
  for (const auto& digits : listed) {
    count(parse_msisdn(digits).value());
  }
  count(msisdn{});  // matches no listed recipient: the defaults
  exact.all_ucs2 = any_message && all_ucs2;
  if (!any_message) {
    exact.min_parts = 0;
  }
  return exact;
}

}  // namespace septet::inline v0

#endif  // SEPTET_TEMPLATE_BOUNDS_HPP

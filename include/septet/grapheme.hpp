#ifndef SEPTET_GRAPHEME_HPP
#define SEPTET_GRAPHEME_HPP

#include <algorithm>
#include <septet/detail/grapheme_tables.hpp>

/// Extended grapheme cluster boundaries (UAX #29, rules GB3-GB13 of the Unicode version the tables
/// were generated from), fed one code point at a time so it works on streams.
namespace septet::inline v0 {

using grapheme_property = detail::tables::grapheme_property;

/// The Grapheme_Cluster_Break value of `cp` (Extended_Pictographic reported as its own value).
[[nodiscard]] constexpr auto grapheme_property_of(char32_t cp) noexcept -> grapheme_property {
  using enum detail::tables::grapheme_property;  // the enum itself: clang 14 rejects an alias here
  if (cp < 0x80) {
    if (cp == U'\r') {
      return cr;
    }
    if (cp == U'\n') {
      return lf;
    }
    return (cp < 0x20 || cp == 0x7F) ? control : other;
  }
  const auto& ranges = detail::tables::grapheme_ranges;
  const auto* it = std::upper_bound(
      ranges.begin(), ranges.end(), cp,
      [](char32_t value, const detail::tables::grapheme_range& r) { return value < r.first; });
  if (it == ranges.begin()) {
    return other;
  }
  --it;
  return cp <= it->last ? it->property : other;
}

/// Streaming grapheme-cluster break detector: `push(cp)` says whether a cluster boundary lies
/// before `cp`. The first code point of a text always starts a cluster.
class grapheme_breaker {
 public:
  constexpr auto push(char32_t cp) noexcept -> bool {
    const grapheme_property current = grapheme_property_of(cp);
    const bool boundary = m_started ? breaks_between(current) : true;
    const bool previous_was_pictographic_run = m_pictographic_run;
    m_pictographic_run = current == grapheme_property::extended_pictographic ||
                         (m_pictographic_run && current == grapheme_property::extend);
    m_zwj_after_pictographic = current == grapheme_property::zwj && previous_was_pictographic_run;
    m_odd_regional_indicators =
        current == grapheme_property::regional_indicator && !m_odd_regional_indicators;
    m_previous = current;
    m_started = true;
    return boundary;
  }

 private:
  [[nodiscard]] constexpr auto breaks_between(grapheme_property current) const noexcept -> bool {
    using enum detail::tables::grapheme_property;
    const grapheme_property prev = m_previous;
    if (prev == cr && current == lf) {
      return false;  // GB3
    }
    if (prev == cr || prev == lf || prev == control) {
      return true;  // GB4
    }
    if (current == cr || current == lf || current == control) {
      return true;  // GB5
    }
    if (prev == l && (current == l || current == v || current == lv || current == lvt)) {
      return false;  // GB6
    }
    if ((prev == lv || prev == v) && (current == v || current == t)) {
      return false;  // GB7
    }
    if ((prev == lvt || prev == t) && current == t) {
      return false;  // GB8
    }
    if (current == extend || current == zwj || current == spacing_mark) {
      return false;  // GB9, GB9a
    }
    if (prev == prepend) {
      return false;  // GB9b
    }
    if (prev == zwj && m_zwj_after_pictographic && current == extended_pictographic) {
      return false;  // GB11
    }
    if (prev == regional_indicator && current == regional_indicator && m_odd_regional_indicators) {
      return false;  // GB12, GB13
    }
    return true;  // GB999
  }

  grapheme_property m_previous = grapheme_property::other;
  bool m_started = false;
  bool m_pictographic_run = false;         // ExtPict Extend* ends at the previous code point
  bool m_zwj_after_pictographic = false;   // previous is a ZWJ that ends ExtPict Extend* ZWJ
  bool m_odd_regional_indicators = false;  // odd count of RIs in the run ending at previous
};

}  // namespace septet::inline v0

#endif  // SEPTET_GRAPHEME_HPP

#ifndef SEPTET_NATIONAL_CHOICE_HPP
#define SEPTET_NATIONAL_CHOICE_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <septet/analysis.hpp>
#include <septet/national.hpp>
#include <septet/options.hpp>
#include <span>
#include <utility>

/// Picks the national language tables that send a text in the fewest parts, among the languages
/// a caller allows. Carriers assume the default alphabet unless the UDH says otherwise, and not
/// every handset reads the shift IEs, so nothing is picked unless asked.
namespace septet::inline v0 {

struct national_choice {
  national_tables tables;  ///< what to put in options::national
  analysis result;         ///< the text's analysis under those tables
};

namespace detail {

/// Whether `a` sends better than `b`: valid before invalid, fewer parts, then more room left in
/// the last part (comparable only within one encoding).
[[nodiscard]] constexpr auto sends_better(const analysis& a, const analysis& b) noexcept -> bool {
  if (a.ok() != b.ok()) {
    return a.ok();
  }
  if (a.parts != b.parts) {
    return a.parts < b.parts;
  }
  if (a.encoding != b.encoding) {
    return a.encoding == encoding::gsm7;
  }
  return a.units_remaining > b.units_remaining;
}

/// The tables that hold a character, one bit per language (bit 0: the default alphabet, or the
/// default extension table): in a locking-shift table it costs 1 septet, in a single-shift table
/// 2 (an escape and a septet).
struct table_membership {
  std::uint16_t locking = 0;
  std::uint16_t single_shift = 0;

  friend constexpr auto operator==(const table_membership&, const table_membership&) noexcept
      -> bool = default;
};

[[nodiscard]] constexpr auto language_bit(national_language l) noexcept -> std::uint16_t {
  return static_cast<std::uint16_t>(1U << index_of(l));
}

[[nodiscard]] constexpr auto membership_of(char32_t cp) noexcept -> table_membership {
  unsigned locking = 0;
  unsigned single_shift = 0;
  if (const auto c = gsm7::lookup(cp)) {
    (c->extension ? single_shift : locking) |= 1U;
  }
  for (std::size_t i = 1; i < national_language_count; ++i) {
    locking |= locking_reverse[i].find(cp) ? 1U << i : 0U;
    single_shift |= single_shift_reverse[i].find(cp) ? 1U << i : 0U;
  }
  return {static_cast<std::uint16_t>(locking), static_cast<std::uint16_t>(single_shift)};
}

inline constexpr auto ascii_membership = [] {
  std::array<table_membership, 128> out{};
  for (std::size_t cp = 0; cp < out.size(); ++cp) {
    out[cp] = membership_of(static_cast<char32_t>(cp));
  }
  return out;
}();

/// What a text costs under a pair of tables: its septets, and which combinations of tables
/// (membership_counts' kinds, one bit each) are escaped. Two pairs with the same escaped kinds
/// and the same number of tables give the same analysis: every character costs the same.
struct pair_price {
  std::size_t septets = 0;
  std::uint64_t escaped_kinds = 0;
  bool exact = true;  ///< false when the counts gave up: septets 0, nothing known
};

/// How many characters of a text fall in each combination of tables. A text has few
/// combinations, so every pair of tables is priced from these counts instead of re-reading the
/// text; past `capacity` combinations the counts give up and every pair is analysed.
class membership_counts {
 public:
  constexpr void add(char32_t cp) noexcept {
    if (cp < ascii_membership.size()) {
      add(ascii_membership[cp]);
      return;
    }
    auto& cached = cache_[cp % cache_.size()];
    if (cached.first != cp) {
      cached = {cp, membership_of(cp)};
    }
    add(cached.second);
  }

  [[nodiscard]] constexpr auto overflowed() const noexcept -> bool {
    return overflowed_;
  }

  /// What the text costs under `tables`, or nothing when a character is in neither table.
  [[nodiscard]] constexpr auto price(national_tables tables) const noexcept
      -> std::optional<pair_price> {
    if (overflowed_) {
      return pair_price{0, 0, false};
    }
    const auto locking = language_bit(tables.locking);
    const auto single_shift = language_bit(tables.single_shift);
    pair_price out;
    for (std::size_t i = 0; i < size_; ++i) {
      if ((kinds_[i].locking & locking) != 0) {
        out.septets += counts_[i];
      } else if ((kinds_[i].single_shift & single_shift) != 0) {
        out.septets += 2 * counts_[i];
        out.escaped_kinds |= std::uint64_t{1} << i;
      } else {
        return std::nullopt;
      }
    }
    return out;
  }

 private:
  static constexpr std::size_t capacity = 64;

  constexpr void add(table_membership m) noexcept {
    for (std::size_t i = 0; i < size_; ++i) {
      if (kinds_[i] == m) {
        ++counts_[i];
        return;
      }
    }
    if (size_ == capacity) {
      overflowed_ = true;
      return;
    }
    kinds_[size_] = m;
    counts_[size_++] = 1;
  }

  std::array<table_membership, capacity> kinds_{};
  std::array<std::size_t, capacity> counts_{};
  std::size_t size_ = 0;
  bool overflowed_ = false;
  std::array<std::pair<char32_t, table_membership>, 64> cache_{};
};

/// A pair of tables to try, in the order that breaks ties: fewer tables first (a smaller UDH),
/// then the locking language's number, then the single-shift language's.
[[nodiscard]] constexpr auto tie_rank(national_tables t) noexcept -> std::size_t {
  return (t.udh_octets() * national_language_count + index_of(t.locking)) *
             national_language_count +
         index_of(t.single_shift);
}

/// Every pair of an allowed locking-shift table (or the default alphabet) with an allowed
/// single-shift table (or the default extension table); `size` of them are used.
struct table_pairs {
  std::array<national_tables, national_language_count * national_language_count> pairs{};
  std::size_t size = 0;
};

[[nodiscard]] constexpr auto pairs_of(std::span<const national_language> allowed) noexcept
    -> table_pairs {
  std::array<bool, national_language_count> locking{};
  std::array<bool, national_language_count> single_shift{};
  locking[0] = single_shift[0] = true;
  for (const auto language : allowed) {
    locking[index_of(language)] |= has_locking_table(language);
    single_shift[index_of(language)] |= has_single_shift_table(language);
  }
  table_pairs out;
  for (std::size_t l = 0; l < national_language_count; ++l) {
    for (std::size_t s = 0; s < national_language_count; ++s) {
      if (locking[l] && single_shift[s]) {
        out.pairs[out.size++] = {static_cast<national_language>(l),
                                 static_cast<national_language>(s)};
      }
    }
  }
  return out;
}

/// The prices of the pairs analysed so far, to skip a pair that cannot send better than them.
class priced_pairs {
 public:
  /// Whether `tables` could still win: false when a character is in neither table (the text
  /// stays UCS-2, never better than without tables), when its septets need more parts than
  /// `best` has (no part holds more than 160 septets, whatever the UDH), or when a pair already
  /// analysed costs the same per character with as many tables (the same analysis, and it came
  /// first in the tie order). When the counts gave up, every pair is analysed.
  [[nodiscard]] constexpr auto worth_analysing(national_tables tables,
                                               const std::optional<pair_price>& price,
                                               const analysis& best) noexcept -> bool {
    constexpr std::size_t most_septets_per_part = 160;
    if (!price) {
      return false;
    }
    if (best.ok() &&
        (price->septets + most_septets_per_part - 1) / most_septets_per_part > best.parts) {
      return false;
    }
    if (!price->exact) {
      return true;
    }
    for (std::size_t i = 0; i < size_; ++i) {
      if (seen_[i].first == price->escaped_kinds && seen_[i].second == tables.udh_octets()) {
        return false;
      }
    }
    seen_[size_++] = {price->escaped_kinds, tables.udh_octets()};
    return true;
  }

 private:
  std::array<std::pair<std::uint64_t, std::size_t>,
             national_language_count * national_language_count>
      seen_{};
  std::size_t size_ = 0;
};

}  // namespace detail

/// Picks, among every allowed locking-shift table (or the default alphabet) with every allowed
/// single-shift table (or the default extension table), of any languages, the pair that sends
/// `text` in the fewest parts, then with the most room left in the last part, then with fewer
/// tables (a smaller UDH), then the lower language numbers (locking first). TS 23.040 carries the
/// two tables in separate IEs, each with its own language, as Android's GsmAlphabet does.
/// `opts.national` is ignored. Each pair is priced from per-table character counts; only pairs
/// whose septets could still fit the best part count found are analysed.
template <text Text>
[[nodiscard]] constexpr auto choose_national_tables(const Text& text,
                                                    std::span<const national_language> allowed,
                                                    options opts = {}) -> national_choice {
  opts.national = {};
  national_choice best{{}, analyze(text, opts)};
  // A GSM text without extension characters costs one septet a character, the least any table
  // charges, and national tables only add UDH octets: no pair can beat the default tables.
  if (best.result.ok() && best.result.encoding == encoding::gsm7 &&
      best.result.units == best.result.characters) {
    return best;
  }
  detail::membership_counts counts;
  if (!for_each_code_point(as_view(text), [&](char32_t cp, std::size_t) { counts.add(cp); }).ok()) {
    return best;  // not text: no table makes it one
  }
  detail::priced_pairs analysed;
  const auto pairs = detail::pairs_of(allowed);
  for (std::size_t i = 0; i < pairs.size; ++i) {
    const national_tables tables = pairs.pairs[i];
    const auto price = counts.price(tables);
    if (!tables.any() || !analysed.worth_analysing(tables, price, best.result)) {
      continue;
    }
    opts.national = tables;
    const analysis a = analyze(text, opts);
    if (detail::sends_better(a, best.result) ||
        (!detail::sends_better(best.result, a) &&
         detail::tie_rank(tables) < detail::tie_rank(best.tables))) {
      best = {tables, a};
    }
  }
  return best;
}

}  // namespace septet::inline v0

#endif  // SEPTET_NATIONAL_CHOICE_HPP

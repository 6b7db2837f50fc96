#ifndef SEPTET_NATIONAL_CHOICE_HPP
#define SEPTET_NATIONAL_CHOICE_HPP

#include <septet/analysis.hpp>
#include <septet/national.hpp>
#include <septet/options.hpp>
#include <span>

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

}  // namespace detail

/// Tries the default tables and, for every allowed language, its locking-shift table, its
/// single-shift table and both (other languages' tables are not mixed in), and returns the
/// tables that give the fewest parts, then the most room left; on a tie the fewer tables (the
/// smaller UDH) win. `opts.national` is ignored. Pairs that provably cannot win are not analysed
/// (a GSM text without extension characters; tables lacking the character that forced UCS-2).
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
  // Tables that cannot carry the character that made the text UCS-2 leave it UCS-2, with the
  // parts it has under the default tables: never better, so such pairs are not analysed.
  const bool ucs2 = best.result.encoding == encoding::ucs2 && best.result.first_non_gsm;
  const char32_t forced_ucs2 = ucs2 ? best.result.first_non_gsm->code_point : U'\0';
  const auto consider = [&](national_tables tables) {
    if (ucs2 && gsm7::septets(forced_ucs2, tables) == 0) {
      return;
    }
    opts.national = tables;
    const analysis a = analyze(text, opts);
    if (detail::sends_better(a, best.result)) {
      best = {tables, a};
    }
  };
  for (const auto language : allowed) {
    const bool locking = has_locking_table(language);
    const bool single = has_single_shift_table(language);
    if (single) {
      consider({national_language::none, language});
    }
    if (locking) {
      consider({language, national_language::none});
    }
    if (locking && single) {
      consider({language, language});
    }
  }
  return best;
}

}  // namespace septet::inline v0

#endif  // SEPTET_NATIONAL_CHOICE_HPP

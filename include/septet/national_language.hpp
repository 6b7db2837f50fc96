#ifndef SEPTET_NATIONAL_LANGUAGE_HPP
#define SEPTET_NATIONAL_LANGUAGE_HPP

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

/// The national languages of 3GPP TS 23.038 Annex A by name, number and the tables they have,
/// without the tables themselves (detail/national_tables.hpp), so that options and the UDH can
/// speak of a language without parsing them.
namespace septet::inline v0 {

/// National language identifiers of TS 23.038, as carried in the TS 23.040 user data header (the
/// single-shift and locking-shift IEs of udh.hpp). `none` stands for the default alphabet and its
/// extension table.
enum class national_language : unsigned char {
  none = 0,
  turkish = 1,
  spanish = 2,
  portuguese = 3,
  bengali = 4,
  gujarati = 5,
  hindi = 6,
  kannada = 7,
  malayalam = 8,
  oriya = 9,
  punjabi = 10,
  tamil = 11,
  telugu = 12,
  urdu = 13,
};

namespace detail {

inline constexpr std::size_t national_language_count = 14;  // none and the 13 of Annex A

[[nodiscard]] constexpr auto index_of(national_language l) noexcept -> std::size_t {
  const auto i = static_cast<std::size_t>(l);
  return i < national_language_count ? i : 0;
}

}  // namespace detail

/// Every language of TS 23.038 Annex A, for `choose_national_tables(text, all_national_languages)`.
inline constexpr std::array<national_language, 13> all_national_languages = {
    national_language::turkish, national_language::spanish,   national_language::portuguese,
    national_language::bengali, national_language::gujarati,  national_language::hindi,
    national_language::kannada, national_language::malayalam, national_language::oriya,
    national_language::punjabi, national_language::tamil,     national_language::telugu,
    national_language::urdu};

/// Whether a language has a locking-shift / single-shift table: all 13 of Annex A have a
/// single-shift table, all but Spanish a locking-shift table (A.3 has none for it).
/// detail/national_tables.hpp checks these against its tables.
[[nodiscard]] constexpr auto has_locking_table(national_language l) noexcept -> bool {
  return detail::index_of(l) != 0 && l != national_language::spanish;
}
[[nodiscard]] constexpr auto has_single_shift_table(national_language l) noexcept -> bool {
  return detail::index_of(l) != 0;
}

/// Short names (ISO 639-1), as the CLI and the web page take them.
[[nodiscard]] constexpr auto to_string(national_language l) noexcept -> std::string_view {
  constexpr std::array<std::string_view, detail::national_language_count> names = {
      "none", "tr", "es", "pt", "bn", "gu", "hi", "kn", "ml", "or", "pa", "ta", "te", "ur"};
  return names[detail::index_of(l)];
}

[[nodiscard]] constexpr auto national_language_named(std::string_view name) noexcept
    -> std::optional<national_language> {
  for (std::size_t i = 0; i < detail::national_language_count; ++i) {
    const auto l = static_cast<national_language>(i);
    if (to_string(l) == name) {
      return l;
    }
  }
  return std::nullopt;
}

}  // namespace septet::inline v0

#endif  // SEPTET_NATIONAL_LANGUAGE_HPP

#ifndef SEPTET_TESTS_TEST_TEXT_HPP
#define SEPTET_TESTS_TEST_TEXT_HPP

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <random>
#include <septet/analysis.hpp>
#include <septet/reassembly.hpp>
#include <septet/unicode.hpp>
#include <septet/user_data.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace septet_test {

/// `count` copies of `piece`.
inline auto repeat(std::string_view piece, std::size_t count) -> std::string {
  std::string text;
  text.reserve(piece.size() * count);
  for (std::size_t i = 0; i < count; ++i) {
    text += piece;
  }
  return text;
}

// UTF-8 spellings used across the tests (sources stay ASCII).
inline constexpr std::string_view euro = "\xE2\x82\xAC";          // U+20AC, GSM extension
inline constexpr std::string_view grinning = "\xF0\x9F\x98\x80";  // U+1F600, astral
inline constexpr std::string_view zhe = "\xD0\xB6";               // U+0436, BMP, not GSM
inline constexpr std::string_view infinity = "\xE2\x88\x9E";      // U+221E, BMP, not GSM
inline constexpr std::string_view e_acute = "\xC3\xA9";           // U+00E9, GSM default

/// Up to `max_length` pieces, each picked at random from the first `kinds` of `pieces`.
inline auto random_text(std::mt19937& rng,
                        const std::vector<std::string>& pieces,
                        std::size_t kinds,
                        std::size_t max_length) -> std::string {
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<std::size_t> length(0, max_length);
  std::string text;
  for (std::size_t i = length(rng); i > 0; --i) {
    text += pieces[pick(rng) % kinds];
  }
  return text;
}

/// `cp` in UTF-8.
inline auto utf8_of(char32_t cp) -> std::string {
  std::string out(4, '\0');
  out.resize(septet::put_utf8(cp, out, 0));
  return out;
}

/// `bytes` as upper-case hex digits, two per octet.
inline auto hex(std::span<const std::uint8_t> bytes) -> std::string {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (const std::uint8_t b : bytes) {
    out += digits[b >> 4U];
    out += digits[b & 0xFU];
  }
  return out;
}

/// What a receiver gets for `parts`: user data, data coding, UDHI, and TP-UDL unless
/// `with_udl` is false.
inline auto received(const std::vector<septet::encoded_part>& parts,
                     bool with_udl = true,
                     septet::septet_form form = septet::septet_form::packed)
    -> std::vector<septet::received_part> {
  std::vector<septet::received_part> in;
  for (const auto& p : parts) {
    in.push_back({p.bytes(), p.data_coding, p.udh_size != 0,
                  with_udl ? p.udl : septet::unknown_length, form});
  }
  return in;
}

/// Every figure of two analyses is equal.
inline void expect_same(const septet::analysis& got, const septet::analysis& want) {
  EXPECT_EQ(got.status, want.status);
  EXPECT_EQ(got.encoding, want.encoding);
  EXPECT_EQ(got.characters, want.characters);
  EXPECT_EQ(got.units, want.units);
  EXPECT_EQ(got.parts, want.parts);
  EXPECT_EQ(got.units_remaining, want.units_remaining);
  EXPECT_EQ(got.utf16_units, want.utf16_units);
  EXPECT_EQ(got.non_gsm_count, want.non_gsm_count);
  EXPECT_EQ(got.first_non_gsm, want.first_non_gsm);
  EXPECT_EQ(got.limits, want.limits);
}

}  // namespace septet_test

#endif  // SEPTET_TESTS_TEST_TEXT_HPP

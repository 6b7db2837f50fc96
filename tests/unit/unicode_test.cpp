#include <gtest/gtest.h>

#include <random>
#include <septet/unicode.hpp>
#include <string>
#include <vector>

namespace {

using septet::errc;
using septet::result;

/// The constexpr decoder run at run time, to compare with the utfcpp path of validate().
auto constexpr_path(std::string_view text) -> result {
  std::size_t pos = 0;
  std::size_t count = 0;
  while (pos < text.size()) {
    const auto step = septet::detail::decode_utf8(text.data() + pos, text.data() + text.size());
    if (step.error != errc::ok) {
      return {step.error, pos};
    }
    pos += step.length;
    ++count;
  }
  return {errc::ok, count};
}

struct malformed_case {
  std::string_view bytes;
  errc error;
  std::size_t offset;
};

TEST(unicode_test, malformed_utf8_is_a_typed_error_at_its_offset) {
  const malformed_case cases[] = {
      {"ab\x80", errc::utf8_invalid_lead, 2},
      {"\xBF", errc::utf8_invalid_lead, 0},
      {"a\xF8\x88\x80\x80\x80", errc::utf8_invalid_lead, 1},
      {"a\xFF", errc::utf8_invalid_lead, 1},
      {"\xC3", errc::utf8_truncated, 0},
      {"xy\xE2\x82", errc::utf8_truncated, 2},
      {"\xE2\x82"
       "A",
       errc::utf8_truncated, 0},
      {"\xF0\x9F\x98", errc::utf8_truncated, 0},
      {"ok\xF0\x9F\x98 ", errc::utf8_truncated, 2},
      {"\xC0\x80", errc::utf8_invalid_lead, 0},  // C0/C1 could only start overlong forms
      {"\xC1\xBF", errc::utf8_invalid_lead, 0},
      {"\xC0"
       "A",
       errc::utf8_invalid_lead, 0},
      {"\xF5", errc::utf8_invalid_lead, 0},
      {"\xF7\xBF\xBF\xBF", errc::utf8_invalid_lead, 0},
      {"a\xE0\x80\xAF", errc::utf8_overlong, 1},
      {"a\xE0\x9F", errc::utf8_overlong, 1},  // known at the second byte
      {"\xF0\x80\x80\xAF", errc::utf8_overlong, 0},
      {"\xED\xA0\x80", errc::utf8_surrogate, 0},
      {"z\xED\xBF\xBF", errc::utf8_surrogate, 1},
      {"\xED\xA0", errc::utf8_surrogate, 0},
      {"\xF4\x90\x80\x80", errc::utf8_out_of_range, 0},
      {"\xF4\x90", errc::utf8_out_of_range, 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(std::string(c.bytes)));
    EXPECT_EQ(septet::validate(c.bytes), (result{c.error, c.offset}));
    EXPECT_EQ(constexpr_path(c.bytes), (result{c.error, c.offset}));
  }
}

TEST(unicode_test, valid_utf8_decodes_to_the_right_code_points) {
  using namespace std::literals;
  const std::u8string_view text = u8"A\u00E9\u20AC\U0001F600\U0010FFFF\u0000"sv;
  std::vector<std::pair<char32_t, std::size_t>> seen;
  const auto r = septet::for_each_code_point(
      text, [&](char32_t cp, std::size_t offset) { seen.emplace_back(cp, offset); });
  EXPECT_EQ(r, (result{errc::ok, 6}));
  const std::vector<std::pair<char32_t, std::size_t>> expected = {
      {U'A', 0}, {U'\u00E9', 1}, {U'\u20AC', 3}, {U'\U0001F600', 6}, {U'\U0010FFFF', 10}, {0, 14}};
  EXPECT_EQ(seen, expected);
}

TEST(unicode_test, run_time_and_constexpr_decoders_agree_on_every_short_sequence) {
  // Every 1- and 2-byte string, and every 3-byte string with a lead of 0xE0 or more.
  std::string text;
  for (unsigned a = 0; a < 256; ++a) {
    text.assign(1, static_cast<char>(a));
    ASSERT_EQ(septet::validate(std::string_view(text)), constexpr_path(text)) << a;
    for (unsigned b = 0; b < 256; ++b) {
      text.assign({static_cast<char>(a), static_cast<char>(b)});
      ASSERT_EQ(septet::validate(std::string_view(text)), constexpr_path(text)) << a << ' ' << b;
    }
  }
  for (unsigned a = 0xE0; a < 256; ++a) {
    for (unsigned b = 0; b < 256; ++b) {
      for (unsigned c = 0; c < 256; ++c) {
        text.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        ASSERT_EQ(septet::validate(std::string_view(text)), constexpr_path(text))
            << a << ' ' << b << ' ' << c;
      }
    }
  }
}

TEST(unicode_test, run_time_and_constexpr_decoders_agree_on_random_text) {
  std::mt19937 rng(20261123);
  // Bytes biased towards UTF-8 structure so that many strings are long and valid.
  constexpr unsigned char alphabet[] = {'a',  ' ',  0x80, 0x9F, 0xBF, 0xC2, 0xC0, 0xDF, 0xE0, 0xE2,
                                        0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x8F, 0x90};
  std::uniform_int_distribution<std::size_t> pick(0, sizeof alphabet - 1);
  std::uniform_int_distribution<std::size_t> length(0, 12);
  std::string text;
  for (int i = 0; i < 200000; ++i) {
    text.clear();
    const std::size_t n = length(rng);
    for (std::size_t j = 0; j < n; ++j) {
      text.push_back(static_cast<char>(alphabet[pick(rng)]));
    }
    ASSERT_EQ(septet::validate(std::string_view(text)), constexpr_path(text));
  }
}

TEST(unicode_test, utf16_input) {
  EXPECT_EQ(septet::validate(std::u16string_view(u"a\U0001F600b")), (result{errc::ok, 3}));
  const char16_t lone_high[] = {u'a', 0xD83D, u'b'};
  EXPECT_EQ(septet::validate(std::u16string_view(lone_high, 3)),
            (result{errc::utf16_unpaired_surrogate, 1}));
  const char16_t lone_low[] = {u'a', u'b', 0xDE00};
  EXPECT_EQ(septet::validate(std::u16string_view(lone_low, 3)),
            (result{errc::utf16_unpaired_surrogate, 2}));
  const char16_t high_at_end[] = {0xD83D};
  EXPECT_EQ(septet::validate(std::u16string_view(high_at_end, 1)),
            (result{errc::utf16_unpaired_surrogate, 0}));
}

TEST(unicode_test, utf32_input) {
  EXPECT_EQ(septet::validate(std::u32string_view(U"a\U0001F600")), (result{errc::ok, 2}));
  const char32_t surrogate[] = {U'a', 0xD800};
  EXPECT_EQ(septet::validate(std::u32string_view(surrogate, 2)),
            (result{errc::invalid_code_point, 1}));
  const char32_t too_big[] = {0x110000};
  EXPECT_EQ(septet::validate(std::u32string_view(too_big, 1)),
            (result{errc::invalid_code_point, 0}));
}

TEST(unicode_test, error_names_and_messages) {
  EXPECT_EQ(septet::name(errc::utf8_truncated), "utf8_truncated");
  EXPECT_EQ(septet::to_string(errc::utf8_overlong), "invalid UTF-8: overlong encoding");
  EXPECT_TRUE(septet::is_encoding_error(errc::utf8_surrogate));
  EXPECT_FALSE(septet::is_encoding_error(errc::body_too_long));
}

}  // namespace

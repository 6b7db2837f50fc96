// Compile-time tests: if this file compiles, its static_asserts passed. The TESTs make them
// show up in ctest's list.
#include <gtest/gtest.h>

#include <septet/septet.hpp>

namespace {

using septet::encoding;

// Whole-table round trip: every default-alphabet and extension cell maps back to its septet.
static_assert([] {
  namespace t = septet::detail::tables;
  for (std::uint8_t s = 0; s < 128; ++s) {
    if (s == septet::gsm7::escape) {
      continue;
    }
    const auto code = septet::gsm7::lookup(t::gsm7_basic[s]);
    if (!code || code->septet != s || code->extension) {
      return false;
    }
  }
  for (const auto& e : t::gsm7_extension) {
    const auto code = septet::gsm7::lookup(e.unit);
    if (!code || code->septet != e.septet || !code->extension) {
      return false;
    }
  }
  return true;
}());

TEST(constexpr_test, analysis_in_constant_expressions) {
  constexpr auto hello = septet::analyze("Hello \xE2\x82\xAC");
  static_assert(hello.ok());
  static_assert(hello.encoding == encoding::gsm7);
  static_assert(hello.units == 8);
  static_assert(hello.parts == 1);
  static_assert(hello.units_remaining == 152);
  static_assert(hello.characters == 7);

  constexpr auto emoji = septet::analyze(u8"Hi \U0001F600");
  static_assert(emoji.encoding == encoding::ucs2);
  static_assert(emoji.units == 5);
  static_assert(emoji.first_non_gsm->offset == 3);
  static_assert(emoji.first_non_gsm->code_point == U'\U0001F600');

  static_assert(septet::analyze(u"\u00E7a").encoding == encoding::ucs2);
  static_assert(septet::analyze(U"\u00C7a").encoding == encoding::gsm7);
  EXPECT_TRUE(hello.ok());
}

TEST(constexpr_test, errors_in_constant_expressions) {
  constexpr auto bad = septet::analyze("ab\xE0\x80\x80");
  static_assert(bad.status.ec == septet::errc::utf8_overlong);
  static_assert(bad.status.count == 2);
  // The constant-evaluated decoder classifies every kind of malformed input.
  static_assert(septet::validate(std::string_view("\x80")).ec == septet::errc::utf8_invalid_lead);
  static_assert(septet::validate(std::string_view("\xC1\xBF")).ec ==
                septet::errc::utf8_invalid_lead);
  static_assert(septet::validate(std::string_view("a\xE2\x82")) ==
                septet::result{septet::errc::utf8_truncated, 1});
  static_assert(septet::validate(std::string_view("\xE2\x82"
                                                  "A"))
                    .ec == septet::errc::utf8_truncated);
  static_assert(septet::validate(std::string_view("\xED\xB0\x80")).ec ==
                septet::errc::utf8_surrogate);
  static_assert(septet::validate(std::string_view("\xF4\x90\x80\x80")).ec ==
                septet::errc::utf8_out_of_range);
  static_assert(septet::validate(std::string_view("\xF0\x8F\xBF\xBF")).ec ==
                septet::errc::utf8_overlong);
  static_assert(septet::validate(std::u8string_view(u8"\U0010FFFF\u07FF\u0800")) ==
                septet::result{septet::errc::ok, 3});
  static_assert(septet::check(std::u16string_view(u"a\xD800")).ec ==
                septet::errc::utf16_unpaired_surrogate);
  EXPECT_FALSE(bad.ok());
}

TEST(constexpr_test, segmentation_in_constant_expressions) {
  static_assert([] {
    // 161 septets: 153 + 8.
    char text[161] = {};
    for (char& c : text) {
      c = 'a';
    }
    std::array<septet::part, 2> parts{};
    const auto r = septet::segment(std::string_view(text, 161), std::span{parts});
    return r.ok() && r.count == 2 && parts[0] == septet::part{0, 153, 153} &&
           parts[1] == septet::part{153, 161, 8};
  }());
  SUCCEED();
}

TEST(constexpr_test, counter_in_constant_expressions) {
  static_assert([] {
    septet::counter c;
    (void)c.append("Hi \xE2\x82");
    (void)c.append("\xAC");
    const auto a = c.analysis();
    return a.ok() && a.units == 5 && a.characters == 4;
  }());
  SUCCEED();
}

}  // namespace

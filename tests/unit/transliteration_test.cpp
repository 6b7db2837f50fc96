// Transliteration: every row of the table pinned against an independent list, the rules the
// table must keep (targets are GSM, no space becomes two, angle quotes never become < or >), the
// report's offsets, and the "only if it sends fewer parts" mode.
#include <gtest/gtest.h>

#include <map>
#include <septet/septet.hpp>
#include <string>

#include "test_text.hpp"

namespace {

using septet::look_alike;

/// Written out again by hand, so that a changed row fails here.
const std::map<char32_t, std::string> expected_rows = {
    {0x00A0, " "},        {0x00AB, "\""},  {0x00AD, ""},   {0x00B4, "'"},  {0x00BB, "\""},
    {0x00E7, "\xC3\x87"}, {0x0391, "A"},   {0x0392, "B"},  {0x0395, "E"},  {0x0396, "Z"},
    {0x0397, "H"},        {0x0399, "I"},   {0x039A, "K"},  {0x039C, "M"},  {0x039D, "N"},
    {0x039F, "O"},        {0x03A1, "P"},   {0x03A4, "T"},  {0x03A5, "Y"},  {0x03A7, "X"},
    {0x2000, " "},        {0x2001, " "},   {0x2002, " "},  {0x2003, " "},  {0x2004, " "},
    {0x2005, " "},        {0x2006, " "},   {0x2007, " "},  {0x2008, " "},  {0x2009, " "},
    {0x200A, " "},        {0x200B, ""},    {0x2010, "-"},  {0x2011, "-"},  {0x2012, "-"},
    {0x2013, "-"},        {0x2014, "-"},   {0x2015, "-"},  {0x2018, "'"},  {0x2019, "'"},
    {0x201A, "'"},        {0x201B, "'"},   {0x201C, "\""}, {0x201D, "\""}, {0x201E, "\""},
    {0x201F, "\""},       {0x2026, "..."}, {0x202F, " "},  {0x205F, " "},  {0x2060, ""},
    {0x3000, " "},        {0xFEFF, ""},
};

TEST(Transliteration, EveryRowIsPinned) {
  const auto table = septet::transliteration_table();
  std::size_t explicit_rows = 0;
  std::size_t full_width_rows = 0;
  for (const auto& rule : table) {
    if (rule.kind == look_alike::full_width) {
      ++full_width_rows;
      // U+FF01..U+FF5E stand for U+0021..U+007E.
      ASSERT_EQ(rule.to, std::string(1, static_cast<char>(rule.from - 0xFF01 + 0x21)));
      continue;
    }
    ++explicit_rows;
    const auto row = expected_rows.find(rule.from);
    ASSERT_NE(row, expected_rows.end()) << std::hex << static_cast<unsigned>(rule.from);
    EXPECT_EQ(rule.to, row->second) << std::hex << static_cast<unsigned>(rule.from);
    // And the row does what it says inside a text.
    const auto t =
        septet::transliterate(std::string("a").append(septet_test::utf8_of(rule.from)).append("b"));
    ASSERT_TRUE(t.applied);
    EXPECT_EQ(t.text, "a" + row->second + "b");
  }
  EXPECT_EQ(explicit_rows, expected_rows.size());
  EXPECT_EQ(full_width_rows, 93U);                    // all of U+FF01..U+FF5E but the backtick
  EXPECT_FALSE(septet::transliteration_for(0xFF40));  // ｀: GSM has no backtick
}

TEST(Transliteration, TheTableKeepsItsRules) {
  for (const auto& rule : septet::transliteration_table()) {
    EXPECT_FALSE(septet::gsm7::is_gsm7(rule.from)) << "a rule for a GSM character";
    EXPECT_TRUE(septet::analyze(rule.to).encoding == septet::encoding::gsm7);
    if (rule.kind == look_alike::space) {
      EXPECT_EQ(rule.to, " ");  // never two spaces
    }
    if (rule.kind != look_alike::full_width) {  // ＜ and ＞ are the full-width signs themselves
      EXPECT_EQ(rule.to.find_first_of("<>"), std::string_view::npos);
    }
  }
  // Angle quotes become quotes, never comparison signs.
  EXPECT_EQ(septet::transliteration_for(0x00AB)->to, "\"");
  EXPECT_EQ(septet::transliteration_for(0x00BB)->to, "\"");
  EXPECT_FALSE(septet::transliteration_for(0x2039));  // ‹ has no rule: stays, and says so
  EXPECT_FALSE(septet::transliteration_for(0x203A));
  // Characters without a look-alike stay.
  EXPECT_FALSE(septet::transliteration_for(0x1F600));
  EXPECT_FALSE(septet::transliteration_for(0x4E2D));
  EXPECT_FALSE(septet::transliteration_for(0x200D));  // ZWJ: part of emoji and Indic text
}

TEST(Transliteration, ReportsOffsetsAndLengths) {
  // "Say “hi” 😀…" : the emoji moves UTF-16 indexes by 2 and bytes by 4.
  const std::string text = "Say \xE2\x80\x9Chi\xE2\x80\x9D \xF0\x9F\x98\x80\xE2\x80\xA6";
  const auto t = septet::transliterate(text);
  ASSERT_TRUE(t.status.ok());
  EXPECT_TRUE(t.applied);
  EXPECT_EQ(t.text, "Say \"hi\" \xF0\x9F\x98\x80...");
  ASSERT_EQ(t.replacements.size(), 3U);
  EXPECT_EQ(t.replacements[0].byte, 4U);
  EXPECT_EQ(t.replacements[0].utf16, 4U);
  EXPECT_EQ(t.replacements[1].byte, 9U);
  EXPECT_EQ(t.replacements[1].utf16, 7U);
  EXPECT_EQ(t.replacements[2].byte, 17U);
  EXPECT_EQ(t.replacements[2].utf16, 11U);
  EXPECT_EQ(t.replacements[2].kind, look_alike::ellipsis);
  EXPECT_EQ(t.before.encoding, septet::encoding::ucs2);
  EXPECT_EQ(t.after.encoding, septet::encoding::ucs2);       // the emoji keeps it UCS-2
  EXPECT_EQ(t.after.utf16_units, t.before.utf16_units + 2);  // … became three dots
}

TEST(Transliteration, OnlyIfFewerParts) {
  // 150 GSM characters and one curly apostrophe: 3 UCS-2 parts, or 1 GSM part.
  const std::string text = septet_test::repeat("a", 150) + "\xE2\x80\x99s";
  auto t = septet::transliterate(text, septet::transliterate_mode::if_fewer_parts);
  EXPECT_EQ(t.before.parts, 3U);
  EXPECT_EQ(t.before.encoding, septet::encoding::ucs2);
  EXPECT_EQ(t.after.parts, 1U);
  EXPECT_EQ(t.after.encoding, septet::encoding::gsm7);
  EXPECT_TRUE(t.applied);
  EXPECT_EQ(t.text, septet_test::repeat("a", 150) + "'s");

  // With an emoji it stays UCS-2 and the parts do not change: left alone, but reported.
  const std::string emoji = "Party \xE2\x80\x99round \xF0\x9F\x8E\x89";
  t = septet::transliterate(emoji, septet::transliterate_mode::if_fewer_parts);
  EXPECT_FALSE(t.applied);
  EXPECT_EQ(t.text, emoji);
  EXPECT_EQ(t.replacements.size(), 1U);
  EXPECT_EQ(t.after.parts, t.before.parts);
  t = septet::transliterate(emoji, septet::transliterate_mode::always);
  EXPECT_TRUE(t.applied);
  EXPECT_EQ(t.text, "Party 'round \xF0\x9F\x8E\x89");

  // Nothing to replace: not applied in either mode.
  t = septet::transliterate("plain text");
  EXPECT_FALSE(t.applied);
  EXPECT_TRUE(t.replacements.empty());
}

TEST(Transliteration, InvalidInputIsReportedAndLeftAlone) {
  const std::string text = "ok \xE2\x80\x9C bad \xC3";
  const auto t = septet::transliterate(text);
  EXPECT_EQ(t.status.ec, septet::errc::utf8_truncated);
  EXPECT_EQ(t.status.count, text.size() - 1);
  EXPECT_FALSE(t.applied);
  EXPECT_EQ(t.text, text);
  EXPECT_TRUE(t.replacements.empty());
}

TEST(Profiles, CapacitiesByName) {
  const auto capacity = [](std::string_view name, septet::encoding e) {
    return septet::capacity_for(e, septet::find_profile(name)->opts);
  };
  using septet::encoding;
  EXPECT_EQ(capacity("default", encoding::gsm7), (septet::capacity{160, 153}));
  EXPECT_EQ(capacity("default", encoding::ucs2), (septet::capacity{70, 67}));
  EXPECT_EQ(capacity("ref16", encoding::gsm7), (septet::capacity{160, 152}));
  EXPECT_EQ(capacity("ref16", encoding::ucs2), (septet::capacity{70, 66}));
  EXPECT_EQ(capacity("us-toll-free", encoding::gsm7), (septet::capacity{160, 152}));
  EXPECT_EQ(capacity("us-cellular", encoding::gsm7), (septet::capacity{150, 150}));
  EXPECT_EQ(capacity("us-cellular", encoding::ucs2), (septet::capacity{70, 67}));
  EXPECT_FALSE(septet::find_profile("nope"));
  static_assert(septet::find_profile("us-cellular")->opts.max_units_per_part == 150);
}

TEST(Profiles, APartCapSplitsAndKeepsEscapesWhole) {
  const auto opts = septet::find_profile("us-cellular")->opts;
  EXPECT_EQ(septet::analyze(septet_test::repeat("a", 150), opts).parts, 1U);
  EXPECT_EQ(septet::analyze(septet_test::repeat("a", 151), opts).parts, 2U);
  EXPECT_EQ(septet::analyze(septet_test::repeat("a", 300), opts).parts, 2U);
  // '[' costs 2 septets and would straddle septet 150: the first part ends at 149.
  const std::string text = septet_test::repeat("a", 149) + "[" + septet_test::repeat("b", 10);
  const auto parts = septet::segment(text, opts);
  ASSERT_TRUE(parts.error().ok());
  ASSERT_EQ(parts->size(), 2U);
  EXPECT_EQ(parts.value()[0].units, 149U);
  EXPECT_EQ(parts.value()[1].units, 12U);
  septet::options one;
  one.max_units_per_part = 1;
  EXPECT_EQ(septet::analyze("a", one).status.ec, septet::errc::invalid_option);
}

}  // namespace

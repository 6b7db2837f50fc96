#include <gtest/gtest.h>

#include <septet/analysis.hpp>
#include <string>

#include "test_text.hpp"

namespace {

using septet::encoding;
using septet::errc;
using septet::result;
using septet_test::repeat;

TEST(analysis_test, hi_euro_is_five_septets_in_one_gsm_part) {
  const auto a = septet::analyze(std::string("Hi ") + std::string(septet_test::euro));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.encoding, encoding::gsm7);
  EXPECT_EQ(a.characters, 4U);
  EXPECT_EQ(a.units, 5U);
  EXPECT_EQ(a.parts, 1U);
  EXPECT_EQ(a.units_remaining, 155U);
  EXPECT_FALSE(a.first_non_gsm.has_value());
  EXPECT_TRUE(a.within_limits());
}

TEST(analysis_test, empty_body_is_one_part_of_zero_units) {
  const auto a = septet::analyze("");
  EXPECT_EQ(a.encoding, encoding::gsm7);
  EXPECT_EQ(a.units, 0U);
  EXPECT_EQ(a.parts, 1U);
  EXPECT_EQ(a.units_remaining, 160U);
  EXPECT_EQ(a.characters, 0U);
}

TEST(analysis_test, gsm_part_boundaries) {
  EXPECT_EQ(septet::analyze(repeat("a", 160)).parts, 1U);
  EXPECT_EQ(septet::analyze(repeat("a", 160)).units_remaining, 0U);
  EXPECT_EQ(septet::analyze(repeat("a", 161)).parts, 2U);
  EXPECT_EQ(septet::analyze(repeat("a", 161)).units_remaining, 153U - 8U);
  EXPECT_EQ(septet::analyze(repeat("a", 306)).parts, 2U);
  EXPECT_EQ(septet::analyze(repeat("a", 306)).units_remaining, 0U);
  EXPECT_EQ(septet::analyze(repeat("a", 307)).parts, 3U);
  EXPECT_EQ(septet::analyze(repeat("a", 307)).units_remaining, 152U);
}

TEST(analysis_test, ucs2_part_boundaries) {
  using septet_test::zhe;
  EXPECT_EQ(septet::analyze(repeat(zhe, 70)).parts, 1U);
  EXPECT_EQ(septet::analyze(repeat(zhe, 70)).encoding, encoding::ucs2);
  EXPECT_EQ(septet::analyze(repeat(zhe, 71)).parts, 2U);
  EXPECT_EQ(septet::analyze(repeat(zhe, 71)).units_remaining, 67U - 4U);
  EXPECT_EQ(septet::analyze(repeat(zhe, 134)).parts, 2U);
  EXPECT_EQ(septet::analyze(repeat(zhe, 135)).parts, 3U);
}

TEST(analysis_test, extension_characters_cost_two_septets) {
  const auto a = septet::analyze("|{^}[]~\\\f");
  EXPECT_EQ(a.encoding, encoding::gsm7);
  EXPECT_EQ(a.characters, 9U);
  EXPECT_EQ(a.units, 18U);
  EXPECT_EQ(septet::analyze(repeat(septet_test::euro, 80)).parts, 1U);
  EXPECT_EQ(septet::analyze(repeat(septet_test::euro, 81)).parts, 2U);
}

TEST(analysis_test, escape_pair_at_the_part_boundary_moves_whole) {
  // 152 'a' then ']': the pair would take septets 153-154, so part 1 holds 152.
  const auto a = septet::analyze(repeat("a", 152) + "]" + repeat("a", 7));
  EXPECT_EQ(a.units, 161U);
  EXPECT_EQ(a.parts, 2U);
  EXPECT_EQ(a.units_remaining, 153U - 9U);
  // 151 'a' then ']': the pair fits exactly (septets 152-153).
  const auto b = septet::analyze(repeat("a", 151) + "]" + repeat("a", 8));
  EXPECT_EQ(b.units, 161U);
  EXPECT_EQ(b.units_remaining, 153U - 8U);
}

TEST(analysis_test, only_extension_characters_need_three_parts_for_153) {
  const auto a = septet::analyze(repeat("]", 153));
  EXPECT_EQ(a.units, 306U);
  EXPECT_EQ(a.parts, 3U);  // 76 pairs (152 septets) per part, not 2 parts of 153
  EXPECT_EQ(a.units_remaining, 153U - 2U);
}

TEST(analysis_test, surrogate_pair_at_the_part_boundary_moves_whole) {
  using septet_test::grinning;
  using septet_test::zhe;
  const auto a = septet::analyze(repeat(zhe, 66) + std::string(grinning) + repeat(zhe, 3));
  EXPECT_EQ(a.units, 71U);
  EXPECT_EQ(a.parts, 2U);
  EXPECT_EQ(a.units_remaining, 67U - 5U);
  const auto b = septet::analyze(repeat(zhe, 65) + std::string(grinning) + repeat(zhe, 4));
  EXPECT_EQ(b.units, 71U);
  EXPECT_EQ(b.units_remaining, 67U - 4U);
  const auto emoji = septet::analyze(repeat(grinning, 35));
  EXPECT_EQ(emoji.units, 70U);
  EXPECT_EQ(emoji.parts, 1U);
  EXPECT_EQ(septet::analyze(repeat(grinning, 36)).parts, 2U);
}

TEST(analysis_test, extension_characters_count_once_in_ucs2) {
  const auto a = septet::analyze(std::string("|{^") + std::string(septet_test::infinity));
  EXPECT_EQ(a.encoding, encoding::ucs2);
  EXPECT_EQ(a.units, 4U);
  EXPECT_EQ(a.characters, 4U);
  EXPECT_EQ(a.non_gsm_count, 1U);
  ASSERT_TRUE(a.first_non_gsm.has_value());
  EXPECT_EQ(a.first_non_gsm->offset, 3U);
  EXPECT_EQ(a.first_non_gsm->code_point, U'\u221E');
}

TEST(analysis_test, crlf_counts_as_two) {
  const auto a = septet::analyze("a\r\nb");
  EXPECT_EQ(a.encoding, encoding::gsm7);
  EXPECT_EQ(a.units, 4U);
  EXPECT_EQ(a.characters, 4U);
}

TEST(analysis_test, one_late_character_makes_the_whole_message_ucs2) {
  const std::string text = repeat("a", 200) + std::string(septet_test::zhe);
  const auto a = septet::analyze(text);
  EXPECT_EQ(a.encoding, encoding::ucs2);
  EXPECT_EQ(a.units, 201U);
  EXPECT_EQ(a.parts, 3U);  // 3 x 67
  EXPECT_EQ(a.units_remaining, 0U);
  EXPECT_EQ(a.first_non_gsm->offset, 200U);
  EXPECT_EQ(a.first_non_gsm->utf16_offset, 200U);
  EXPECT_EQ(a.capacity, (septet::capacity{70, 67}));
}

TEST(analysis_test, udh_octets_set_the_per_part_capacity) {
  septet::options sixteen_bit;
  sixteen_bit.udh_octets = septet::udh_octets_16bit_reference;
  EXPECT_EQ(septet::capacity_for(encoding::gsm7, sixteen_bit), (septet::capacity{160, 152}));
  EXPECT_EQ(septet::capacity_for(encoding::ucs2, sixteen_bit), (septet::capacity{70, 66}));
  EXPECT_EQ(septet::analyze(repeat("a", 304), sixteen_bit).parts, 2U);
  EXPECT_EQ(septet::analyze(repeat("a", 305), sixteen_bit).parts, 3U);
  EXPECT_EQ(septet::analyze(repeat(septet_test::zhe, 132), sixteen_bit).parts, 2U);
  EXPECT_EQ(septet::analyze(repeat(septet_test::zhe, 133), sixteen_bit).parts, 3U);
  septet::options none;
  none.udh_octets = 0;
  EXPECT_EQ(septet::capacity_for(encoding::gsm7, none), (septet::capacity{160, 160}));
}

TEST(analysis_test, invalid_options_are_an_error) {
  septet::options too_big;
  too_big.udh_octets = septet::max_udh_octets + 1;
  EXPECT_EQ(septet::analyze("hi", too_big).status, (result{errc::invalid_option, 0}));
  septet::options largest;
  largest.udh_octets = septet::max_udh_octets;
  const auto a = septet::analyze(repeat(septet_test::grinning, 40), largest);
  EXPECT_TRUE(a.ok());
  EXPECT_EQ(a.capacity.per_part, 2U);
  EXPECT_EQ(a.parts, 40U);
}

TEST(analysis_test, body_cap_is_2000_utf16_units) {
  EXPECT_TRUE(septet::analyze(repeat("a", 2000)).within_limits());
  const auto over = septet::analyze(repeat("a", 2001));
  EXPECT_TRUE(over.ok());
  EXPECT_EQ(over.limits, (result{errc::body_too_long, 2000}));
  EXPECT_EQ(over.utf16_units, 2001U);
  EXPECT_EQ(over.parts, 14U);  // figures are still reported
  EXPECT_EQ(septet::check(repeat("a", 2001)), (result{errc::body_too_long, 2000}));
  EXPECT_EQ(septet::check(repeat("a", 2000)), (result{errc::ok, 2000}));
  // An astral character counts 2: 999 emoji + 2 'a' = 2000 units, one more 'a' is over.
  const std::string emoji = repeat(septet_test::grinning, 999);
  EXPECT_TRUE(septet::analyze(emoji + "aa").within_limits());
  EXPECT_EQ(septet::check(emoji + "aaa"), (result{errc::body_too_long, 999U * 4U + 2U}));
  // The character that crosses the cap is the one reported.
  EXPECT_EQ(septet::check(repeat("a", 1999) + std::string(septet_test::grinning)),
            (result{errc::body_too_long, 1999}));
  septet::options uncapped;
  uncapped.max_characters = 0;
  EXPECT_TRUE(septet::analyze(repeat("a", 5000), uncapped).within_limits());
}

TEST(analysis_test, more_than_255_parts_is_an_error_at_part_256) {
  septet::options opts;
  opts.max_characters = 0;
  EXPECT_TRUE(septet::analyze(repeat("a", 255 * 153), opts).within_limits());
  const auto over = septet::analyze(repeat("a", 255 * 153 + 1), opts);
  EXPECT_EQ(over.parts, 256U);
  EXPECT_EQ(over.limits, (result{errc::too_many_parts, 255U * 153U}));
  opts.max_parts = 3;
  EXPECT_EQ(septet::check(repeat(septet_test::zhe, 202), opts),
            (result{errc::too_many_parts, 3U * 67U * 2U}));
}

TEST(analysis_test, invalid_utf8_reports_offset_and_counts_what_came_before) {
  const auto a = septet::analyze("Hello\xC3(");
  EXPECT_EQ(a.status, (result{errc::utf8_truncated, 5}));
  EXPECT_EQ(a.characters, 5U);
  EXPECT_FALSE(a.within_limits());
}

TEST(analysis_test, every_input_form_gives_the_same_figures) {
  const auto utf8 = septet::analyze(u8"Gr\u00FC\u00DFe \U0001F44B \u20AC");
  const auto utf16 = septet::analyze(u"Gr\u00FC\u00DFe \U0001F44B \u20AC");
  const auto utf32 = septet::analyze(U"Gr\u00FC\u00DFe \U0001F44B \u20AC");
  for (const auto* a : {&utf16, &utf32}) {
    EXPECT_EQ(a->encoding, utf8.encoding);
    EXPECT_EQ(a->units, utf8.units);
    EXPECT_EQ(a->parts, utf8.parts);
    EXPECT_EQ(a->characters, utf8.characters);
    EXPECT_EQ(a->first_non_gsm->utf16_offset, utf8.first_non_gsm->utf16_offset);
  }
  EXPECT_EQ(utf8.units, 10U);  // the euro costs 1 unit once the message is UCS-2
  EXPECT_EQ(utf8.first_non_gsm->offset, 8U);
  EXPECT_EQ(utf16.first_non_gsm->offset, 6U);
  EXPECT_EQ(utf32.first_non_gsm->offset, 6U);
}

TEST(analysis_test, non_gsm_characters_lists_every_one_with_offsets) {
  const std::string text = std::string("a") + std::string(septet_test::zhe) + "b" +
                           std::string(septet_test::grinning) + std::string(septet_test::zhe);
  const auto all = septet::non_gsm_characters(text);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3U);
  EXPECT_EQ(all.value()[0], (septet::non_gsm_character{1, 1, U'\u0436'}));
  EXPECT_EQ(all.value()[1], (septet::non_gsm_character{4, 3, U'\U0001F600'}));
  EXPECT_EQ(all.value()[2], (septet::non_gsm_character{8, 5, U'\u0436'}));

  std::array<septet::non_gsm_character, 2> small{};
  EXPECT_EQ(septet::non_gsm_characters(text, std::span{small}),
            (result{errc::output_too_small, 3}));
  EXPECT_EQ(small[1].offset, 4U);
  EXPECT_EQ(septet::non_gsm_characters("plain GSM", std::span{small}), (result{errc::ok, 0}));
  EXPECT_EQ(septet::non_gsm_characters("ok\xFF").error(), (result{errc::utf8_invalid_lead, 2}));
}

}  // namespace

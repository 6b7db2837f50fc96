#include <gtest/gtest.h>

#include <septet/septet.hpp>
#include <string>

namespace {

TEST(bounds_test, settled_by_value_ranges_without_rendering) {
  septet::parameter_table params;
  ASSERT_TRUE(params.set("name", "+46701234567", "Anna").ok());
  ASSERT_TRUE(params.set("name", "default", "there").ok());
  const auto b = septet::bounds("Hello ${name}!", params);
  EXPECT_TRUE(b.exact);
  EXPECT_EQ(b.min_parts, 1U);
  EXPECT_EQ(b.max_parts, 1U);
  EXPECT_FALSE(b.any_ucs2);
  EXPECT_FALSE(b.all_ucs2);
  EXPECT_FALSE(b.any_unmatched);
}

TEST(bounds_test, one_value_can_flip_a_recipient_to_ucs2) {
  septet::parameter_table params;
  ASSERT_TRUE(params.set("name", "+46701234567", "Zo\xC3\xAB").ok());  // e diaeresis: not GSM
  ASSERT_TRUE(params.set("name", "default", "there").ok());
  const septet::message_template tmpl = "Hello ${name}! Your parcel is on its way.";
  const auto b = septet::bounds(tmpl, params);
  EXPECT_TRUE(b.exact);  // rendered: 2 classes
  EXPECT_TRUE(b.any_ucs2);
  EXPECT_FALSE(b.all_ucs2);
  EXPECT_EQ(b.min_parts, 1U);
  EXPECT_EQ(b.max_parts, 1U);
}

TEST(bounds_test, values_decide_the_part_count) {
  septet::parameter_table params;
  ASSERT_TRUE(params.set("v", "+46701234567", std::string(140, 'x')).ok());  // 287 septets
  ASSERT_TRUE(params.set("v", "+46701234568", "short").ok());
  const septet::message_template tmpl = "Note: ${v} ${v}";
  const auto b = septet::bounds(tmpl, params);
  EXPECT_TRUE(b.exact);
  EXPECT_EQ(b.min_parts, 1U);
  EXPECT_EQ(b.max_parts, 2U);
  EXPECT_TRUE(b.any_unmatched);  // no default: unlisted recipients fail (Sinch 405)
  // Without rendering (limit 0) the range is safe and contains the exact one.
  const auto range = septet::bounds(tmpl, params, {}, 0);
  EXPECT_FALSE(range.exact);
  EXPECT_LE(range.min_parts, 1U);
  EXPECT_GE(range.max_parts, 2U);
}

TEST(bounds_test, static_text_outside_gsm_makes_every_message_ucs2) {
  septet::parameter_table params;
  ASSERT_TRUE(params.set("n", "default", "1").ok());
  const auto b = septet::bounds("\xE2\x80\x9CHi\xE2\x80\x9D ${n}", params);
  EXPECT_TRUE(b.exact);
  EXPECT_TRUE(b.all_ucs2);
  EXPECT_TRUE(b.any_ucs2);
}

TEST(bounds_test, exact_bounds_match_rendering_each_recipient) {
  septet::parameter_table params;
  std::size_t low = 1000;
  std::size_t high = 0;
  const septet::message_template tmpl = "Dear ${a}, ${b} is due. ${a}";
  for (int i = 0; i < 40; ++i) {
    const std::string number = "+4670" + std::to_string(1000000 + i);
    const std::string a = std::string(static_cast<std::size_t>(i * 3), i % 5 == 0 ? '{' : 'a');
    const std::string b = i % 9 == 0 ? std::string("\xD0\xB6") : std::string("x");
    ASSERT_TRUE(params.set("a", number, a.empty() ? "-" : a).ok());
    ASSERT_TRUE(params.set("b", number, b).ok());
  }
  for (int i = 0; i < 40; ++i) {
    const auto who = septet::parse_msisdn("+4670" + std::to_string(1000000 + i)).value();
    const auto parts = septet::analyze(septet::render(tmpl, params, who).value()).parts;
    low = std::min(low, parts);
    high = std::max(high, parts);
  }
  const auto b = septet::bounds(tmpl, params);
  EXPECT_TRUE(b.exact);
  EXPECT_EQ(b.min_parts, low);
  EXPECT_EQ(b.max_parts, high);
  EXPECT_TRUE(b.any_ucs2);
  const auto range = septet::bounds(tmpl, params, {}, 0);
  EXPECT_LE(range.min_parts, low);
  EXPECT_GE(range.max_parts, high);
}

TEST(bounds_test, the_safe_range_holds_with_grapheme_boundaries) {
  // Ten clusters of 34 units each need a part of their own under the grapheme policy.
  std::string clusters;
  for (int i = 0; i < 10; ++i) {
    clusters += "a";
    for (int k = 0; k < 33; ++k) {
      clusters += "\xCC\x81";
    }
  }
  septet::parameter_table params;
  ASSERT_TRUE(params.set("v", "+46701234567", "b").ok());
  ASSERT_TRUE(params.set("v", "default", "").ok());
  const std::string body = clusters + "${v}";  // the template views it: keep it alive
  const auto tmpl = septet::message_template::parse(body);
  ASSERT_TRUE(tmpl.ok());
  septet::options graphemes;
  graphemes.boundary = septet::boundary_policy::grapheme;
  const auto exact = septet::bounds(tmpl.value(), params, graphemes);
  EXPECT_TRUE(exact.exact);
  EXPECT_EQ(exact.max_parts, 10U);
  const auto range = septet::bounds(tmpl.value(), params, graphemes, 0);
  EXPECT_FALSE(range.exact);
  EXPECT_LE(range.min_parts, exact.min_parts);
  EXPECT_GE(range.max_parts, exact.max_parts);
}

}  // namespace

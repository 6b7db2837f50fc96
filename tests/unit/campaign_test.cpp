// A campaign estimated one recipient at a time (sinch/campaign.hpp): the totals against an
// independent count over the rendered texts, invalid numbers, merging, and use in constant
// expressions.
#include <gtest/gtest.h>

#include <array>
#include <septet/septet.hpp>
#include <septet/sinch/campaign.hpp>
#include <string>
#include <vector>

namespace {

namespace sinch = septet::sinch;
using septet::errc;

/// Recipients' values by row, as a CSV row would give them.
struct row_values {
  std::string name;
  bool has_name = true;

  [[nodiscard]] auto value_for(std::string_view key, const septet::msisdn& /*recipient*/) const
      -> std::optional<std::string_view> {
    if (key == "name" && has_name) {
      return name;
    }
    return std::nullopt;
  }
};

TEST(Campaign, TotalsEqualACountOverTheRenderedTexts) {
  const auto tmpl =
      septet::message_template::parse("Hi ${name}, your order is ready.", sinch::placeholders)
          .value();
  sinch::campaign_estimate campaign(tmpl, {}, 3);
  std::size_t recipients = 0;
  std::size_t failed = 0;
  std::size_t text_parts = 0;
  std::size_t unicode_parts = 0;
  std::array<std::size_t, 4> by_parts{};
  for (int i = 0; i < 400; ++i) {
    // Names from empty to 500 characters, some with a euro (GSM extension) or an emoji (UCS-2);
    // every 9th row has no value; 4 parts or more fail with 411 (max_parts 3).
    row_values values{std::string(static_cast<std::size_t>(i * 37 % 500), 'a'), i % 9 != 0};
    values.name += i % 5 == 0 ? "\u20AC" : i % 7 == 0 ? "\U0001F600" : "";
    const std::string number = "+4670" + std::to_string(1000000 + i);
    const auto one = campaign.add(number, values);
    ++recipients;
    const auto rendered = std::string("Hi ") + values.name + ", your order is ready.";
    const auto counted = septet::analyze(rendered);
    if (!values.has_name || counted.parts > 3) {
      ++failed;
      EXPECT_FALSE(one.sent()) << i;
      EXPECT_EQ(one.reason(), values.has_name ? "exceeded_parts_limit" : "unmatched_parameter");
      continue;
    }
    ASSERT_TRUE(one.sent()) << i << " " << one.reason();
    EXPECT_EQ(one.verdict.counted.parts, counted.parts) << i;
    (counted.encoding == septet::encoding::ucs2 ? unicode_parts : text_parts) += counted.parts;
    ++by_parts[counted.parts];
  }
  const auto& t = campaign.totals();
  EXPECT_EQ(t.recipients, recipients);
  EXPECT_EQ(t.failed, failed);
  EXPECT_EQ(t.text_parts, text_parts);
  EXPECT_EQ(t.unicode_parts, unicode_parts);
  EXPECT_EQ(t.parts(), text_parts + unicode_parts);
  for (std::size_t n = 1; n < by_parts.size(); ++n) {
    EXPECT_EQ(t.recipients_by_parts[n], by_parts[n]) << n;
  }
  EXPECT_GT(t.failures[static_cast<std::size_t>(errc::unmatched_parameter)], 0U);
  EXPECT_GT(t.failures[sinch::campaign_totals::exceeded_parts_limit_slot], 0U);
  EXPECT_EQ(t.failures[static_cast<std::size_t>(errc::unmatched_parameter)] +
                t.failures[sinch::campaign_totals::exceeded_parts_limit_slot],
            failed);
  EXPECT_GT(text_parts, 0U);
  EXPECT_GT(unicode_parts, 0U);
}

TEST(Campaign, AnInvalidNumberFailsAloneAsInvalidMsisdn) {
  const septet::message_template tmpl = "Hello";
  sinch::campaign_estimate campaign(tmpl);
  EXPECT_TRUE(campaign.add("+46 70-123 45 67", septet::no_parameters{}).sent());
  const auto bad = campaign.add("not a number", septet::no_parameters{});
  EXPECT_FALSE(bad.sent());
  EXPECT_EQ(bad.reason(), "invalid_msisdn");
  const auto& t = campaign.totals();
  EXPECT_EQ(t.recipients, 2U);
  EXPECT_EQ(t.failed, 1U);
  EXPECT_EQ(t.failures[static_cast<std::size_t>(errc::invalid_msisdn)], 1U);
  EXPECT_EQ(sinch::campaign_totals::failure_reason(static_cast<std::size_t>(errc::invalid_msisdn)),
            "invalid_msisdn");
  EXPECT_EQ(
      sinch::campaign_totals::failure_reason(sinch::campaign_totals::exceeded_parts_limit_slot),
      "exceeded_parts_limit");
}

TEST(Campaign, TwoHalvesMergedEqualTheWhole) {
  const auto tmpl = septet::message_template::parse("Code ${name}", sinch::placeholders).value();
  sinch::campaign_estimate whole(tmpl, {}, 2);
  sinch::campaign_estimate first(tmpl, {}, 2);
  sinch::campaign_estimate second(tmpl, {}, 2);
  for (int i = 0; i < 300; ++i) {
    const row_values values{std::string(static_cast<std::size_t>(i), i % 3 == 0 ? '{' : 'x'),
                            i % 11 != 0};
    const std::string number = i % 50 == 0 ? "x" : "+4670" + std::to_string(1000000 + i);
    (void)whole.add(number, values);
    (void)(i < 120 ? first : second).add(number, values);
  }
  auto merged = first.totals();
  merged.merge(second.totals());
  const auto& w = whole.totals();
  EXPECT_EQ(merged.recipients, w.recipients);
  EXPECT_EQ(merged.failed, w.failed);
  EXPECT_EQ(merged.text_parts, w.text_parts);
  EXPECT_EQ(merged.unicode_parts, w.unicode_parts);
  EXPECT_EQ(merged.recipients_by_parts, w.recipients_by_parts);
  EXPECT_EQ(merged.failures, w.failures);
  EXPECT_GT(w.failed, 0U);
}

/// A campaign in a constant expression: two recipients of a literal template.
constexpr auto parts_of_a_constant_campaign() -> std::size_t {
  constexpr septet::message_template tmpl = "Your code is ready \u20AC";
  sinch::campaign_estimate campaign(tmpl);
  (void)campaign.add("+46701234567", septet::no_parameters{});
  (void)campaign.add("+46701234568", septet::no_parameters{});
  return campaign.totals().text_parts;
}
static_assert(parts_of_a_constant_campaign() == 2);

// What the CLI and the JS module call: a number read already, a text counted by the caller, and
// a recipient refused before Sinch's rule.
TEST(Campaign, CallersCountReadNumbersOwnAnalysesAndRefusals) {
  const auto tmpl = septet::message_template::parse("Hi ${name}", sinch::placeholders).value();
  sinch::campaign_estimate by_text(tmpl);
  sinch::campaign_estimate by_parts(tmpl);
  const row_values anna{"Anna"};
  const auto number = septet::parse_msisdn("+46 70 123 45 67");
  const auto one = by_text.add(number, anna);
  ASSERT_TRUE(one.sent());
  EXPECT_EQ(one.number->digits(), "46701234567");
  EXPECT_EQ(by_text.add("+46701234567", anna).verdict.counted.units, one.verdict.counted.units);

  const auto counted = septet::analyze(std::string(300, 'x'), by_parts.counting());
  const auto two = by_parts.add_analyzed(number, counted);
  EXPECT_EQ(two.verdict.counted.parts, 2U);
  EXPECT_FALSE(by_parts.add_analyzed(septet::parse_msisdn("+0"), counted).sent());
  by_parts.refuse();

  const auto& t = by_parts.totals();
  EXPECT_EQ(t.recipients, 3U);
  EXPECT_EQ(t.failed, 2U);
  EXPECT_EQ(t.text_parts, 2U);
  EXPECT_EQ(t.recipients_by_parts[2], 1U);
  EXPECT_EQ(t.failures[sinch::campaign_totals::refused_slot], 1U);
  EXPECT_EQ(t.failures[static_cast<std::size_t>(errc::invalid_msisdn)], 1U);
  EXPECT_EQ(sinch::campaign_totals::failure_reason(sinch::campaign_totals::refused_slot),
            "refused");
  EXPECT_EQ(by_text.totals().recipients, 2U);
  EXPECT_EQ(by_text.totals().text_parts, 2U);
}

}  // namespace

// Sinch's timestamps: every ISO-8601 form Sinch takes, and the one form it returns.
#include <gtest/gtest.h>

#include <septet/sinch/timestamp.hpp>

namespace sinch = septet::sinch;

namespace {

auto utc_text(std::string_view text) -> std::string {
  return sinch::normalize_timestamp(text).value_or("(not a timestamp)");
}

TEST(SinchTimestamp, EveryOffsetBecomesUtcToTheMillisecond) {
  EXPECT_EQ(utc_text("2019-08-24T14:15:22Z"), "2019-08-24T14:15:22.000Z");
  EXPECT_EQ(utc_text("2016-10-02T09:34:18.542Z"), "2016-10-02T09:34:18.542Z");
  EXPECT_EQ(utc_text("2026-12-06T10:00:00+02:00"), "2026-12-06T08:00:00.000Z");
  EXPECT_EQ(utc_text("2026-12-06T10:00:00-0530"), "2026-12-06T15:30:00.000Z");
  EXPECT_EQ(utc_text("2026-12-06T01:00:00+03"), "2026-12-05T22:00:00.000Z");
  // No offset is UTC (seed 001); seconds may be left out; digits past milliseconds are dropped.
  EXPECT_EQ(utc_text("2026-12-06T10:00"), "2026-12-06T10:00:00.000Z");
  EXPECT_EQ(utc_text("2026-12-06T10:00:01.5"), "2026-12-06T10:00:01.500Z");
  EXPECT_EQ(utc_text("2026-12-06T10:00:01.123456Z"), "2026-12-06T10:00:01.123Z");
  // The form of seed 003's incomingSMS example.
  EXPECT_EQ(utc_text("2022-08-24 14:15:22+00:00"), "2022-08-24T14:15:22.000Z");
  EXPECT_EQ(utc_text("2024-02-29T23:59:59.999-00:01"), "2024-03-01T00:00:59.999Z");
}

TEST(SinchTimestamp, WhatIsNotAMomentIsRefused) {
  for (const char* bad :
       {"tomorrow", "", "2019-08-24", "2019-08-24T", "2019-08-24T14", "2019-02-29T10:00:00Z",
        "2019-13-01T10:00:00Z", "2019-08-24T24:00:00Z", "2019-08-24T14:60:00Z",
        "2019-08-24T14:15:22.Z", "2019-08-24T14:15:22+2", "2019-08-24T14:15:22 Z",
        "2019-08-24T14:15:22Zjunk", "19-08-24T14:15:22Z", "2019/08/24T14:15:22Z"}) {
    EXPECT_FALSE(sinch::parse_timestamp(bad)) << bad;
  }
}

TEST(SinchTimestamp, ParsingIsAConstantExpression) {
  constexpr auto t = sinch::parse_timestamp("1970-01-02T00:00:00.001+00:00");
  static_assert(t && t->time_since_epoch().count() == 86'400'001);
  EXPECT_TRUE(t);
}

}  // namespace

#include <gtest/gtest.h>

#include <random>
#include <septet/segment.hpp>
#include <string>
#include <vector>

#include "test_text.hpp"

namespace {

using septet::errc;
using septet::part;
using septet::result;
using septet_test::repeat;

auto parts_of(const std::string& text, const septet::options& opts = {}) -> std::vector<part> {
  const auto split = septet::segment(text, opts);
  EXPECT_TRUE(split.ok()) << septet::name(split.error().ec);
  return split.value();
}

/// Parts must tile the input exactly, and their units must add up to the analysis.
void expect_tiles(const std::string& text,
                  const std::vector<part>& parts,
                  const septet::options& opts = {}) {
  const auto a = septet::analyze(text, opts);
  ASSERT_EQ(parts.size(), a.parts);
  std::size_t expected_begin = 0;
  std::size_t units = 0;
  std::string joined;
  for (const auto& p : parts) {
    EXPECT_EQ(p.begin, expected_begin);
    EXPECT_LE(p.begin, p.end);
    joined += text.substr(p.begin, p.end - p.begin);
    expected_begin = p.end;
    units += p.units;
    const auto piece = septet::analyze(text.substr(p.begin, p.end - p.begin), opts);
    if (parts.size() > 1) {
      EXPECT_LE(p.units, a.capacity.per_part);
    }
    if (a.encoding == septet::encoding::gsm7) {
      EXPECT_EQ(piece.units, p.units);  // counting a part alone gives the same septets
    }
  }
  EXPECT_EQ(expected_begin, text.size());
  EXPECT_EQ(joined, text);
  EXPECT_EQ(units, a.units);
}

TEST(segment_test, single_part_covers_everything) {
  const std::string text = "Hello world";
  const auto parts = parts_of(text);
  ASSERT_EQ(parts.size(), 1U);
  EXPECT_EQ(parts[0], (part{0, 11, 11}));
}

TEST(segment_test, empty_body_is_one_empty_part) {
  const auto parts = parts_of("");
  ASSERT_EQ(parts.size(), 1U);
  EXPECT_EQ(parts[0], (part{0, 0, 0}));
}

TEST(segment_test, gsm_parts_of_153) {
  const std::string text = repeat("a", 307);
  const auto parts = parts_of(text);
  ASSERT_EQ(parts.size(), 3U);
  EXPECT_EQ(parts[0], (part{0, 153, 153}));
  EXPECT_EQ(parts[1], (part{153, 306, 153}));
  EXPECT_EQ(parts[2], (part{306, 307, 1}));
  expect_tiles(text, parts);
}

TEST(segment_test, escape_pair_is_never_split) {
  const std::string text = repeat("a", 152) + "{" + repeat("b", 10);
  const auto parts = parts_of(text);
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_EQ(parts[0], (part{0, 152, 152}));
  EXPECT_EQ(parts[1], (part{152, 163, 12}));
  const std::string brackets = repeat("]", 153);
  const auto three = parts_of(brackets);
  ASSERT_EQ(three.size(), 3U);
  EXPECT_EQ(three[0], (part{0, 76, 152}));
  EXPECT_EQ(three[1], (part{76, 152, 152}));
  EXPECT_EQ(three[2], (part{152, 153, 2}));
}

TEST(segment_test, surrogate_pair_is_never_split) {
  using septet_test::grinning;
  using septet_test::zhe;
  const std::string text = repeat(zhe, 66) + std::string(grinning) + repeat(zhe, 3);
  const auto parts = parts_of(text);
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_EQ(parts[0], (part{0, 132, 66}));
  EXPECT_EQ(parts[1], (part{132, 142, 5}));
  expect_tiles(text, parts);
}

TEST(segment_test, euro_in_a_gsm_message_at_the_boundary) {
  const std::string text = repeat("x", 152) + std::string(septet_test::euro) + repeat("y", 8);
  const auto parts = parts_of(text);
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_EQ(parts[0], (part{0, 152, 152}));
  EXPECT_EQ(parts[1], (part{152, 163, 10}));
}

TEST(segment_test, caller_span_without_allocation) {
  const std::string text = repeat("a", 400);
  std::array<part, 3> three{};
  EXPECT_EQ(septet::segment(text, std::span{three}), (result{errc::ok, 3}));
  EXPECT_EQ(three[2], (part{306, 400, 94}));
  std::array<part, 2> two{};
  EXPECT_EQ(septet::segment(text, std::span{two}), (result{errc::output_too_small, 3}));
}

TEST(segment_test, limits_and_errors_are_reported_not_truncated) {
  std::array<part, 20> parts{};
  EXPECT_EQ(septet::segment(repeat("a", 2001), std::span{parts}),
            (result{errc::body_too_long, 2000}));
  EXPECT_EQ(septet::segment("ab\xED\xA0\x80", std::span{parts}), (result{errc::utf8_surrogate, 2}));
  const auto owning = septet::segment(repeat("a", 2001));
  EXPECT_EQ(owning.error(), (result{errc::body_too_long, 2000}));
  EXPECT_THROW((void)owning->empty(), septet::bad_outcome_access);  // no empty list as a value
}

TEST(segment_test, sixteen_bit_reference_gives_152_and_66) {
  septet::options opts;
  opts.udh_octets = septet::udh_octets_16bit_reference;
  const auto gsm = parts_of(repeat("a", 305), opts);
  ASSERT_EQ(gsm.size(), 3U);
  EXPECT_EQ(gsm[0].units, 152U);
  const auto ucs2 = parts_of(repeat(septet_test::zhe, 133), opts);
  ASSERT_EQ(ucs2.size(), 3U);
  EXPECT_EQ(ucs2[0], (part{0, 132, 66}));
}

TEST(segment_test, grapheme_policy_keeps_clusters_whole) {
  septet::options graphemes;
  graphemes.boundary = septet::boundary_policy::grapheme;
  // A family emoji (man ZWJ woman ZWJ girl: 8 UTF-16 units) starting at unit 63 of 67.
  const std::string family =
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
  const std::string text = repeat(septet_test::zhe, 63) + family + repeat(septet_test::zhe, 10);
  const auto minimal = parts_of(text);
  ASSERT_EQ(minimal.size(), 2U);
  EXPECT_EQ(minimal[0].units, 66U);  // cuts inside the cluster, after "man ZWJ"
  const auto whole = parts_of(text, graphemes);
  ASSERT_EQ(whole.size(), 2U);
  EXPECT_EQ(whole[0], (part{0, 126, 63}));
  EXPECT_EQ(whole[1].units, 18U);
  expect_tiles(text, whole, graphemes);

  // A flag (two regional indicators) must not be split: 66 units then a flag.
  const std::string flag = "\xF0\x9F\x87\xB8\xF0\x9F\x87\xAA";  // SE
  const std::string flags = repeat(septet_test::zhe, 65) + flag + flag;
  const auto flag_parts = parts_of(flags, graphemes);
  ASSERT_EQ(flag_parts.size(), 2U);
  EXPECT_EQ(flag_parts[0].units, 65U);
  EXPECT_EQ(parts_of(flags)[0].units, 67U);

  // Combining acute accent stays with its base letter.
  const std::string decomposed = repeat(septet_test::zhe, 66) + "e\xCC\x81" + "xxxxx";
  EXPECT_EQ(parts_of(decomposed, graphemes)[0].units, 66U);
  EXPECT_EQ(parts_of(decomposed)[0].units, 67U);
}

TEST(segment_test, grapheme_cluster_longer_than_a_part_falls_back_to_code_points) {
  septet::options graphemes;
  graphemes.boundary = septet::boundary_policy::grapheme;
  // "a" followed by 100 combining marks: one cluster of 101 units.
  const std::string zalgo = std::string("ba").append(repeat("\xCC\x81", 100));
  const auto parts = parts_of(zalgo, graphemes);
  ASSERT_EQ(parts.size(), 3U);
  EXPECT_EQ(parts[0], (part{0, 1, 1}));  // the break before the cluster is taken first,
  EXPECT_EQ(parts[1].units, 67U);        // then the cluster is cut where it must be
  EXPECT_EQ(parts[2].units, 34U);
  const std::string huge = std::string("a").append(repeat("\xCC\x81", 200));
  const auto split = parts_of(huge, graphemes);
  ASSERT_EQ(split.size(), 3U);
  EXPECT_EQ(split[0].units, 67U);
  expect_tiles(huge, split, graphemes);
}

TEST(segment_test, random_texts_tile_and_respect_capacity) {
  const std::vector<std::string> pieces = {"a",
                                           " ",
                                           "]",
                                           "\xE2\x82\xAC",
                                           "\r\n",
                                           "\xC3\xA9",
                                           "\xD0\xB6",
                                           "\xF0\x9F\x98\x80",
                                           "\xCC\x81",
                                           "\xE2\x80\x8D",
                                           "\xF0\x9F\x87\xB8",
                                           "\xEF\xB8\x8F",
                                           "\xF0\x9F\x8F\xBD"};
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    const bool gsm_only = round % 2 == 0;
    const std::string text =
        septet_test::random_text(rng, pieces, gsm_only ? 6 : pieces.size(), 500);
    for (const auto policy :
         {septet::boundary_policy::code_point, septet::boundary_policy::grapheme}) {
      septet::options opts;
      opts.boundary = policy;
      opts.max_characters = 0;
      SCOPED_TRACE(round);
      expect_tiles(text, parts_of(text, opts), opts);
    }
  }
}

}  // namespace

// The part-count tables of the Sinch "Message Body" page (shared/seeds), checked against the
// 153/67 rule. A row agrees when the lengths that need its number of parts are exactly its range
// (up to the 2000-character cap). Rows that do not are listed with the range the rule gives.
#include <gtest/gtest.h>

#include <septet/analysis.hpp>
#include <string>
#include <vector>

#include "test_text.hpp"

namespace {

struct row {
  std::size_t first;
  std::size_t last;
  std::size_t parts;
};

struct corrected_row {
  row seed;
  std::size_t first;  // what the rule gives
  std::size_t last;
};

const std::vector<row> seed_7bit = {
    {1, 160, 1},      {161, 306, 2},    {307, 459, 3},    {460, 612, 4},   {613, 765, 5},
    {766, 918, 6},    {919, 1061, 7},   {1062, 1214, 8},  {1215, 1367, 9}, {1368, 1520, 10},
    {1521, 1673, 11}, {1674, 1826, 12}, {1827, 1979, 13}, {1980, 2000, 14}};

const std::vector<row> seed_unicode = {
    {1, 70, 1},       {71, 134, 2},     {134, 201, 3},    {202, 268, 4},    {269, 335, 5},
    {336, 402, 6},    {403, 469, 7},    {470, 538, 8},    {539, 605, 9},    {606, 672, 10},
    {673, 739, 11},   {740, 796, 12},   {797, 853, 13},   {854, 924, 14},   {925, 991, 15},
    {992, 1058, 16},  {1059, 1115, 17}, {1116, 1182, 18}, {1183, 1249, 19}, {1250, 1316, 20},
    {1317, 1383, 21}, {1384, 1450, 22}, {1451, 1517, 23}, {1518, 1584, 24}, {1585, 1651, 25},
    {1652, 1781, 26}, {1782, 1848, 27}, {1849, 1915, 28}, {1916, 1982, 29}, {1983, 2000, 30}};

// The seed's 7-bit table slips by 10 from row 7 on ("919-1061" should end at 1071, as 7 x 153
// does), and its Unicode table overlaps at "134-201" and slips from "470-538" on (8 x 67 = 536).
const std::vector<corrected_row> disagreeing_7bit = {
    {{919, 1061, 7}, 919, 1071},    {{1062, 1214, 8}, 1072, 1224},  {{1215, 1367, 9}, 1225, 1377},
    {{1368, 1520, 10}, 1378, 1530}, {{1521, 1673, 11}, 1531, 1683}, {{1674, 1826, 12}, 1684, 1836},
    {{1827, 1979, 13}, 1837, 1989}, {{1980, 2000, 14}, 1990, 2000}};

const std::vector<corrected_row> disagreeing_unicode = {
    {{134, 201, 3}, 135, 201},      {{470, 538, 8}, 470, 536},      {{539, 605, 9}, 537, 603},
    {{606, 672, 10}, 604, 670},     {{673, 739, 11}, 671, 737},     {{740, 796, 12}, 738, 804},
    {{797, 853, 13}, 805, 871},     {{854, 924, 14}, 872, 938},     {{925, 991, 15}, 939, 1005},
    {{992, 1058, 16}, 1006, 1072},  {{1059, 1115, 17}, 1073, 1139}, {{1116, 1182, 18}, 1140, 1206},
    {{1183, 1249, 19}, 1207, 1273}, {{1250, 1316, 20}, 1274, 1340}, {{1317, 1383, 21}, 1341, 1407},
    {{1384, 1450, 22}, 1408, 1474}, {{1451, 1517, 23}, 1475, 1541}, {{1518, 1584, 24}, 1542, 1608},
    {{1585, 1651, 25}, 1609, 1675}, {{1652, 1781, 26}, 1676, 1742}, {{1782, 1848, 27}, 1743, 1809},
    {{1849, 1915, 28}, 1810, 1876}, {{1916, 1982, 29}, 1877, 1943}, {{1983, 2000, 30}, 1944, 2000}};

/// For each length 1..2000 of `unit` repeated, the parts septet counts.
auto parts_by_length(std::string_view unit) -> std::vector<std::size_t> {
  std::vector<std::size_t> parts(2001, 0);
  std::string text;
  for (std::size_t length = 1; length <= 2000; ++length) {
    text += unit;
    parts[length] = septet::analyze(text).parts;
  }
  return parts;
}

/// The lengths that need `n` parts, as [first, last] (0, 0 if none).
auto range_for(const std::vector<std::size_t>& parts, std::size_t n) -> std::pair<size_t, size_t> {
  std::pair<std::size_t, std::size_t> range{0, 0};
  for (std::size_t length = 1; length < parts.size(); ++length) {
    if (parts[length] == n) {
      range.first = range.first == 0 ? length : range.first;
      range.second = length;
    }
  }
  return range;
}

void check_table(const std::vector<row>& seed,
                 const std::vector<corrected_row>& disagreeing,
                 std::string_view unit) {
  const auto parts = parts_by_length(unit);
  std::vector<row> found_disagreeing;
  for (const auto& r : seed) {
    const auto [first, last] = range_for(parts, r.parts);
    if (first == r.first && last == r.last) {
      // Agreeing row: every length in it needs exactly r.parts parts.
      for (std::size_t length = r.first; length <= r.last; ++length) {
        EXPECT_EQ(parts[length], r.parts) << "length " << length;
      }
    } else {
      found_disagreeing.push_back(r);
    }
  }
  ASSERT_EQ(found_disagreeing.size(), disagreeing.size());
  for (std::size_t i = 0; i < disagreeing.size(); ++i) {
    const auto& d = disagreeing[i];
    EXPECT_EQ(found_disagreeing[i].first, d.seed.first);
    EXPECT_EQ(found_disagreeing[i].last, d.seed.last);
    const auto [first, last] = range_for(parts, d.seed.parts);
    EXPECT_EQ(first, d.first) << d.seed.parts << " parts";
    EXPECT_EQ(last, d.last) << d.seed.parts << " parts";
  }
}

TEST(seed_tables_test, seven_bit_rows) {
  check_table(seed_7bit, disagreeing_7bit, "a");
}

TEST(seed_tables_test, unicode_rows) {
  check_table(seed_unicode, disagreeing_unicode, septet_test::zhe);
}

TEST(seed_tables_test, per_part_maxima_stated_by_the_seed) {
  // "Each SMS in a multi-part 7-bit encoded message has a maximum length of 153 characters";
  // 67 for Unicode.
  EXPECT_EQ(septet::capacity_for(septet::encoding::gsm7, {}).per_part, 153U);
  EXPECT_EQ(septet::capacity_for(septet::encoding::ucs2, {}).per_part, 67U);
  EXPECT_EQ(septet::capacity_for(septet::encoding::gsm7, {}).single_part, 160U);
  EXPECT_EQ(septet::capacity_for(septet::encoding::ucs2, {}).single_part, 70U);
}

}  // namespace

#include <gtest/gtest.h>

#include <fstream>
#include <septet/grapheme.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

// UAX #29 conformance: every line of the Unicode GraphemeBreakTest.txt, e.g.
// "÷ 0020 × 0308 ÷ 000D ÷", where ÷ (U+00F7) marks a break and × (U+00D7) none.
TEST(grapheme_test, unicode_grapheme_break_test_file) {
  std::ifstream file(SEPTET_GRAPHEME_BREAK_TEST);
  ASSERT_TRUE(file) << "cannot read " << SEPTET_GRAPHEME_BREAK_TEST;
  const std::string divide = "\xC3\xB7";
  const std::string keep = "\xC3\x97";
  std::string line;
  // The file must be of the Unicode version the tables were generated from.
  ASSERT_TRUE(std::getline(file, line));
  const std::string version = septet::detail::tables::grapheme_unicode_version;
  ASSERT_NE(line.find("GraphemeBreakTest-" + version + ".txt"), std::string::npos)
      << line << ": regenerate include/septet/detail/grapheme_tables.hpp with "
      << "tools/gen_grapheme_tables.py for this Unicode version";
  std::size_t checked = 0;
  while (std::getline(file, line)) {
    line = line.substr(0, line.find('#'));
    if (line.find_first_not_of(" \t") == std::string::npos) {
      continue;
    }
    std::istringstream tokens(line);
    std::string token;
    std::vector<char32_t> code_points;
    std::vector<bool> break_before;  // for each code point after the first
    bool pending_break = false;
    while (tokens >> token) {
      if (token == divide || token == keep) {
        pending_break = token == divide;
      } else {
        if (!code_points.empty()) {
          break_before.push_back(pending_break);
        }
        code_points.push_back(static_cast<char32_t>(std::stoul(token, nullptr, 16)));
      }
    }
    septet::grapheme_breaker breaker;
    ASSERT_TRUE(breaker.push(code_points[0]));
    for (std::size_t i = 1; i < code_points.size(); ++i) {
      EXPECT_EQ(breaker.push(code_points[i]), break_before[i - 1]) << line << " at " << i;
    }
    ++checked;
  }
  EXPECT_GT(checked, 600U);
}

}  // namespace

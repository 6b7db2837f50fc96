// The run-time fast path (bulk runs of plain ASCII, vector scan, utfcpp) against the
// one-code-point-at-a-time path that constant evaluation uses.
#include <gtest/gtest.h>

#include <random>
#include <septet/septet.hpp>
#include <string>
#include <vector>

#include "test_text.hpp"

namespace {

auto per_code_point(std::string_view text, const septet::options& opts) -> septet::analysis {
  septet::detail::tally counts(opts);
  const auto status = septet::for_each_code_point(
      text, [&](char32_t cp, std::size_t offset) { counts.push(cp, offset); });
  return counts.finish(status.ok() ? septet::result{septet::errc::ok, text.size()} : status);
}

TEST(fast_path_test, vector_scan_matches_the_table_for_every_byte_at_every_position) {
  for (unsigned b = 0; b < 256; ++b) {
    for (std::size_t at = 0; at < 40; ++at) {
      std::string text(48, 'a');
      text[at] = static_cast<char>(b);
      const auto expected = septet::detail::plain_run_scalar(text.data(), text.size());
      ASSERT_EQ(septet::detail::plain_run(text.data(), text.size()), expected) << b << " at " << at;
      ASSERT_EQ(expected, septet::detail::tables::plain_ascii[b] ? text.size() : at);
    }
  }
}

TEST(fast_path_test, analysis_matches_the_per_code_point_path) {
  const std::vector<std::string> pieces = {"Hello there, ",
                                           "a",
                                           "]",
                                           "\xE2\x82\xAC",
                                           "\r\n",
                                           "`",
                                           "\xC3\xA9",
                                           "\xD0\xB6",
                                           "\xF0\x9F\x98\x80",
                                           "\xCC\x81",
                                           "\xF0\x9F\x87\xB8",
                                           "\xE2\x80\x8D",
                                           std::string(1, '\0'),
                                           "\xFF",
                                           "\xE2\x82",
                                           "\xED\xA0\x80",
                                           "\xC0\x80",
                                           "plain text without anything special "};
  std::mt19937 rng(11);
  for (std::size_t round = 0; round < 2000; ++round) {
    const std::size_t kinds = round % 4 == 0 ? pieces.size() : (round % 4 == 1 ? 8 : 13);
    const std::string text = septet_test::random_text(rng, pieces, kinds, 300);
    septet::options opts;
    opts.boundary =
        round % 2 == 0 ? septet::boundary_policy::grapheme : septet::boundary_policy::code_point;
    opts.max_characters = round % 5 == 0 ? 0 : 1 + round % 700;
    opts.max_parts = round % 7 == 0 ? 0 : 1 + round % 6;
    opts.udh_octets = round % 3 == 0 ? 7 : 6;
    SCOPED_TRACE(round);
    const auto slow = per_code_point(text, opts);
    septet_test::expect_same(septet::analyze(text, opts), slow);
    // The UTF-16 fast path gives the same figures (offsets are then in UTF-16 units).
    std::u16string utf16;
    std::vector<std::size_t> utf16_offset_of_byte(text.size() + 1, 0);
    const auto valid =
        septet::for_each_code_point(std::string_view(text), [&](char32_t cp, std::size_t offset) {
          utf16_offset_of_byte[offset] = utf16.size();
          septet::put_utf16(cp, [&](char16_t unit) { utf16 += unit; });
        });
    if (valid.ok()) {
      utf16_offset_of_byte[text.size()] = utf16.size();
      const auto wide = septet::analyze(std::u16string_view(utf16), opts);
      EXPECT_EQ(wide.encoding, slow.encoding);
      EXPECT_EQ(wide.units, slow.units);
      EXPECT_EQ(wide.parts, slow.parts);
      EXPECT_EQ(wide.units_remaining, slow.units_remaining);
      EXPECT_EQ(wide.characters, slow.characters);
      EXPECT_EQ(wide.limits.ec, slow.limits.ec);
      if (!slow.limits.ok()) {
        EXPECT_EQ(wide.limits.count, utf16_offset_of_byte[slow.limits.count]);
      }
    }
  }
}

}  // namespace

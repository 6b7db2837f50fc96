#include <gtest/gtest.h>

#include <random>
#include <septet/counter.hpp>
#include <string>
#include <vector>

#include "test_text.hpp"

namespace {

using septet::errc;
using septet::result;

TEST(counter_test, agrees_with_analyze_at_every_keystroke) {
  const std::string text = "Hi " + std::string(septet_test::euro) + " caf" +
                           std::string(septet_test::e_acute) + "!" +
                           std::string(septet_test::grinning) + " ok";
  septet::counter c;
  for (std::size_t i = 0; i < text.size(); ++i) {
    (void)c.append(text.substr(i, 1));  // one byte at a time, splitting every sequence
    SCOPED_TRACE(i);
    septet_test::expect_same(c.analysis(), septet::analyze(text.substr(0, i + 1)));
  }
  EXPECT_EQ(c.size(), text.size());
}

TEST(counter_test, agrees_with_analyze_for_every_two_chunk_split) {
  const std::string text = septet_test::repeat("a", 150) + "]]" +
                           std::string(septet_test::grinning) + septet_test::repeat("b", 80);
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    septet::counter c;
    (void)c.append(text.substr(0, cut));
    (void)c.append(text.substr(cut));
    SCOPED_TRACE(cut);
    septet_test::expect_same(c.analysis(), septet::analyze(text));
  }
}

TEST(counter_test, errors_are_sticky_and_at_the_whole_text_offset) {
  septet::counter c;
  EXPECT_TRUE(c.append("abc").ok());
  EXPECT_TRUE(c.append("\xE2\x82").ok());  // unfinished, not yet an error
  EXPECT_EQ(c.analysis().status, (result{errc::utf8_truncated, 3}));
  EXPECT_EQ(c.append("A"), (result{errc::utf8_truncated, 3}));
  EXPECT_EQ(c.append("more"), (result{errc::utf8_truncated, 3}));
  EXPECT_EQ(c.size(), 10U);
  septet_test::expect_same(c.analysis(), septet::analyze("abc\xE2\x82"
                                                         "Amore"));
  c.reset();
  EXPECT_TRUE(c.append(u8"ok").ok());
  EXPECT_EQ(c.analysis().units, 2U);
}

TEST(counter_test, options_are_honoured) {
  septet::options opts;
  opts.udh_octets = septet::udh_octets_16bit_reference;
  opts.boundary = septet::boundary_policy::grapheme;
  septet::counter c(opts);
  const std::string text = septet_test::repeat(septet_test::zhe, 65) + "e\xCC\x81\xCC\x81xyz";
  (void)c.append(text);
  septet_test::expect_same(c.analysis(), septet::analyze(text, opts));
  septet::options bad;
  bad.udh_octets = 200;
  EXPECT_EQ(septet::counter(bad).analysis().status.ec, errc::invalid_option);
}

TEST(counter_test, random_chunking_of_random_bytes_agrees_with_analyze) {
  const std::vector<std::string> pieces = {"a",
                                           "]",
                                           "\xE2\x82\xAC",
                                           "\r\n",
                                           "\xC3\xA9",
                                           "\xD0\xB6",
                                           "\xF0\x9F\x98\x80",
                                           "\xCC\x81",
                                           "\xF0\x9F\x87\xB8",
                                           "\xE2\x80\x8D",
                                           "\xFF",
                                           "\xC0\x80",
                                           "\xED\xA0\x80",
                                           "\xF0\x9F"};
  std::mt19937 rng(42);
  std::uniform_int_distribution<std::size_t> chunk(0, 9);
  for (int round = 0; round < 500; ++round) {
    const bool valid_only = round % 3 != 0;
    const std::string text =
        septet_test::random_text(rng, pieces, valid_only ? 10 : pieces.size(), 400);
    septet::options opts;
    opts.boundary =
        round % 2 == 0 ? septet::boundary_policy::grapheme : septet::boundary_policy::code_point;
    septet::counter c(opts);
    std::size_t pos = 0;
    while (pos < text.size()) {
      const std::size_t take = std::min(chunk(rng), text.size() - pos);
      (void)c.append(std::string_view(text).substr(pos, take));
      pos += take;
    }
    SCOPED_TRACE(round);
    septet_test::expect_same(c.analysis(), septet::analyze(text, opts));
  }
}

}  // namespace

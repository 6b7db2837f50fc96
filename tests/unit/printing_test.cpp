// Printing: every value an integrator reaches for prints by its stable name, and a failed result
// says what its count means.
#include <gtest/gtest.h>

#include <septet/septet.hpp>
#include <sstream>
#include <string>

namespace {

template <class T>
auto shown(const T& value) -> std::string {
  std::ostringstream out;
  out << value;
  return out.str();
}

TEST(Printing, EncodingsAndErrorsPrintTheirNames) {
  EXPECT_EQ(shown(septet::analyze("Hi").encoding), "gsm7");
  EXPECT_EQ(shown(septet::analyze("Hi 😀").encoding), "ucs2");
  EXPECT_EQ(shown(septet::errc::utf8_truncated), "utf8_truncated");
}

TEST(Printing, AResultSaysWhatItsCountIs) {
  EXPECT_EQ(shown(septet::result{}), "ok");
  const auto bad = septet::analyze(std::string_view("ab\xC3", 3));
  EXPECT_EQ(shown(bad.status), "utf8_truncated at 2");
  EXPECT_EQ(septet::to_string(bad.status), "utf8_truncated at 2");
  EXPECT_EQ(shown(septet::result{septet::errc::output_too_small, 12}),
            "output_too_small: needs 12");
  EXPECT_EQ(shown(septet::result{septet::errc::missing_part, 2}), "missing_part: part 2");
}

TEST(Printing, AnAnalysisReadsAsASentence) {
  EXPECT_EQ(shown(septet::analyze("Hello")), "gsm7, 5 characters, 5 units, 1 part, 155 units left");
  EXPECT_EQ(shown(septet::analyze("Hi 😀")),
            "ucs2, 4 characters, 5 units, 1 part, 65 units left, first non-GSM U+1F600 at byte 3");
  EXPECT_EQ(shown(septet::analyze(std::string(2001, 'x'))),
            "gsm7, 2001 characters, 2001 units, 14 parts, 141 units left, over the limit: "
            "body_too_long at 2000");
}

TEST(Printing, PartsAndTheirText) {
  const std::string text = std::string(152, 'a') + "€bbbbbbbbbb";
  const auto parts = septet::segment(text);
  ASSERT_TRUE(parts.ok());
  ASSERT_EQ(parts->size(), 2U);
  // 152 septets, and the € (2 septets) does not fit beside them: an escape pair is never split,
  // so it opens part 2.
  EXPECT_EQ(shown(parts.value()[0]), "bytes [0, 152), 152 units");
  EXPECT_EQ(septet::part_text(text, parts.value()[0]), std::string(152, 'a'));
  EXPECT_EQ(septet::part_text(text, parts.value()[1]), "€bbbbbbbbbb");
  EXPECT_EQ(shown(parts.value()[1]), "bytes [152, 165), 12 units");
  static_assert(septet::part_text(std::string_view("abc"), septet::part{1, 3, 2}) == "bc");
}

#if defined(__cpp_lib_format)
TEST(Printing, FormatPrintsTheSame) {
  const auto a = septet::analyze("Hello");
  EXPECT_EQ(std::format("{}", a), shown(a));
  EXPECT_EQ(std::format("{}", a.status), "ok");
}
#endif

}  // namespace

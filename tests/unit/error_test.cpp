// The error table: every code has its own stable name and a category, and the names are what
// JSON output and the WebAssembly module show.
#include <gtest/gtest.h>

#include <array>
#include <septet/error.hpp>
#include <septet/message_template.hpp>
#include <septet/septet.hpp>
#include <set>
#include <string>

namespace {

using septet::errc;
using septet::error_category;

TEST(ErrorTable, NamesAreUniqueAndDescribed) {
  std::set<std::string_view> names;
  for (const auto& entry : septet::detail::error_table) {
    EXPECT_EQ(septet::name(entry.code), entry.name);
    EXPECT_FALSE(septet::to_string(entry.code).empty());
    EXPECT_TRUE(names.insert(entry.name).second) << entry.name;
  }
  EXPECT_EQ(septet::name(errc::utf8_truncated), "utf8_truncated");
  EXPECT_EQ(septet::to_string(errc::missing_part), "part missing from the concatenated message");
  EXPECT_EQ(septet::name(static_cast<errc>(200)), "unknown");
}

TEST(ErrorTable, EachCodeBelongsToItsLayer) {
  EXPECT_EQ(septet::category(errc::ok), error_category::none);
  EXPECT_EQ(septet::category(errc::utf16_unpaired_surrogate), error_category::encoding);
  EXPECT_EQ(septet::category(errc::body_too_long), error_category::limit);
  EXPECT_EQ(septet::category(errc::invalid_udh), error_category::wire);
  EXPECT_EQ(septet::category(errc::duplicate_part), error_category::reassembly);
  EXPECT_EQ(septet::category(errc::invalid_msisdn), error_category::address);
  EXPECT_EQ(septet::category(errc::unmatched_parameter), error_category::parameters);
  static_assert(septet::is_encoding_error(errc::invalid_code_point));
  static_assert(!septet::is_encoding_error(errc::invalid_option));
}

}  // namespace

namespace {

// Each reading of result::count has a name: the offset of a problem, the size an output needs,
// the number of a part, what a call counted.
static_assert(septet::analyze("ab\xC3").status.offset() == 2);
static_assert(septet::check("abc").ok());

TEST(ResultAccessors, NameWhatTheCountMeans) {
  std::array<septet::part, 1> one{};
  const auto parts = septet::segment(std::string(400, 'a'), one);
  EXPECT_EQ(parts.ec, septet::errc::output_too_small);
  EXPECT_EQ(parts.needed(), 3U);
  std::array<septet::part, 3> three{};
  const auto written = septet::segment(std::string(400, 'a'), three);
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(written.counted(), 3U);
  const auto encoded = septet::encode_parts(std::string(400, 'z')).value();
  const std::array<septet::received_part, 2> first_and_last = {
      septet::received_part{encoded[0].bytes(), encoded[0].data_coding, true, encoded[0].udl,
                            septet::septet_form::packed},
      septet::received_part{encoded[2].bytes(), encoded[2].data_coding, true, encoded[2].udl,
                            septet::septet_form::packed}};
  const auto text = septet::reassemble(first_and_last);
  EXPECT_EQ(text.error().ec, septet::errc::missing_part);
  EXPECT_EQ(text.error().part_number(), 2U);
}

// outcome<T> reads like std::expected<T, result>, and a failed one's value is never a silent "".
TEST(Outcome, IsShapedLikeExpected) {
  const auto number = septet::parse_msisdn("+46 70-123 45 67");
  ASSERT_TRUE(number.has_value());
  EXPECT_TRUE(static_cast<bool>(number));
  EXPECT_EQ(number->digits(), "46701234567");
  EXPECT_EQ((*number).digits(), "46701234567");
  EXPECT_EQ(number.value().digits(), "46701234567");
  EXPECT_EQ(number.error().counted(), 11U);  // ok, with the call's count

  const auto bad = septet::parse_msisdn("+46 70x");
  ASSERT_FALSE(bad.has_value());
  EXPECT_FALSE(static_cast<bool>(bad));
  EXPECT_EQ(bad.error().ec, errc::invalid_msisdn);
  EXPECT_EQ(bad.error().offset(), 6U);
  EXPECT_EQ(bad.value_or(septet::msisdn{}).digits(), "");
}

TEST(Outcome, ReadingAFailedValueThrowsWithTheFailure) {
  const auto tmpl = septet::message_template::parse("Hi ${name}").value();
  const auto recipient = septet::parse_msisdn("+46701234567").value();
  const auto text = septet::render(tmpl, septet::no_parameters{}, recipient);
  ASSERT_FALSE(text.has_value());
  try {
    (void)text.value();
    ADD_FAILURE() << "value() of a failed outcome returned";
  } catch (const septet::bad_outcome_access& e) {
    EXPECT_EQ(e.error().ec, errc::unmatched_parameter);
    EXPECT_EQ(e.error().offset(), 3U);
  }
  EXPECT_THROW((void)*text, septet::bad_outcome_access);
  EXPECT_THROW((void)text->size(), septet::bad_outcome_access);
  EXPECT_THROW((void)septet::render(tmpl, septet::no_parameters{}, recipient).value(),
               septet::bad_outcome_access);
}

TEST(Outcome, ValueOfATemporaryOutlivesIt) {
  std::size_t parts = 0;
  for (const auto& p : septet::segment(std::string(400, 'a')).value()) {  // ASan: no dangling
    parts += p.units > 0 ? 1 : 0;
  }
  EXPECT_EQ(parts, 3U);
}

static_assert(septet::parse_msisdn("+46701234567")->digits() == "46701234567");
static_assert(!septet::parse_msisdn("+0").has_value());

}  // namespace

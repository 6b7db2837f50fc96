// Rows of docs/robustness.md that no other test covers.
#include <gtest/gtest.h>

#include <septet/septet.hpp>
#include <string>

namespace {

using septet::errc;
using septet::result;

TEST(robustness_test, nul_bytes_are_characters_not_terminators) {
  const std::string text("a\0b", 3);
  const auto a = septet::analyze(text);
  EXPECT_EQ(a.characters, 3U);
  EXPECT_EQ(a.encoding, septet::encoding::ucs2);  // U+0000 is not a GSM character
  EXPECT_EQ(a.first_non_gsm->offset, 1U);
  const auto septets = septet::gsm7::encode("@@@");
  ASSERT_TRUE(septets.ok());
  EXPECT_EQ(septets.value(), (std::vector<std::uint8_t>{0, 0, 0}));  // '@' is septet 0x00
  EXPECT_EQ(septet::gsm7::decode(septets.value()).value(), "@@@");
}

TEST(robustness_test, ten_megabyte_body_is_counted_and_refused_without_truncation) {
  const std::string body(10U << 20U, 'x');
  const auto a = septet::analyze(body);
  EXPECT_TRUE(a.ok());
  EXPECT_EQ(a.characters, body.size());
  EXPECT_EQ(a.limits, (result{errc::body_too_long, 2000}));
  EXPECT_EQ(septet::segment(body).error(), (result{errc::body_too_long, 2000}));
  septet::options uncapped;
  uncapped.max_characters = 0;
  EXPECT_EQ(septet::check(body, uncapped), (result{errc::too_many_parts, 255U * 153U}));
  EXPECT_EQ(septet::encode_parts(body, septet::encode_options{uncapped}).error().ec,
            errc::too_many_parts);
  uncapped.max_parts = 0;
  EXPECT_EQ(septet::analyze(body, uncapped).parts, (body.size() + 152) / 153);
}

TEST(robustness_test, every_malformed_utf8_kind_has_its_own_error) {
  EXPECT_EQ(septet::check("ok\x80").ec, errc::utf8_invalid_lead);
  EXPECT_EQ(septet::check("ok\xC3").ec, errc::utf8_truncated);
  EXPECT_EQ(septet::check("ok\xE0\x80\x80").ec, errc::utf8_overlong);
  EXPECT_EQ(septet::check("ok\xED\xA0\x80").ec, errc::utf8_surrogate);
  EXPECT_EQ(septet::check("ok\xF4\x90\x80\x80").ec, errc::utf8_out_of_range);
  for (const auto* text : {"ok\x80", "ok\xC3", "ok\xE0\x80\x80", "ok\xED\xA0\x80"}) {
    EXPECT_EQ(septet::check(text).count, 2U) << text;
  }
}

TEST(robustness_test, char_arrays_end_at_their_nul_or_their_end) {
  const char unterminated[3] = {'a', 'b', 'c'};
  EXPECT_EQ(septet::analyze(unterminated).characters, 3U);  // not a byte past the array
  const char buffer[16] = "hi";
  EXPECT_EQ(septet::analyze(buffer).characters, 2U);
  const char16_t wide[2] = {u'x', u'y'};
  EXPECT_EQ(septet::analyze(wide).characters, 2U);
}

TEST(robustness_test, bad_wire_input_is_typed) {
  const std::vector<std::uint8_t> odd = {0x00, 0x41, 0x00};
  EXPECT_EQ(septet::decode_part({odd, 0x08, false}, std::span<char>{}).ec, errc::invalid_user_data);
  const std::vector<std::uint8_t> septets = {0x41, 0x9F};
  EXPECT_EQ(septet::gsm7::decode(septets).error(), (result{errc::invalid_septet, 1}));
  const std::vector<std::uint8_t> udh_past_end = {0x0B, 0x00, 0x03, 0x01};
  EXPECT_EQ(septet::decode_part({udh_past_end, 0x00, true}, std::span<char>{}).ec,
            errc::invalid_udh);
  const std::vector<std::uint8_t> binary = {0x01, 0x02};
  EXPECT_EQ(septet::decode_part({binary, 0x04, false}, std::span<char>{}).ec,
            errc::unsupported_data_coding);
  const std::vector<std::uint8_t> short_for_udl = {0x41};
  EXPECT_EQ(septet::decode_part({short_for_udl, 0x00, false, 5}, std::span<char>{}).ec,
            errc::invalid_user_data);
}

}  // namespace

namespace {

TEST(robustness_test, ten_thousand_placeholders_parse_render_and_count_linearly) {
  std::string body;
  for (int i = 0; i < 10'000; ++i) {
    body += "${k" + std::to_string(i % 100) + "} ";
  }
  const auto tmpl = septet::message_template::parse(body);
  ASSERT_TRUE(tmpl.ok()) << septet::to_string(tmpl.error().ec);
  septet::parameter_table params;
  for (int k = 0; k < 100; ++k) {
    ASSERT_TRUE(
        params.set(std::string("k").append(std::to_string(k)), "default", "\xE2\x82\xAC").ok());
  }
  const auto recipient = septet::parse_msisdn("+46701234567").value();
  const auto text = septet::render(tmpl.value(), params, recipient);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->size(), 10'000U * 4U);  // "€ " each
  const auto streamed = septet::analyze_rendered(tmpl.value(), params, recipient);
  const auto direct = septet::analyze(text.value());
  EXPECT_EQ(streamed.units, 30'000U);  // € is an extension character: 2 septets, plus the space
  EXPECT_EQ(streamed.units, direct.units);
  EXPECT_EQ(streamed.parts, direct.parts);
  EXPECT_EQ(direct.limits.ec, septet::errc::body_too_long);                 // reported, never cut
  EXPECT_EQ(septet::analyze(body).limits.ec, septet::errc::body_too_long);  // the template too
}

}  // namespace

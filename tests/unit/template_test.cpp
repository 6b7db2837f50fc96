#include <gtest/gtest.h>

#include <septet/septet.hpp>
#include <string>
#include <vector>

namespace {

using septet::errc;
using septet::result;

auto number(std::string_view text) -> septet::msisdn {
  const auto parsed = septet::parse_msisdn(text);
  EXPECT_TRUE(parsed.ok()) << text;
  return parsed.value();
}

TEST(template_test, msisdn_forms_normalise_to_digits) {
  for (const auto* form : {"+46701234567", "46701234567", "0046701234567", "+46 70-123 45 67",
                           "(+46) 70 123 45 67", "00 46 70 123 45 67", " +46[70]1234567 "}) {
    const auto parsed = septet::parse_msisdn(form);
    ASSERT_TRUE(parsed.ok()) << form;
    EXPECT_EQ(parsed->digits(), "46701234567") << form;
  }
  EXPECT_EQ(septet::parse_msisdn("+1").error(), (result{errc::invalid_msisdn, 2}));
  EXPECT_EQ(septet::parse_msisdn("").error(), (result{errc::invalid_msisdn, 0}));
  EXPECT_EQ(septet::parse_msisdn("+4670123456x").error(), (result{errc::invalid_msisdn, 11}));
  EXPECT_EQ(septet::parse_msisdn("4670+1234567").error(), (result{errc::invalid_msisdn, 4}));
  EXPECT_EQ(septet::parse_msisdn("+1234567890123456").error(), (result{errc::invalid_msisdn, 16}));
  EXPECT_TRUE(septet::parse_msisdn("+123456789012345").ok());  // 15 digits, the E.164 maximum
  // No country code starts with 0: a national number, or '+' followed by "00", is refused.
  EXPECT_EQ(septet::parse_msisdn("0701234567").error(), (result{errc::invalid_msisdn, 0}));
  EXPECT_EQ(septet::parse_msisdn("+0012345678").error(), (result{errc::invalid_msisdn, 1}));
  EXPECT_EQ(septet::parse_msisdn("000046701234567").error(), (result{errc::invalid_msisdn, 2}));
  static_assert(septet::parse_msisdn("+46 70 123 45 67").value().digits() == "46701234567");
}

TEST(template_test, placeholder_syntax_errors_have_offsets) {
  EXPECT_EQ(septet::check_template("Hi ${name}!"), (result{errc::ok, 1}));
  EXPECT_EQ(septet::check_template("Costs $5, ${a}${b.c-d_e}"), (result{errc::ok, 2}));
  EXPECT_EQ(septet::check_template("Hi ${name"), (result{errc::unterminated_placeholder, 3}));
  EXPECT_EQ(septet::check_template("Hi ${"), (result{errc::unterminated_placeholder, 3}));
  EXPECT_EQ(septet::check_template("Hi ${}"), (result{errc::invalid_placeholder, 3}));
  EXPECT_EQ(septet::check_template("Hi ${bad key}"), (result{errc::invalid_placeholder, 8}));
  EXPECT_EQ(septet::check_template("${abcdefghijklmnopq}"), (result{errc::key_too_long, 18}));
  EXPECT_EQ(septet::check_template("${abcdefghijklmnop}"), (result{errc::ok, 1}));  // 16 chars
  static_assert(septet::check_template("${x} and ${y}").count == 2);
  // A template must be valid UTF-8 (a Latin-1 byte is not).
  EXPECT_EQ(septet::check_template("K\xF6ln ${x}"), (result{errc::utf8_invalid_lead, 1}));
}

TEST(template_test, literal_templates_are_checked_at_compile_time) {
  constexpr septet::message_template greeting = "Hello ${name}!";
  static_assert(greeting.placeholders() == 1);
  EXPECT_EQ(greeting.body(), "Hello ${name}!");
  EXPECT_FALSE(septet::message_template::parse("Hello ${").ok());
}

// Sinch's documented dry-run example: name = John for one number, default "there".
TEST(template_test, render_per_recipient_with_default) {
  septet::parameter_table params;
  ASSERT_TRUE(params.set("name", "+12017777777", "John").ok());
  ASSERT_TRUE(params.set("name", "default", "there").ok());
  const septet::message_template tmpl = "Hello ${name}!";
  EXPECT_EQ(septet::render(tmpl, params, number("12017777777")).value(), "Hello John!");
  EXPECT_EQ(septet::render(tmpl, params, number("+1 201 888 8888")).value(), "Hello there!");
  EXPECT_EQ(septet::render(tmpl, params, number("0012017777777")).value(), "Hello John!");
}

TEST(template_test, missing_value_without_default_fails_that_recipient_alone) {
  septet::parameter_table params;
  ASSERT_TRUE(params.set("code", "+12017777777", "1234").ok());
  const septet::message_template tmpl = "Your code: ${code}";
  EXPECT_EQ(septet::render(tmpl, params, number("12017777777")).value(), "Your code: 1234");
  EXPECT_EQ(septet::render(tmpl, params, number("12018888888")).error(),
            (result{errc::unmatched_parameter, 11}));
  // Keys are case sensitive.
  const septet::message_template other_case = "Your code: ${Code}";
  EXPECT_EQ(septet::render(other_case, params, number("12017777777")).error().ec,
            errc::unmatched_parameter);
}

TEST(template_test, values_are_inserted_verbatim_never_expanded) {
  septet::parameter_table params;
  ASSERT_TRUE(params.set("a", "default", "${b} costs $5").ok());
  ASSERT_TRUE(params.set("b", "default", "never").ok());
  const septet::message_template tmpl = "[${a}]";
  EXPECT_EQ(septet::render(tmpl, params, number("12017777777")).value(), "[${b} costs $5]");
}

TEST(template_test, sinch_limits_on_keys_and_values) {
  septet::parameter_table params;
  EXPECT_EQ(params.set("abcdefghijklmnopq", "default", "x").ec, errc::key_too_long);
  EXPECT_EQ(params.set("bad key", "default", "x").ec, errc::invalid_placeholder);
  EXPECT_EQ(params.set("k", "+1", "x").ec, errc::invalid_msisdn);
  EXPECT_TRUE(params.set("k", "default", std::string(160, 'v')).ok());
  EXPECT_EQ(params.set("k", "default", std::string(161, 'v')), (result{errc::value_too_long, 160}));
  // 80 emoji are 160 UTF-16 units: allowed; one more 'v' is over.
  std::string emoji;
  for (int i = 0; i < 80; ++i) {
    emoji += "\xF0\x9F\x98\x80";
  }
  EXPECT_TRUE(params.set("k", "default", emoji).ok());
  EXPECT_EQ(params.set("k", "default", emoji + "v"), (result{errc::value_too_long, 320}));
  EXPECT_EQ(params.set("k", "default", "bad \xFF").ec, errc::utf8_invalid_lead);
}

TEST(template_test, lenient_rules_send_what_only_the_older_guide_refused) {
  constexpr auto lenient = septet::placeholder_rules::lenient;
  // A "${" that opens no well-formed placeholder is literal text; the scan goes on after it.
  EXPECT_EQ(septet::check_template("Hi ${name", lenient), (result{errc::ok, 0}));
  EXPECT_EQ(septet::check_template("Hi ${}", lenient), (result{errc::ok, 0}));
  EXPECT_EQ(septet::check_template("${bad key} ${x}", lenient), (result{errc::ok, 1}));
  EXPECT_EQ(septet::check_template("${${x}}", lenient), (result{errc::ok, 1}));
  EXPECT_EQ(septet::check_template("${abcdefghijklmnopq}", lenient), (result{errc::ok, 1}));
  EXPECT_EQ(septet::check_template("K\xF6ln", lenient).ec, errc::utf8_invalid_lead);
  std::vector<std::string> pieces;
  const auto scanned = septet::scan_template(
      "a ${ b ${k} ${c d}", [&](std::string_view t) { pieces.emplace_back(t); },
      [&](std::string_view key, std::size_t at) {
        std::string piece(1, '<');
        piece.append(key).append(1, '@').append(std::to_string(at)).append(1, '>');
        pieces.push_back(piece);
      },
      lenient);
  EXPECT_EQ(scanned, (result{errc::ok, 1}));
  EXPECT_EQ(pieces, (std::vector<std::string>{"a ${ b ", "<k@7>", " ${c d}"}));
  // Keys and values of any length; the rendered text is exactly the template with values in.
  septet::parameter_table params(lenient);
  EXPECT_TRUE(params.set("abcdefghijklmnopq", "default", std::string(161, 'v')).ok());
  EXPECT_EQ(params.set("k", "default", "bad \xFF").ec, errc::utf8_invalid_lead);
  const std::string body = "${abcdefghijklmnopq} ${ ${";
  const auto tmpl = septet::message_template::parse(body, lenient);
  ASSERT_TRUE(tmpl.ok());
  const auto rendered = septet::render(tmpl.value(), params, septet::msisdn{});
  EXPECT_EQ(rendered.value(), std::string(161, 'v') + " ${ ${");
  // The strict rules stay the default.
  EXPECT_FALSE(septet::message_template::parse(body).ok());
}

TEST(template_test, analyze_rendered_equals_analyze_of_the_rendered_text) {
  septet::parameter_table params;
  ASSERT_TRUE(params.set("name", "+12017777777", "Zo\xC3\xAB \xF0\x9F\x98\x80").ok());
  ASSERT_TRUE(params.set("name", "default", "there").ok());
  const septet::message_template tmpl = "Hello ${name}! Your order {42} is ready.";
  for (const auto* who : {"12017777777", "12019999999"}) {
    const auto recipient = number(who);
    const auto text = septet::render(tmpl, params, recipient);
    ASSERT_TRUE(text.ok());
    const auto direct = septet::analyze(text.value());
    const auto streamed = septet::analyze_rendered(tmpl, params, recipient);
    EXPECT_EQ(streamed.encoding, direct.encoding) << who;
    EXPECT_EQ(streamed.units, direct.units) << who;
    EXPECT_EQ(streamed.parts, direct.parts) << who;
    EXPECT_EQ(streamed.first_non_gsm, direct.first_non_gsm) << who;
  }
  EXPECT_EQ(septet::analyze_rendered(tmpl, septet::no_parameters{}, number("12017777777")).status,
            (result{errc::unmatched_parameter, 6}));
}

}  // namespace

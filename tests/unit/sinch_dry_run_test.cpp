#include <gtest/gtest.h>

#include <septet/sinch/dry_run.hpp>
#include <string>
#include <utility>

namespace {

using nlohmann::json;

// Sinch's own example (the mock server behind their SDKs, .NET variant of the expected answer).
TEST(sinch_dry_run_test, sinch_documented_example) {
  const auto request = json::parse(R"({
    "from": "+12015555555",
    "to": ["+12017777777", "+12018888888", "+12019999999"],
    "parameters": {"name": {"+12017777777": "John", "default": "there"}},
    "body": "Hello ${name}!",
    "delivery_report": "none",
    "type": "mt_text"})");
  const auto expected = json::parse(R"({
    "number_of_recipients": 3,
    "number_of_messages": 3,
    "per_recipient": [
      {"recipient": "12017777777", "body": "Hello John!", "number_of_parts": 1, "encoding": "text"},
      {"recipient": "12019999999", "body": "Hello there!", "number_of_parts": 1, "encoding": "text"},
      {"recipient": "12018888888", "body": "Hello there!", "number_of_parts": 1, "encoding": "text"}]})");
  const auto result = septet::sinch::dry_run(request, {.per_recipient = true});
  ASSERT_FALSE(result.error.has_value());
  EXPECT_TRUE(result.failures.empty());
  const auto got = nlohmann::json::parse(result.to_json(true).dump());
  EXPECT_EQ(got["number_of_recipients"], expected["number_of_recipients"]);
  EXPECT_EQ(got["number_of_messages"], expected["number_of_messages"]);
  // Sinch's example lists recipients in no documented order; compare as sets.
  auto sorted = [](json list) {
    std::sort(list.begin(), list.end(),
              [](const json& a, const json& b) { return a["recipient"] < b["recipient"]; });
    return list;
  };
  EXPECT_EQ(sorted(got["per_recipient"]), sorted(expected["per_recipient"]));
  EXPECT_FALSE(result.to_json(false).contains("per_recipient"));
}

TEST(sinch_dry_run_test, unicode_and_parts_per_recipient) {
  const auto request = json::parse(R"({
    "to": ["46701234567", "46701234568"],
    "parameters": {"x": {"46701234567": "\u2603", "default": "snow"}},
    "body": "Weather: ${x}"})");
  const auto result = septet::sinch::dry_run(request, {.per_recipient = true});
  ASSERT_FALSE(result.error.has_value());
  ASSERT_EQ(result.per_recipient.size(), 2U);
  const auto j = result.to_json(true);
  EXPECT_EQ(j["per_recipient"][0]["encoding"].get<std::string>(), "unicode");
  EXPECT_EQ(j["per_recipient"][1]["encoding"].get<std::string>(), "text");
  const auto long_body = json{{"to", {"46701234567"}}, {"body", std::string(161, 'a')}};
  EXPECT_EQ(septet::sinch::dry_run(long_body).number_of_messages, 2U);
}

TEST(sinch_dry_run_test, recipients_fail_alone_with_sinch_codes) {
  const auto request = json::parse(R"({
    "to": ["+46701234567", "+46701234568", "+46701234569"],
    "parameters": {"code": {"+46701234567": "1234", "+46701234569": "a long enough value"}},
    "body": "Code ${code} ${code} ${code} ${code} ${code} ${code} ${code} ${code} ${code} ${code}",
    "max_number_of_message_parts": 1})");
  const auto result = septet::sinch::dry_run(request, {.per_recipient = true});
  ASSERT_FALSE(result.error.has_value());
  EXPECT_EQ(result.number_of_recipients, 3U);
  EXPECT_EQ(result.number_of_messages, 1U);
  ASSERT_EQ(result.failures.size(), 2U);
  EXPECT_EQ(result.failures[0].recipient, "46701234568");
  EXPECT_EQ(result.failures[0].code, septet::sinch::code_unmatched_parameter);
  EXPECT_EQ(result.failures[1].recipient, "46701234569");
  EXPECT_EQ(result.failures[1].code, septet::sinch::code_exceeded_parts_limit);
}

TEST(sinch_dry_run_test, requests_sinch_would_refuse) {
  const auto code_of = [](const json& request) {
    const auto r = septet::sinch::dry_run(request);
    return r.error ? r.error->code : std::string("accepted");
  };
  EXPECT_EQ(code_of(json::parse(R"({"to": ["+1"], "body": "x"})")),
            "syntax_invalid_parameter_format");
  EXPECT_EQ(septet::sinch::dry_run(json::parse(R"({"to": ["+1"], "body": "x"})")).error->text,
            "The format of parameter 'to[0]' is invalid; value '+1' is not a valid MSISDN or "
            "group ID.");
  EXPECT_EQ(code_of(json::parse(R"({"to": [], "body": "x"})")), "syntax_constraint_violation");
  EXPECT_EQ(code_of(json::parse(R"({"to": ["46701234567"]})")), "syntax_constraint_violation");
  EXPECT_EQ(code_of(json{{"to", {"46701234567"}}, {"body", std::string(2001, 'a')}}),
            "syntax_constraint_violation");
  EXPECT_EQ(code_of(json{{"to", {"46701234567"}}, {"body", std::string(2000, 'a')}}), "accepted");
  // The cap applies to the template as sent: a placeholder may grow the body past 2000.
  EXPECT_EQ(code_of(json{{"to", {"46701234567"}},
                         {"parameters", {{"v", {{"default", std::string(160, 'b')}}}}},
                         {"body", std::string(1990, 'a') + "${v}"}}),
            "accepted");
  json many = {{"body", "x"}, {"to", json::array()}};
  for (int i = 0; i < 1001; ++i) {
    many["to"].push_back("4670" + std::to_string(1000000 + i));
  }
  EXPECT_EQ(code_of(many), "syntax_constraint_violation");
  EXPECT_EQ(septet::sinch::dry_run(many, {.enforce_batch_limit = false}).number_of_messages, 1001U);
  // Sinch's documents say nothing of a "${" that opens no placeholder: it is sent as written.
  EXPECT_EQ(code_of(json::parse(R"({"to": ["46701234567"], "body": "Hi ${"})")), "accepted");
  EXPECT_EQ(code_of(json::parse(R"({"to": ["46701234567"], "body": "Hi ${a b}"})")), "accepted");
  // An mt_binary body needs its udh (and is Base64); a valid one is refused only as uncounted.
  EXPECT_EQ(code_of(json::parse(R"({"to": ["46701234567"], "body": "x", "type": "mt_binary"})")),
            "syntax_constraint_violation");
  EXPECT_EQ(code_of(json::parse(
                R"({"to": ["46701234567"], "body": "x", "type": "mt_binary", "udh": "0500"})")),
            "syntax_invalid_parameter_format");
  EXPECT_EQ(code_of(json::parse(R"([1, 2])")), "syntax_invalid_json");
  // Wrongly typed fields are errors, never exceptions: JSON that does not conform to the API
  // (seed 001's syntax_invalid_json), as the sandbox answers.
  EXPECT_EQ(code_of(json::parse(R"({"type": 1, "to": ["46701234567"], "body": "x"})")),
            "syntax_invalid_json");
  // A body of the wrong type is named as such, not as missing.
  const auto five = septet::sinch::dry_run(json::parse(R"({"to": ["46701234567"], "body": 5})"));
  ASSERT_TRUE(five.error);
  EXPECT_EQ(five.error->code, "syntax_invalid_json");
  EXPECT_EQ(five.error->text, "The parameter 'body' must be a string.");
  EXPECT_EQ(code_of(json::parse(R"({"to": ["46701234567"]})")), "syntax_constraint_violation");
  EXPECT_EQ(code_of(json::parse(R"({"to": "46701234567", "body": "x"})")), "syntax_invalid_json");
  EXPECT_EQ(code_of(json::parse(R"({"to": [7], "body": "x"})")), "syntax_invalid_json");
  EXPECT_EQ(code_of(json::parse(R"({"to": ["46701234567"], "body": "x", "parameters": []})")),
            "syntax_invalid_json");
  // Requests are read strictly by JSON type (read_mode::strict), by the sandbox as here: an
  // integer field takes a JSON integer, not a string of digits.
  EXPECT_EQ(code_of(json::parse(
                R"({"to": ["46701234567"], "body": "x", "max_number_of_message_parts": 2})")),
            "accepted");
  EXPECT_EQ(code_of(json::parse(
                R"({"to": ["46701234567"], "body": "x", "max_number_of_message_parts": "2"})")),
            "syntax_invalid_json");
}

// The dry run refuses what the client refuses before sending and the sandbox refuses (both call
// check_request), with the same error body: one rule book.
TEST(sinch_dry_run_test, refuses_what_check_request_refuses) {
  const auto base = json{{"to", {"46701234567"}}, {"body", "Hi"}};
  const std::pair<const char*, json> refused[] = {
      {"delivery_report", "bogus"},
      {"type", "mt_bogus"},
      {"send_at", "tomorrow"},
      {"expire_at", "2026-01-01T00:00:00Z"},
      {"callback_url", "ftp://example.com/reports"},
      {"callback_url", "https://example.com/a b"},
      {"client_reference", std::string(septet::sinch::max_client_reference + 1, 'r')},
      {"max_number_of_message_parts", 0},
  };
  for (const auto& [field, value] : refused) {
    auto request = base;
    request[field] = value;
    if (std::string(field) == "expire_at") {
      request["send_at"] = "2026-01-02T00:00:00Z";  // after expire_at
    }
    const auto typed = septet::sinch::read<septet::sinch::batch_request>(request);
    ASSERT_TRUE(typed.ok()) << request.dump();
    const auto expected = septet::sinch::check_request(typed.value);
    ASSERT_TRUE(expected) << request.dump();
    const auto result = septet::sinch::dry_run(request);
    ASSERT_TRUE(result.error) << request.dump();
    EXPECT_EQ(result.error_status, 400);
    EXPECT_EQ(result.error->code, expected->answer.code) << request.dump();
    EXPECT_EQ(result.error->text, expected->answer.text) << request.dump();
    EXPECT_EQ(result.number_of_recipients, 0U);
  }
  const auto bogus_report = septet::sinch::dry_run(
      json{{"to", {"46701234567"}}, {"body", "Hi"}, {"delivery_report", "bogus"}});
  EXPECT_EQ(bogus_report.error->code, "syntax_invalid_parameter_format");
  EXPECT_EQ(bogus_report.error->to_json().dump(),
            R"({"code":"syntax_invalid_parameter_format","text":"The format of parameter )"
            R"('delivery_report' is invalid; value 'bogus' is not one of none, summary, full, )"
            R"(per_recipient, per_recipient_final."})");
  // Sinch's other types pass the checks; only mt_text is counted offline.
  auto binary = base;
  binary["type"] = "mt_binary";
  binary["body"] = "SGk=";
  binary["udh"] = "0500";
  EXPECT_EQ(septet::sinch::dry_run(binary).error->text,
            "Offline dry run supports type 'mt_text' only, not 'mt_binary'.");
}

// Beyond Sinch's batch limit on purpose, every other rule still applies to every recipient.
TEST(sinch_dry_run_test, no_batch_limit_still_checks_every_recipient_and_field) {
  json many = {{"body", "x"}, {"to", json::array()}};
  for (int i = 0; i < 1200; ++i) {
    many["to"].push_back("4670" + std::to_string(1000000 + i));
  }
  const septet::sinch::dry_run_options unlimited{.enforce_batch_limit = false};
  EXPECT_EQ(septet::sinch::dry_run(many, unlimited).number_of_recipients, 1200U);
  auto bad_late = many;
  bad_late["to"][1100] = "+1";
  const auto late = septet::sinch::dry_run(bad_late, unlimited);
  ASSERT_TRUE(late.error);
  EXPECT_NE(late.error->text.find("'to[1100]'"), std::string::npos) << late.error->text;
  auto bad_field = many;
  bad_field["delivery_report"] = "bogus";
  EXPECT_EQ(septet::sinch::dry_run(bad_field, unlimited).error->code,
            "syntax_invalid_parameter_format");
}

TEST(sinch_dry_run_test, per_recipient_list_is_capped_like_sinch) {
  json request = {{"body", "x"}, {"to", json::array()}};
  for (int i = 0; i < 250; ++i) {
    request["to"].push_back("4670" + std::to_string(1000000 + i));
  }
  const auto result = septet::sinch::dry_run(request, {.per_recipient = true});
  EXPECT_EQ(result.per_recipient.size(), septet::sinch::default_per_recipient_limit);
  EXPECT_EQ(result.number_of_messages, 250U);
}

TEST(sinch_dry_run_test, group_ids_are_recipients_counted_only_with_a_resolver) {
  const std::string group = "01FC66621XXXXX119Z8PMV1QPU";
  const auto request =
      json{{"to", {"+46701234567", group}},
           {"body", "Hi ${name}"},
           {"parameters", {{"name", {{"46709999991", "Ana"}, {"default", "you"}}}}}};

  // Offline: the group is accepted (not "not a valid MSISDN"), but its members are unknown.
  const auto offline = septet::sinch::dry_run(request, {.per_recipient = true});
  ASSERT_FALSE(offline.error) << offline.error->text;
  EXPECT_EQ(offline.number_of_recipients, 1U);
  EXPECT_EQ(offline.uncounted_groups, std::vector<std::string>{group});

  // With a resolver: the members are counted and rendered like any recipient.
  septet::sinch::dry_run_options opts{.per_recipient = true};
  opts.group_members = [&](std::string_view id) -> std::optional<std::vector<std::string>> {
    if (id == group) {
      return std::vector<std::string>{"46709999991", "46709999992"};
    }
    return std::nullopt;
  };
  const auto resolved = septet::sinch::dry_run(request, opts);
  ASSERT_FALSE(resolved.error);
  EXPECT_TRUE(resolved.uncounted_groups.empty());
  EXPECT_EQ(resolved.number_of_recipients, 3U);
  EXPECT_EQ(resolved.number_of_messages, 3U);
  ASSERT_EQ(resolved.per_recipient.size(), 3U);
  EXPECT_EQ(resolved.per_recipient[1].recipient, "46709999991");
  EXPECT_EQ(resolved.per_recipient[1].body, "Hi Ana");
  EXPECT_EQ(resolved.per_recipient[2].body, "Hi you");

  // An unknown group is Sinch's 403 unknown_group.
  auto unknown = request;
  unknown["to"][1] = "01FC66621XXXXX119Z8PMV1AAA";
  const auto refused = septet::sinch::dry_run(unknown, opts);
  ASSERT_TRUE(refused.error);
  EXPECT_EQ(refused.error->code, "unknown_group");
  EXPECT_EQ(refused.error_status, 403);
  // Still a 400 first when the request is also malformed.
  unknown["to"].push_back("+1");
  EXPECT_EQ(septet::sinch::dry_run(unknown, opts).error_status, 400);
}

}  // namespace

// Sinch's rules (sinch/rules.hpp) and request checks (sinch/request_checks.hpp) on their own:
// the verdict on one recipient, and each check's typed error and Sinch error body.
#include <gtest/gtest.h>

#include <septet/sinch/client.hpp>
#include <septet/sinch/request_checks.hpp>
#include <septet/sinch/rules.hpp>
#include <string>

namespace {

namespace sinch = septet::sinch;
using septet::errc;

auto batch(std::vector<std::string> to, std::string body) -> sinch::batch_request {
  sinch::batch_request r;
  r.to = std::move(to);
  r.body = std::move(body);
  return r;
}

TEST(SinchRules, OneRecipientIsSentOrFailsAloneWith405Or411) {
  const auto tmpl = septet::message_template::parse("Hi ${name}, ${tail}").value();
  septet::parameter_table params;
  ASSERT_TRUE(params.set("name", "default", "you").ok());
  ASSERT_TRUE(params.set("tail", "+46701234567", std::string(155, 'x')).ok());
  const auto counting = sinch::uncapped(septet::options{});
  const auto ana = septet::parse_msisdn("+46701234567").value();
  const auto bo = septet::parse_msisdn("+46709999999").value();

  const auto sent = sinch::evaluate_recipient(tmpl, params, ana, counting, 0);
  EXPECT_TRUE(sent.sent());
  EXPECT_EQ(sent.counted.parts, 2U);
  EXPECT_EQ(sent.code(), 0);
  const auto over = sinch::evaluate_recipient(tmpl, params, ana, counting, 1);
  EXPECT_EQ(over.status, sinch::recipient_status::exceeded_parts_limit);
  EXPECT_EQ(over.code(), sinch::code_exceeded_parts_limit);
  EXPECT_EQ(over.reason(), "exceeded_parts_limit");
  const auto unmatched = sinch::evaluate_recipient(tmpl, params, bo, counting, 0);
  EXPECT_EQ(unmatched.code(), sinch::code_unmatched_parameter);
  EXPECT_EQ(unmatched.reason(), "unmatched_parameter");
  EXPECT_EQ(unmatched.counted.status.count, 12U);  // the offset of ${tail} in the body
}

TEST(SinchRequestChecks, CoreErrorsOnlyWhereACoreCheckFailed) {
  const auto none = sinch::check_request(batch({}, "hi"));
  ASSERT_TRUE(none);
  EXPECT_EQ(none->field, "to");
  EXPECT_FALSE(none->core);  // Sinch's own rule: not an MSISDN error
  EXPECT_EQ(none->answer.code, "syntax_constraint_violation");

  const auto too_many = sinch::check_request(
      batch(std::vector<std::string>(sinch::max_recipients_per_batch + 1, "+46701234567"), "hi"));
  ASSERT_TRUE(too_many);
  EXPECT_FALSE(too_many->core);
  EXPECT_NE(too_many->answer.text.find("at most 1000"), std::string::npos);

  const auto bad_number = sinch::check_request(batch({"+46701234567", "12"}, "hi"));
  ASSERT_TRUE(bad_number);
  EXPECT_EQ(bad_number->field, "to[1]");
  ASSERT_TRUE(bad_number->core);
  EXPECT_EQ(bad_number->core->ec, errc::invalid_msisdn);
  EXPECT_EQ(bad_number->answer.code, "syntax_invalid_parameter_format");

  const auto long_body = sinch::check_request(batch({"+46701234567"}, std::string(2001, 'a')));
  ASSERT_TRUE(long_body && long_body->core);
  EXPECT_EQ(long_body->core->ec, errc::body_too_long);
  EXPECT_EQ(long_body->answer.code, "syntax_constraint_violation");
}

TEST(SinchRequestChecks, TheClientsFailureCarriesSinchsAnswer) {
  auto request = batch({"+46701234567"}, "hi");
  request.delivery_report = "bogus";
  const auto refused = sinch::validate(request);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->kind, sinch::failure_kind::invalid_request);
  EXPECT_EQ(refused->field, "delivery_report");
  EXPECT_TRUE(refused->status.ok());  // no core error to report
  EXPECT_EQ(refused->api.code, "syntax_invalid_parameter_format");
  EXPECT_NE(refused->api.text.find("per_recipient_final"), std::string::npos);
  EXPECT_EQ(refused->api.http_status, 0);  // nothing was sent
}

TEST(SinchRequestChecks, TypeAndScheduleAreSinchs) {
  auto request = batch({"+46701234567"}, "hi");
  request.type = "mt_bogus";
  auto refused = sinch::check_request(request);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->field, "type");
  EXPECT_NE(refused->answer.text.find("mt_text, mt_binary, mt_media"), std::string::npos);
  request.type = "mt_text";
  for (const char* field : {"send_at", "expire_at"}) {
    auto scheduled = request;
    (std::string_view(field) == "send_at" ? scheduled.send_at : scheduled.expire_at) = "tomorrow";
    refused = sinch::check_request(scheduled);
    ASSERT_TRUE(refused) << field;
    EXPECT_EQ(refused->field, field);
    EXPECT_EQ(refused->answer.code, "syntax_invalid_parameter_format");
  }
  request.send_at = "2030-01-01T12:00:00+01:00";
  request.expire_at = "2030-01-01T11:00:00Z";  // the same moment
  refused = sinch::check_request(request);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->answer.code, "syntax_constraint_violation");
  request.expire_at = "2030-01-01T11:00:00.001Z";
  EXPECT_FALSE(sinch::check_request(request));
}

/// The fields named by a list of warnings.
auto fields_of(const std::vector<sinch::request_warning>& warnings) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& w : warnings) {
    out.push_back(w.field);
  }
  return out;
}

TEST(SinchGroupChecks, CreateAndReplaceBodies) {
  sinch::group_request ok;
  ok.name = std::string(sinch::max_group_name, 'n');
  ok.members = {"+46701234567", "0046 70 123 45 68"};
  ok.child_groups = {"01FC66621XXXXX119Z8PMV1AHY"};
  EXPECT_FALSE(sinch::check_group_request(ok));
  EXPECT_FALSE(sinch::validate(ok));
  EXPECT_TRUE(sinch::group_warnings(ok).empty());

  auto bad_member = ok;
  bad_member.members.emplace_back("12");
  const auto member = sinch::check_group_request(bad_member);
  ASSERT_TRUE(member && member->core);
  EXPECT_EQ(member->field, "members[2]");
  EXPECT_EQ(member->core->ec, errc::invalid_msisdn);
  EXPECT_EQ(member->answer.code, "syntax_invalid_parameter_format");

  // A child group ID of any form goes to the server: seed 001's 403 unknown_group covers an ID
  // that "is invalid".
  auto children = ok;
  children.child_groups = {"not-a-group"};
  EXPECT_FALSE(sinch::check_group_request(children));

  // auto_update.to is a phone number or a short code; "12" is neither.
  auto auto_update = ok;
  auto_update.auto_update = sinch::group_auto_update{"12", {}, {}};
  const auto to = sinch::check_group_request(auto_update);
  ASSERT_TRUE(to);
  EXPECT_EQ(to->field, "auto_update.to");
  EXPECT_EQ(to->answer.code, "syntax_invalid_parameter_format");
  auto_update.auto_update->to = "+1 555 123 1234";
  EXPECT_FALSE(sinch::check_group_request(auto_update));
  // Keywords may arrive at a short code (seed 003: "E.164 or short codes").
  auto_update.auto_update->to = "72445";
  EXPECT_FALSE(sinch::check_group_request(auto_update));
  auto_update.auto_update->to = "7244x";
  EXPECT_TRUE(sinch::check_group_request(auto_update));
}

TEST(SinchGroupChecks, LimitsTheSeedsDoNotGiveAreWarnings) {
  sinch::group_request g;
  g.name = std::string(sinch::max_group_name + 1, 'n');
  g.members.assign(sinch::max_group_members + 1, "+46701234567");
  g.child_groups.assign(sinch::max_child_groups + 1, "01FC66621XXXXX119Z8PMV1AHY");
  g.auto_update = sinch::group_auto_update{"15551231234", {}, {}};
  g.auto_update->add = sinch::group_keywords{"JOIN", "news_2", {}};
  g.auto_update->remove =
      sinch::group_keywords{"two words", std::string(sinch::max_group_keyword + 1, 'k'), {}};
  EXPECT_FALSE(sinch::check_group_request(g));
  EXPECT_EQ(
      fields_of(sinch::group_warnings(g)),
      (std::vector<std::string>{"name", "members", "child_groups", "auto_update.remove.first_word",
                                "auto_update.remove.second_word"}));
  g.auto_update->remove->first_word = std::string(sinch::max_group_keyword, 'k');
  g.auto_update->remove->second_word.reset();
  EXPECT_EQ(fields_of(sinch::group_warnings(g)),
            (std::vector<std::string>{"name", "members", "child_groups"}));

  sinch::group_update u;
  u.name = std::string(sinch::max_group_name + 1, 'x');
  EXPECT_FALSE(sinch::check_group_update(u));
  EXPECT_EQ(fields_of(sinch::group_warnings(u)), std::vector<std::string>{"name"});
}

TEST(SinchGroupChecks, Updates) {
  sinch::group_update u;
  u.add = {"+46701234567"};
  u.remove = {"+46701234568"};
  u.name = sinch::nullable<std::string>::null();  // clearing is always allowed
  u.add_from_group = "01FC66621XXXXX119Z8PMV1AHY";
  EXPECT_FALSE(sinch::check_group_update(u));
  u.remove.emplace_back("+1");
  const auto bad = sinch::validate(u);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->kind, sinch::failure_kind::invalid_request);
  EXPECT_EQ(bad->field, "remove[1]");
  EXPECT_EQ(bad->status.ec, errc::invalid_msisdn);
  u.remove.pop_back();
  // The server answers a group reference it does not know (403 unknown_group), whatever its form.
  u.remove_from_group = "+46701234567";
  EXPECT_FALSE(sinch::check_group_update(u));
}

TEST(SinchRequestChecks, RequestsAreReadStrictlyByJsonType) {
  const auto refused = [](const std::string& text) {
    sinch::json body;
    sinch::batch_request out;
    return sinch::read_request(text, body, out);
  };
  const std::string to = R"("to": ["+46701234567"], "body": "Hi")";
  for (const auto& [field, value] : {std::pair{"to", R"([46701234567])"},
                                     {"max_number_of_message_parts", R"("3")"},
                                     {"max_number_of_message_parts", "2.0"},
                                     {"from_ton", R"("1")"},
                                     {"flash_message", R"("true")"},
                                     {"feedback_enabled", "1"},
                                     {"from", "46701234567"},
                                     {"parameters", R"({"name": {"default": 5}})"}}) {
    const auto text = field == std::string("to")
                          ? std::string(R"({"to": )") + value + R"(, "body": "Hi"})"
                          : "{" + to + R"(, ")" + field + R"(": )" + value + "}";
    const auto problem = refused(text);
    ASSERT_TRUE(problem) << text;
    EXPECT_EQ(problem->field, field);
    EXPECT_EQ(problem->answer.code, "syntax_invalid_json") << problem->answer.text;
  }
  // Sinch's responses are still read leniently: "3" is 3.
  const auto response = sinch::read<sinch::batch_request>(
      std::string("{") + to + R"(, "max_number_of_message_parts": "3"})");
  EXPECT_EQ(response.value.max_number_of_message_parts, 3);
  EXPECT_FALSE(refused("{" + to + "}"));
  const auto missing = refused(R"({"body": "Hi"})");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->field, "to");
  EXPECT_EQ(missing->answer.code, "syntax_constraint_violation");
  const auto not_object = refused(R"(["Hi"])");
  ASSERT_TRUE(not_object);
  EXPECT_EQ(not_object->answer.code, "syntax_invalid_json");
  // Groups too: auto_update.to is a string in a request, though a number in some responses.
  sinch::json body;
  sinch::group_request g;
  const auto number_to = sinch::read_request(R"({"auto_update": {"to": 15551231234}})", body, g);
  ASSERT_TRUE(number_to);
  EXPECT_EQ(number_to->field, "auto_update.to");
  EXPECT_EQ(number_to->answer.code, "syntax_invalid_json");
}

TEST(SinchRequestChecks, NumberingAndWhatEachTypeTakes) {
  auto r = batch({"+46701234567"}, "Hi");
  r.from_ton = sinch::max_from_ton;
  r.from_npi = sinch::max_from_npi;
  EXPECT_FALSE(sinch::check_request(r));
  r.from_ton = sinch::max_from_ton + 1;
  EXPECT_EQ(sinch::check_request(r)->field, "from_ton");
  EXPECT_EQ(sinch::check_request(r)->answer.code, "syntax_invalid_parameter_format");
  r.from_ton = -1;
  EXPECT_EQ(sinch::check_request(r)->field, "from_ton");
  r.from_ton.reset();
  r.from_npi = sinch::max_from_npi + 1;
  EXPECT_EQ(sinch::check_request(r)->field, "from_npi");

  auto binary = batch({"+46701234567"}, "SGVsbG8=");
  binary.type = "mt_binary";
  EXPECT_EQ(sinch::check_request(binary)->field, "udh");
  EXPECT_EQ(sinch::check_request(binary)->answer.code, "syntax_constraint_violation");
  binary.udh = "";
  EXPECT_EQ(sinch::check_request(binary)->answer.code, "syntax_invalid_parameter_format");
  binary.udh = "050003010201";
  EXPECT_FALSE(sinch::check_request(binary));
  binary.parameters = sinch::parameter_map{{"name", {{"default", "x"}}}};
  EXPECT_EQ(sinch::check_request(binary)->field, "parameters");
  binary.parameters.reset();
  binary.body = "not base64!";
  EXPECT_EQ(sinch::check_request(binary)->field, "body");

  auto media = batch({"+46701234567"}, "");
  media.type = "mt_media";
  media.media_body = sinch::json{{"message", "look"}};
  EXPECT_EQ(sinch::check_request(media)->field, "body.url");
  EXPECT_EQ(sinch::check_request(media)->answer.code, "syntax_constraint_violation");
  media.media_body = sinch::json("https://example.com/a.jpg");
  EXPECT_EQ(sinch::check_request(media)->answer.code, "syntax_invalid_json");
  media.media_body = sinch::json{{"url", "https://example.com/a.jpg"}};
  EXPECT_FALSE(sinch::check_request(media));
}

TEST(SinchRequestChecks, UpdateRecipientsAreNamedByTheirList) {
  const auto number = sinch::check_recipient_changes("to_add", sinch::json::parse("[123]"));
  ASSERT_TRUE(number);
  EXPECT_EQ(number->field, "to_add[0]");
  EXPECT_EQ(number->answer.code, "syntax_invalid_json");
  const auto bad =
      sinch::check_recipient_changes("to_remove", sinch::json::parse(R"(["+46701234567", "12"])"));
  ASSERT_TRUE(bad && bad->core);
  EXPECT_EQ(bad->field, "to_remove[1]");
  EXPECT_EQ(bad->answer.code, "syntax_invalid_parameter_format");
  EXPECT_NE(bad->answer.text.find("to_remove[1]"), std::string::npos);
  EXPECT_TRUE(sinch::check_recipient_changes("to_add", sinch::json::parse("{}")));
  EXPECT_FALSE(sinch::check_recipient_changes("to_add", sinch::json::parse(R"(["+46701234567"])")));
}

TEST(SinchGroupChecks, GroupIdsAreRecipientsAndUnknownOnesAre403) {
  EXPECT_TRUE(sinch::is_group_id("01FC66621XXXXX119Z8PMV1QPU"));
  EXPECT_FALSE(sinch::is_group_id("01FC66621XXXXX119Z8PMV1QP"));
  EXPECT_FALSE(sinch::check_request(batch({"01FC66621XXXXX119Z8PMV1QPU", "+46701234567"}, "hi")));
  const auto unknown = sinch::unknown_group("01FC66621XXXXX119Z8PMV1QPU");
  EXPECT_EQ(unknown.code, "unknown_group");
  EXPECT_NE(unknown.text.find("01FC66621XXXXX119Z8PMV1QPU"), std::string::npos);
  EXPECT_EQ(sinch::unknown_group_status, 403);
}

}  // namespace

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
  const auto tmpl = septet::message_template::parse("Hi ${name}, ${tail}").value;
  septet::parameter_table params;
  ASSERT_TRUE(params.set("name", "default", "you").ok());
  ASSERT_TRUE(params.set("tail", "+46701234567", std::string(155, 'x')).ok());
  const auto counting = sinch::uncapped(septet::options{});
  const auto ana = septet::parse_msisdn("+46701234567").value;
  const auto bo = septet::parse_msisdn("+46709999999").value;

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

}  // namespace

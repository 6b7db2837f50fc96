// The XMS JSON models against the shapes in Sinch's SDK fixtures and docs (sinch-api.md (b)).
#include <gtest/gtest.h>

#include <septet/sinch/client.hpp>
#include <septet/sinch/models.hpp>
#include <septet/sinch/webhook.hpp>
#include <string_view>

namespace sinch = septet::sinch;
using sinch::json;

namespace {

constexpr std::string_view send_request = R"({
  "to": ["+15551231234", "+15551256344"],
  "from": "+15551231234",
  "body": "Hi ${name} (${an_identifier}) ! How are you?",
  "type": "mt_text",
  "delivery_report": "none",
  "send_at": "2019-08-24T14:19:22Z",
  "expire_at": "2019-08-24T14:21:22Z",
  "callback_url": "https://my.callback.com",
  "client_reference": "myReference",
  "feedback_enabled": false,
  "flash_message": true,
  "truncate_concat": true,
  "max_number_of_message_parts": 1,
  "from_ton": 6,
  "from_npi": 18,
  "parameters": {
    "name": {"15551231234": "name value for 15551231234", "default": "default value"},
    "an_identifier": {"15551256344": "an identifier value for 15551256344"}
  }
})";

TEST(SinchModels, SendRequestReadsEveryField) {
  const auto r = sinch::read<sinch::batch_request>(send_request);
  ASSERT_TRUE(r.ok()) << r.error->message();
  const auto& b = r.value;
  EXPECT_EQ(b.type, "mt_text");
  EXPECT_EQ(b.to, (std::vector<std::string>{"+15551231234", "+15551256344"}));
  EXPECT_EQ(b.from, "+15551231234");
  EXPECT_EQ(b.delivery_report, "none");
  EXPECT_EQ(b.send_at, "2019-08-24T14:19:22Z");
  EXPECT_EQ(b.expire_at, "2019-08-24T14:21:22Z");
  EXPECT_EQ(b.callback_url, "https://my.callback.com");
  EXPECT_EQ(b.client_reference, "myReference");
  EXPECT_EQ(b.feedback_enabled, false);
  EXPECT_EQ(b.flash_message, true);
  EXPECT_EQ(b.truncate_concat, true);
  EXPECT_EQ(b.max_number_of_message_parts, 1);
  EXPECT_EQ(b.from_ton, 6);
  EXPECT_EQ(b.from_npi, 18);
  ASSERT_TRUE(b.parameters);
  EXPECT_EQ(b.parameters->at("name").at("default"), "default value");
  EXPECT_TRUE(b.extra.empty());
}

TEST(SinchModels, SendRequestRoundTripsToTheSameJson) {
  const json original = json::parse(send_request);
  const auto r = sinch::read<sinch::batch_request>(original);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(sinch::to_json(r.value), original);
}

TEST(SinchModels, UnknownFieldsAndEnumValuesAreKept) {
  const auto r = sinch::read<sinch::batch>(std::string_view(
      R"({"id":"01FC66621XXXXX119Z8PMV1QPQ","to":["12017777777"],"body":"x",)"
      R"("type":"mt_text","delivery_report":"per_recipient_someday","canceled":false,)"
      R"("dlt_template_id":"T1","future":{"a":[1,2]}})"));
  ASSERT_TRUE(r.ok()) << r.error->message();
  EXPECT_EQ(r.value.delivery_report, "per_recipient_someday");
  EXPECT_EQ(r.value.extra["dlt_template_id"], "T1");
  EXPECT_EQ(r.value.extra["future"]["a"][1], 2);
  const json back = sinch::to_json(r.value);
  EXPECT_EQ(back["future"]["a"][1], 2);
  EXPECT_EQ(back["delivery_report"], "per_recipient_someday");
}

TEST(SinchModels, WrongTypesAndMissingFieldsNameTheField) {
  auto r =
      sinch::read<sinch::batch_request>(std::string_view(R"({"to":"+15551231234","body":"x"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->field, "to");
  r = sinch::read<sinch::batch_request>(std::string_view(R"({"to":["+1555123123"]})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->field, "body");
  EXPECT_EQ(r.error->what, "required field is missing");
  r = sinch::read<sinch::batch_request>(std::string_view(R"({"to":[],"body":"x",)"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->what, "not valid JSON");
  const auto d = sinch::read<sinch::batch_delivery_report>(std::string_view(
      R"({"batch_id":"b","statuses":[{"code":0,"status":"Delivered"},{"code":[]}]})"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error->field, "statuses[1].code");
}

TEST(SinchModels, BatchDeliveryReportAcceptsNumbersAsStrings) {
  const auto r = sinch::read<sinch::batch_delivery_report>(std::string_view(R"({
    "type": "delivery_report_sms", "batch_id": "01FC66621XXXXX119Z8PMV1QPQ",
    "total_message_count": "20000",
    "statuses": [
      {"code": 400, "status": "Queued", "count": 1, "recipients": ["123456789"]},
      {"code": "0", "status": "Delivered", "count": 2, "recipients": ["987654321", "123459876"]}],
    "client_reference": "a client reference"})"));
  ASSERT_TRUE(r.ok()) << r.error->message();
  EXPECT_EQ(r.value.total_message_count, 20000);
  ASSERT_EQ(r.value.statuses.size(), 2U);
  EXPECT_EQ(r.value.statuses[1].code, 0);
  EXPECT_EQ(r.value.statuses[1].recipients[1], "123459876");
  EXPECT_EQ(r.value.client_reference, "a client reference");
}

TEST(SinchModels, RecipientReportAndInboundFromTheDocs) {
  const auto d = sinch::read<sinch::recipient_delivery_report>(std::string_view(R"({
    "type": "recipient_delivery_report_sms", "batch_id": "01FC66621VHDBN119Z8PMV1QPQ",
    "recipient": "+44231235674", "code": 401, "status": "Dispatched",
    "at": "2021-08-30T08:16:08.930Z", "operator_status_at": "2022-08-30T08:16:08.150Z",
    "client_reference": "client reference", "applied_originator": "x", "operator": "35000",
    "encoding": "GSM", "number_of_message_parts": 1})"));
  ASSERT_TRUE(d.ok()) << d.error->message();
  EXPECT_EQ(d.value.code, 401);
  EXPECT_EQ(d.value.operator_id, "35000");
  EXPECT_EQ(d.value.number_of_message_parts, 1);
  EXPECT_EQ(sinch::to_json(d.value)["operator"], "35000");

  const auto m = sinch::read<sinch::inbound>(std::string_view(R"({
    "type": "mo_binary", "id": "01FC66621XXXXX119Z8PMV1QPA", "from": "+11203494390",
    "to": "11203453453", "body": "AAEC", "udh": "050003010201",
    "received_at": "2019-08-24T14:17:22Z"})"));
  ASSERT_TRUE(m.ok()) << m.error->message();
  EXPECT_EQ(m.value.udh, "050003010201");
  EXPECT_EQ(m.value.body, "AAEC");
}

TEST(SinchModels, DryRunResponseWithAndWithoutPerRecipient) {
  auto r = sinch::read<sinch::dry_run_response>(std::string_view(R"({
    "number_of_recipients": 3, "number_of_messages": 3, "per_recipient": [
      {"recipient": "12017777777", "body": "Hello John!", "number_of_parts": 1, "encoding": "text"}]})"));
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r.value.per_recipient);
  EXPECT_EQ(r.value.per_recipient->at(0).body, "Hello John!");
  r = sinch::read<sinch::dry_run_response>(
      std::string_view(R"({"number_of_recipients": 3, "number_of_messages": 6})"));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.value.per_recipient);
  EXPECT_TRUE(r.value.extra.empty());
}

TEST(SinchModels, ListPagesKnowWhetherMoreFollow) {
  const auto p = sinch::read<sinch::page<sinch::inbound>>(
      std::string_view(R"({"page":0,"page_size":2,"count":3,"inbounds":[)"
                       R"({"type":"mo_text","id":"a","from":"1","to":"2","body":"x"},)"
                       R"({"type":"mo_text","id":"b","from":"1","to":"2","body":"y"}]})"));
  ASSERT_TRUE(p.ok()) << p.error->message();
  EXPECT_EQ(p.value.items.size(), 2U);
  EXPECT_TRUE(p.value.has_next());
  auto last = p.value;
  last.number = 1;
  EXPECT_FALSE(last.has_next());
}

TEST(SinchModels, EveryErrorShape) {
  auto e = sinch::read_api_error(
      400,
      R"({"code":"syntax_invalid_parameter_format","text":"'foo' is not a valid identifier"})");
  EXPECT_EQ(e.shape, sinch::error_shape::sinch);
  EXPECT_EQ(e.code, "syntax_invalid_parameter_format");
  EXPECT_EQ(e.text, "'foo' is not a valid identifier");
  e = sinch::read_api_error(
      400,
      R"({"timestamp":"2021-01-01T00:00:00Z","status":400,"error":"Bad Request","path":"/xms"})");
  EXPECT_EQ(e.shape, sinch::error_shape::spring);
  EXPECT_EQ(e.code, "Bad Request");
  e = sinch::read_api_error(
      429, R"({"type":"https://x/too-many","title":"Too Many","detail":"slow down"})");
  EXPECT_EQ(e.shape, sinch::error_shape::problem);
  EXPECT_EQ(e.text, "slow down");
  e = sinch::read_api_error(
      400, R"({"errorCode":40002,"message":"Missing parameter","reference":"r1"})");
  EXPECT_EQ(e.shape, sinch::error_shape::classic);
  EXPECT_EQ(e.code, "40002");
  e = sinch::read_api_error(502, "<html>Bad Gateway</html>");
  EXPECT_EQ(e.shape, sinch::error_shape::not_json);
  EXPECT_EQ(e.text, "<html>Bad Gateway</html>");
  EXPECT_EQ(e.message(), "HTTP 502: <html>Bad Gateway</html>");
}

TEST(SinchCallbacks, TypeSelectsTheModel) {
  auto c = sinch::parse_callback(
      R"({"type":"mo_text","id":"i","from":"+11203494390","to":"11203453453","body":"a body"})");
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(std::holds_alternative<sinch::inbound>(c.value));
  EXPECT_EQ(std::get<sinch::inbound>(c.value).body, "a body");
  c = sinch::parse_callback(R"({"type":"delivery_report_sms","batch_id":"b","statuses":[]})");
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(std::holds_alternative<sinch::batch_delivery_report>(c.value));
  c = sinch::parse_callback(
      R"({"type":"recipient_delivery_report_sms","batch_id":"b","recipient":"1","code":0,"status":"Delivered"})");
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(std::holds_alternative<sinch::recipient_delivery_report>(c.value));
  c = sinch::parse_callback(R"({"type":"delivery_report_mms","batch_id":"b"})");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(std::get<sinch::other_callback>(c.value).type, "delivery_report_mms");
  EXPECT_FALSE(sinch::parse_callback(R"({"batch_id":"b"})").ok());
  EXPECT_FALSE(sinch::parse_callback(R"({"type":"mo_text","id":"i"})").ok());
  EXPECT_FALSE(sinch::parse_callback("[1,").ok());
}

TEST(SinchModels, DeeplyNestedAndHugeJsonAreTypedErrorsNotCrashes) {
  // nlohmann's parser keeps its own stack: a million open brackets is a parse error, not a
  // stack overflow.
  const std::string nested = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  const auto deep = sinch::read<sinch::batch>(std::string_view(nested));
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.error->what, "expected a JSON object");
  const std::string unclosed(1'000'000, '{');
  EXPECT_FALSE(sinch::parse_callback(unclosed).ok());
  EXPECT_EQ(sinch::read_api_error(400, unclosed).shape, sinch::error_shape::not_json);
  // A 10 MB body with 200 000 recipients reads, and the client refuses to send it.
  std::string huge = R"({"body":"x","to":[)";
  for (int i = 0; i < 200'000; ++i) {
    huge.append(i == 0 ? "" : ",")
        .append("\"+4670")
        .append(std::to_string(1'000'000 + i))
        .append("\"");
  }
  huge += "]}";
  const auto big = sinch::read<sinch::batch_request>(std::string_view(huge));
  ASSERT_TRUE(big.ok());
  EXPECT_EQ(big.value.to.size(), 200'000U);
  const auto refused = sinch::validate(big.value);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->field, "to");
}

// Groups: the shapes of Sinch's Java SDK fixtures (groups/GroupDto.json, request/*.json).
constexpr std::string_view group_dto = R"({
  "id": "01FC66621XXXXX119Z8PMV1QPU",
  "name": "My new customers",
  "size": 2,
  "created_at": "2019-08-24T14:15:22Z",
  "modified_at": "2019-08-24T14:15:44Z",
  "child_groups": ["01FC66621XXXXX119Z8PMV1AHY", "01FC66621XXXXX119Z8PMV1A00"],
  "auto_update": {
    "to": 15551231234,
    "add": {"first_word": "Add 1st keyword", "second_word": "Add 2nd keyword"},
    "remove": {"first_word": "remove 1st keyword", "second_word": "remove 2nd keyword"}
  },
  "tags": ["kept"]
})";

TEST(SinchModels, GroupReadsEveryFieldAndWritesItBack) {
  const auto r = sinch::read<sinch::group>(group_dto);
  ASSERT_TRUE(r.ok()) << r.error->message();
  const auto& g = r.value;
  EXPECT_EQ(g.id, "01FC66621XXXXX119Z8PMV1QPU");
  EXPECT_EQ(g.name, "My new customers");
  EXPECT_EQ(g.size, 2);
  EXPECT_EQ(g.created_at, "2019-08-24T14:15:22Z");
  EXPECT_EQ(g.child_groups.size(), 2U);
  ASSERT_TRUE(g.auto_update);
  EXPECT_EQ(g.auto_update->to, "15551231234");  // a number in this fixture, a string elsewhere
  ASSERT_TRUE(g.auto_update->add && g.auto_update->remove);
  EXPECT_EQ(g.auto_update->add->second_word, "Add 2nd keyword");
  EXPECT_EQ(g.auto_update->remove->first_word, "remove 1st keyword");
  EXPECT_EQ(g.extra["tags"], json::array({"kept"}));

  auto expected = json::parse(group_dto);
  expected["auto_update"]["to"] = "15551231234";
  EXPECT_EQ(sinch::to_json(g), expected);
  const auto again = sinch::read<sinch::group>(sinch::to_json(g));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(sinch::to_json(again.value), expected);
}

TEST(SinchModels, GroupRequestAndUpdateRoundTrip) {
  constexpr std::string_view create = R"({
    "name": "My new customers",
    "child_groups": ["01FC66621XXXXX119Z8PMV1AHY", "01FC66621XXXXX119Z8PMV1A00"],
    "auto_update": {"to": "15551231234",
                    "add": {"first_word": "Add 1st keyword", "second_word": "Add 2nd keyword"},
                    "remove": {"first_word": "remove 1st keyword"}},
    "members": ["+15551231234"]})";
  const auto c = sinch::read<sinch::group_request>(create);
  ASSERT_TRUE(c.ok()) << c.error->message();
  EXPECT_EQ(c.value.members, std::vector<std::string>{"+15551231234"});
  EXPECT_EQ(sinch::to_json(c.value), json::parse(create));

  constexpr std::string_view update = R"({
    "name": "My new customers",
    "add": ["+12345674890"],
    "remove": ["+0987654321", "+3456789123"],
    "add_from_group": "01FC66621XXXXX119Z8PMV1AHY",
    "remove_from_group": "01FC66621XXXXX119Z8PMV1A00",
    "auto_update": {"to": "15551231234", "add": {"first_word": "Add 1st keyword"}}})";
  const auto u = sinch::read<sinch::group_update>(update);
  ASSERT_TRUE(u.ok()) << u.error->message();
  EXPECT_TRUE(u.value.name.present);
  EXPECT_EQ(u.value.name.value, "My new customers");
  EXPECT_EQ(u.value.remove.size(), 2U);
  EXPECT_EQ(u.value.add_from_group, "01FC66621XXXXX119Z8PMV1AHY");
  EXPECT_EQ(sinch::to_json(u.value), json::parse(update));
}

TEST(SinchModels, GroupUpdateNameHasThreeStates) {
  // Left out: unchanged. JSON null: cleared ("explicitly setting null will overwrite a
  // previously set value with null"). A string: set.
  const auto absent = sinch::read<sinch::group_update>(std::string_view(R"({"add": ["+1555"]})"));
  ASSERT_TRUE(absent.ok());
  EXPECT_FALSE(absent.value.name.present);
  EXPECT_FALSE(sinch::to_json(absent.value).contains("name"));

  const auto cleared = sinch::read<sinch::group_update>(std::string_view(R"({"name": null})"));
  ASSERT_TRUE(cleared.ok());
  EXPECT_TRUE(cleared.value.name.is_null());
  const auto written = sinch::to_json(cleared.value);
  ASSERT_TRUE(written.contains("name"));
  EXPECT_TRUE(written["name"].is_null());

  sinch::group_update u;
  u.name = "friends";
  EXPECT_EQ(sinch::to_json(u)["name"], "friends");
  u.name = sinch::nullable<std::string>::null();
  EXPECT_EQ(sinch::to_json(u).dump(), R"({"name":null})");
  EXPECT_FALSE(sinch::read<sinch::group_update>(std::string_view(R"({"name": 7})")).ok());
}

TEST(SinchModels, GroupPagesAndMembers) {
  constexpr std::string_view list = R"({"page": 0, "page_size": 1, "count": 2,
    "groups": [{"id": "01FC66621XXXXX119Z8PMV1QPU", "name": "a", "size": 1,
                "created_at": "2019-08-24T14:15:22Z", "modified_at": "2019-08-24T14:15:22Z",
                "child_groups": []}]})";
  const auto p = sinch::read<sinch::page<sinch::group>>(list);
  ASSERT_TRUE(p.ok()) << p.error->message();
  ASSERT_EQ(p.value.items.size(), 1U);
  EXPECT_EQ(p.value.items[0].name, "a");
  EXPECT_TRUE(p.value.has_next());
  EXPECT_EQ(sinch::to_json(p.value), json::parse(list));

  const auto members =
      sinch::read<std::vector<std::string>>(std::string_view(R"(["15551231234", "15551256344"])"));
  ASSERT_TRUE(members.ok());
  EXPECT_EQ(members.value, (std::vector<std::string>{"15551231234", "15551256344"}));
  EXPECT_FALSE(sinch::read<std::vector<std::string>>(std::string_view(R"({"a": 1})")).ok());
  EXPECT_FALSE(sinch::read<sinch::group>(std::string_view(R"({"name": "no id"})")).ok());
}

}  // namespace

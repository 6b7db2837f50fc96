// Every JSON example in the Sinch seeds, verbatim (tests/data/sinch_seed_examples.txt), read by
// our models: one test per example. The sandbox's answers in the same shapes are checked in
// tests/integration/sinch_seed_shapes_test.cpp.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <septet/sinch/classic.hpp>
#include <septet/sinch/client.hpp>
#include <septet/sinch/models.hpp>
#include <septet/sinch/timestamp.hpp>
#include <septet/sinch/webhook.hpp>
#include <sinch_seed_examples.hpp>
#include <string>
#include <vector>

namespace sinch = septet::sinch;
namespace classic = septet::sinch::classic;
using septet_test::seed_example;
using sinch::json;

namespace {

/// A transport that records what the client would send and answers `answer`.
struct recording_transport {
  std::shared_ptr<std::vector<sinch::http_request>> sent =
      std::make_shared<std::vector<sinch::http_request>>();
  std::string answer;

  auto send(const sinch::http_request& request) -> sinch::http_result {
    sent->push_back(request);
    sinch::http_result r;
    r.response.status = 200;
    r.response.body = answer;
    return r;
  }
};

/// The request our Classic client makes for send(number, message, from).
auto classic_request(const std::string& message, std::optional<std::string> from)
    -> sinch::http_request {
  recording_transport transport;
  transport.answer = R"({"messageId": 123})";
  classic::client_config config;
  config.app = {"5F5C418A0F914BBC8234A9BF5EDDAD97", "JViE5vDor0Sw3WllZka15Q=="};
  classic::client<recording_transport> c(config, transport);
  const auto sent = c.send("+46700000000", message, std::move(from));
  EXPECT_TRUE(sent.ok());
  EXPECT_EQ(transport.sent->size(), 1U);
  return transport.sent->empty() ? sinch::http_request{} : transport.sent->front();
}

auto utc(const char* iso) -> sinch::timestamp {
  const auto t = sinch::parse_timestamp(iso);
  EXPECT_TRUE(t) << iso;
  return t.value_or(sinch::timestamp{});
}

// ---- seed 000: the Classic API ------------------------------------------------------------

TEST(SinchSeedExamples, ClassicSendRequest) {
  const auto seed = json::parse(seed_example("classic_send_request"));
  const auto request = classic_request("Hello there", std::nullopt);
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://messagingapi.sinch.com/v1/sms/+46700000000");
  EXPECT_EQ(json::parse(request.body), seed);
}

TEST(SinchSeedExamples, ClassicSendRequestWithFrom) {
  const auto seed = json::parse(seed_example("classic_send_request_with_from"));
  const auto request = classic_request("Hello there", "+46701234567");
  EXPECT_EQ(json::parse(request.body), seed);
}

TEST(SinchSeedExamples, ClassicSendResponse) {
  const auto r = sinch::read<classic::send_response>(seed_example("classic_send_response"));
  ASSERT_TRUE(r.ok()) << r.error->message();
  EXPECT_EQ(r.value.message_id, "123");
  EXPECT_TRUE(r.value.extra.empty());
}

TEST(SinchSeedExamples, ClassicStatusResponse) {
  const auto r = sinch::read<classic::status_response>(seed_example("classic_status_response"));
  ASSERT_TRUE(r.ok()) << r.error->message();
  EXPECT_EQ(r.value.status, "Successful");
  EXPECT_TRUE(r.value.extra.empty());
}

TEST(SinchSeedExamples, ClassicIncomingSms) {
  const auto text = seed_example("classic_incoming_sms");
  const auto r = classic::parse_incoming_sms(text);
  ASSERT_TRUE(r.ok()) << r.error->message();
  EXPECT_EQ(r.value.event, "incomingSms");
  EXPECT_EQ(r.value.to.type, "number");
  EXPECT_EQ(r.value.to.endpoint, "+46700000000");
  EXPECT_EQ(r.value.from.endpoint, "+46700000001");
  EXPECT_EQ(r.value.message, "Hello world");
  EXPECT_EQ(r.value.timestamp, "2014-12-01T12:00:00Z");
  EXPECT_EQ(r.value.version, 1);
  EXPECT_EQ(utc(r.value.timestamp.c_str()), utc("2014-12-01T12:00:00.000Z"));
  EXPECT_EQ(classic::to_json(r.value), json::parse(text));
}

// ---- seed 002: the curl example ------------------------------------------------------------

TEST(SinchSeedExamples, XmsSendRequestCurlIsNotJsonAsPrinted) {
  // The seed's body lost its opening brace and the "to" array; as printed it is not JSON, and
  // "Requests with invalid JSON will be rejected" (seeds 001 and 002).
  const auto r = sinch::read<sinch::batch_request>(seed_example("xms_send_request_curl"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->what, "not valid JSON");
}

TEST(SinchSeedExamples, XmsSendRequestCurlRepaired) {
  const auto r = sinch::read<sinch::batch_request>(seed_example("xms_send_request_curl_repaired"));
  ASSERT_TRUE(r.ok()) << r.error->message();
  EXPECT_EQ(r.value.type, "mt_text");  // "Default schema is Text if type is not specified"
  EXPECT_EQ(r.value.from, "+19876543210");
  EXPECT_EQ(r.value.body, "Hi there! How are you?");
  EXPECT_FALSE(sinch::validate(r.value)) << "a request Sinch documents must pass our checks";
}

// ---- seed 003: inbounds --------------------------------------------------------------------

TEST(SinchSeedExamples, InboundsPageIsNotJsonAsPrinted) {
  const auto r = sinch::read<sinch::page<sinch::inbound>>(seed_example("inbounds_page"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->what, "not valid JSON");
}

TEST(SinchSeedExamples, InboundsPageWithTheSeedsItem) {
  const auto text = seed_example("inbounds_page_expanded");
  const auto r = sinch::read<sinch::page<sinch::inbound>>(text);
  ASSERT_TRUE(r.ok()) << r.error->message();
  EXPECT_EQ(r.value.count, 2);
  EXPECT_EQ(r.value.number, 0);
  EXPECT_EQ(r.value.page_size, 2);
  ASSERT_EQ(r.value.items.size(), 1U);
  EXPECT_EQ(r.value.items[0].id, "01FC66621XXXXX119Z8PMV1QPA");
  EXPECT_FALSE(r.value.has_next());  // two of two fit on page 0
  EXPECT_EQ(sinch::to_json(r.value), json::parse(text));
}

TEST(SinchSeedExamples, Inbound) {
  const auto text = seed_example("inbound");
  const auto r = sinch::read<sinch::inbound>(text);
  ASSERT_TRUE(r.ok()) << r.error->message();
  const auto& m = r.value;
  EXPECT_EQ(m.type, "mo_text");
  EXPECT_EQ(m.id, "01FC66621XXXXX119Z8PMV1QPA");
  EXPECT_EQ(m.from, "+11203494390");
  EXPECT_EQ(m.to, "11203453453");
  EXPECT_EQ(m.body, "Test message");
  EXPECT_EQ(m.client_reference, "ABC123");
  EXPECT_EQ(m.operator_id, "35000");
  EXPECT_EQ(m.received_at, "2019-08-24T14:15:22Z");
  EXPECT_EQ(m.sent_at, "2019-08-24T14:15:22Z");
  EXPECT_FALSE(m.media);
  EXPECT_TRUE(m.extra.empty());
  EXPECT_EQ(sinch::to_json(m), json::parse(text));
}

TEST(SinchSeedExamples, IncomingSmsCallback) {
  const auto text = seed_example("incoming_sms");
  const auto c = sinch::parse_callback(text);
  ASSERT_TRUE(c.ok()) << c.error->message();
  const auto* m = std::get_if<sinch::inbound>(&c.value);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->body, "This is a test message.");
  EXPECT_EQ(m->from, "16051234567");
  EXPECT_EQ(m->to, "13185551234");
  EXPECT_EQ(m->operator_id, "string");
  // "2022-08-24 14:15:22+00:00": a space, not T, and an offset, not Z.
  ASSERT_TRUE(m->received_at && m->sent_at);
  EXPECT_EQ(utc(m->received_at->c_str()), utc("2022-08-24T14:15:22Z"));
  EXPECT_EQ(utc(m->sent_at->c_str()), utc("2022-08-24T14:15:22.000Z"));
  EXPECT_EQ(sinch::to_json(*m), json::parse(text));
}

// ---- timestamps as Sinch sends them ------------------------------------------------------

TEST(SinchTimestamps, EveryFormOfTheSeedsIsOneInstant) {
  using namespace std::chrono;
  const auto at = sys_days{year{2022} / 8 / 24} + 14h + 15min + 22s;
  for (const char* text :
       {"2022-08-24T14:15:22Z", "2022-08-24 14:15:22+00:00", "2022-08-24T14:15:22.000Z",
        "2022-08-24T14:15:22", "2022-08-24T16:15:22+02:00", "2022-08-24T09:15:22-0500",
        "2022-08-24t14:15:22z", "2022-08-24T16:15:22+02"}) {
    EXPECT_EQ(sinch::parse_timestamp(text), sinch::timestamp{at}) << text;
  }
  EXPECT_EQ(sinch::parse_timestamp("2021-08-30T08:16:08.930Z"),
            sinch::timestamp{sys_days{year{2021} / 8 / 30} + 8h + 16min + 8s + 930ms});
  EXPECT_EQ(sinch::parse_timestamp("2021-08-30T08:16:08.9Z"),
            sinch::timestamp{sys_days{year{2021} / 8 / 30} + 8h + 16min + 8s + 900ms});
  EXPECT_EQ(sinch::parse_timestamp("2021-08-30T08:16:08.123456Z"),
            sinch::timestamp{sys_days{year{2021} / 8 / 30} + 8h + 16min + 8s + 123ms});
  for (const char* bad :
       {"", "tomorrow", "2022-08-24", "2022-02-30T00:00:00Z", "2022-08-24T24:00:00Z",
        "2022-08-24T14:15:22.Z", "2022-08-24T14:15:22+2:00", "2022-08-24T14:15:22 UTC",
        "2022-08-24_14:15:22Z", "2022-08-24T14:15:22+00:00x"}) {
    EXPECT_FALSE(sinch::parse_timestamp(bad)) << bad;
  }
}

// ---- MO media (seed 003: the upload status codes) ------------------------------------------

constexpr std::string_view mo_media_callback = R"({
  "type": "mo_media", "id": "01FC66621XXXXX119Z8PMV1QPA", "from": "+11203494390",
  "to": "11203453453", "received_at": "2019-08-24T14:17:22Z", "operator_id": "35000",
  "body": {
    "subject": "Holiday", "message": "Look at this",
    "media": [
      {"url": "https://bucket.example/a.jpg", "content_type": "image/jpeg",
       "status": "Uploaded", "code": 0},
      {"content_type": "video/mp4", "status": "Failed", "code": 1},
      {"content_type": "image/png", "status": "Failed", "code": 2, "future": true}]}})";

TEST(SinchMoMedia, CallbackParsesAsAnInboundWithItsMedia) {
  const auto c = sinch::parse_callback(mo_media_callback);
  ASSERT_TRUE(c.ok()) << c.error->message();
  const auto* m = std::get_if<sinch::inbound>(&c.value);
  ASSERT_NE(m, nullptr) << "mo_media must not be an other_callback";
  EXPECT_EQ(m->type, "mo_media");
  EXPECT_EQ(m->from, "+11203494390");
  EXPECT_TRUE(m->body.empty());
  ASSERT_TRUE(m->media);
  EXPECT_EQ(m->media->subject, "Holiday");
  EXPECT_EQ(m->media->message, "Look at this");
  ASSERT_EQ(m->media->media.size(), 3U);
  const auto& ok = m->media->media[0];
  EXPECT_EQ(ok.url, "https://bucket.example/a.jpg");
  EXPECT_EQ(ok.content_type, "image/jpeg");
  EXPECT_TRUE(ok.uploaded());
  EXPECT_FALSE(m->media->media[1].uploaded());
  EXPECT_FALSE(m->media->media[1].url);
  EXPECT_EQ(m->media->media[2].code, 2);
  EXPECT_EQ(m->media->media[2].extra["future"], true);
  EXPECT_EQ(sinch::to_json(*m), json::parse(mo_media_callback));
}

TEST(SinchMoMedia, InboundFromGetAndListReadsTheSame) {
  const auto one = sinch::read<sinch::inbound>(mo_media_callback);
  ASSERT_TRUE(one.ok()) << one.error->message();
  const std::string page =
      R"({"count":1,"page":0,"page_size":30,"inbounds":[)" + std::string(mo_media_callback) + "]}";
  const auto p = sinch::read<sinch::page<sinch::inbound>>(page);
  ASSERT_TRUE(p.ok()) << p.error->message();
  ASSERT_EQ(p.value.items.size(), 1U);
  EXPECT_EQ(sinch::to_json(p.value.items[0]), sinch::to_json(one.value));
}

TEST(SinchMoMedia, UploadCodesOfSeed003) {
  ASSERT_EQ(sinch::media_upload_codes.size(), 3U);
  const auto* uploaded = sinch::find_media_upload_code(0);
  ASSERT_NE(uploaded, nullptr);
  EXPECT_EQ(uploaded->name, "Uploaded");
  EXPECT_EQ(uploaded->status, "Uploaded");
  const auto* internal = sinch::find_media_upload_code(1);
  ASSERT_NE(internal, nullptr);
  EXPECT_EQ(internal->name, "Internal failure");
  EXPECT_EQ(internal->status, "Failed");
  const auto* bucket = sinch::find_media_upload_code(2);
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(bucket->name, "Bucket not found");
  EXPECT_EQ(bucket->status, "Failed");
  EXPECT_EQ(bucket->description, "Provisioned bucket doesn't exist.");
  EXPECT_EQ(sinch::find_media_upload_code(3), nullptr);  // the Node SDK's "bucket key error"
  static_assert(sinch::find_media_upload_code(0)->code == 0);
}

TEST(SinchMoMedia, MalformedMediaNamesTheField) {
  auto r = sinch::read<sinch::inbound>(std::string_view(
      R"({"type":"mo_media","id":"i","from":"1","to":"2","body":"not an object"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->field, "body");
  r = sinch::read<sinch::inbound>(std::string_view(
      R"({"type":"mo_media","id":"i","from":"1","to":"2","body":{"media":[{"status":"Failed"}]}})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->field, "body.media[0].code");
  EXPECT_TRUE(r.error->missing);
  r = sinch::read<sinch::inbound>(
      std::string_view(R"({"type":"mo_media","id":"i","from":"1","to":"2","body":{}})"));
  ASSERT_TRUE(r.ok()) << r.error->message();
  ASSERT_TRUE(r.value.media);
  EXPECT_TRUE(r.value.media->media.empty());
}

}  // namespace

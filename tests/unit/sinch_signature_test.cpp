// Signatures: Sinch's webhook HMAC headers and the Classic API's signed requests, each against a
// published known-answer vector (sinch-api.md (b).6 and (b).7), and what a forger might try.
#include <gtest/gtest.h>

#include <chrono>
#include <septet/sinch/classic.hpp>
#include <septet/sinch/webhook.hpp>
#include <string>

namespace sinch = septet::sinch;
namespace classic = septet::sinch::classic;
using std::chrono::seconds;
using std::chrono::system_clock;

namespace {

// The Sinch .NET SDK's webhook test vector (secret, nonce, timestamp, body -> signature).
const std::string webhook_body =
    R"({"app_id":"","accepted_time":"2021-10-18T17:49:13.813615Z","project_id":"e2df3a34-a71b-4448-9db5-a8d2baad28e4","contact_create_notification":{"contact":{"id":"01FJA8B466Y0R2GNXD78MD9SM1","channel_identities":[{"channel":"SMS","identity":"48123456789","app_id":""}],"display_name":"New Test Contact","email":"new.contact@email.com","external_id":"","metadata":"","language":"EN_US"}},"message_metadata":""})";
const system_clock::time_point webhook_time{seconds(1634579353)};

auto webhook_headers(std::string signature = "6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=")
    -> std::vector<sinch::http_header> {
  return {{"X-Sinch-Webhook-Signature", std::move(signature)},
          {"x-sinch-webhook-signature-timestamp", "1634579353"},
          {"x-sinch-webhook-signature-nonce", "01FJA8B4A7BM43YGWSG9GBV067"},
          {"x-sinch-webhook-signature-algorithm", "HmacSHA256"}};
}

TEST(WebhookSignature, KnownAnswer) {
  EXPECT_EQ(sinch::webhook_signature(webhook_body, "foo_secret1234", "01FJA8B4A7BM43YGWSG9GBV067",
                                     "1634579353"),
            "6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=");
  EXPECT_EQ(sinch::verify_webhook(webhook_headers(), webhook_body, "foo_secret1234", webhook_time),
            sinch::signature_check::valid);
}

TEST(WebhookSignature, RejectsTamperingReplayAndMissingHeaders) {
  std::string tampered = webhook_body;
  tampered[tampered.find("New")] = 'n';
  EXPECT_EQ(sinch::verify_webhook(webhook_headers(), tampered, "foo_secret1234", webhook_time),
            sinch::signature_check::mismatch);
  EXPECT_EQ(sinch::verify_webhook(webhook_headers(), webhook_body, "foo_secret1235", webhook_time),
            sinch::signature_check::mismatch);
  EXPECT_EQ(sinch::verify_webhook(webhook_headers("6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOF="),
                                  webhook_body, "foo_secret1234", webhook_time),
            sinch::signature_check::mismatch);
  EXPECT_EQ(sinch::verify_webhook(webhook_headers(), webhook_body, "foo_secret1234",
                                  webhook_time + seconds(301)),
            sinch::signature_check::stale);
  EXPECT_EQ(sinch::verify_webhook(webhook_headers(), webhook_body, "foo_secret1234",
                                  webhook_time - seconds(301)),
            sinch::signature_check::stale);
  EXPECT_EQ(sinch::verify_webhook(webhook_headers(), webhook_body, "foo_secret1234",
                                  webhook_time + seconds(299)),
            sinch::signature_check::valid);
  auto headers = webhook_headers();
  headers.pop_back();
  EXPECT_EQ(sinch::verify_webhook(headers, webhook_body, "foo_secret1234", webhook_time),
            sinch::signature_check::missing_header);
  headers = webhook_headers();
  headers[3].second = "HmacMD5";
  EXPECT_EQ(sinch::verify_webhook(headers, webhook_body, "foo_secret1234", webhook_time),
            sinch::signature_check::unknown_algorithm);
  headers = webhook_headers();
  headers[1].second = "2021-10-18T17:49:13Z";
  EXPECT_EQ(sinch::verify_webhook(headers, webhook_body, "foo_secret1234", webhook_time),
            sinch::signature_check::bad_timestamp);
}

TEST(WebhookSignature, HeadersWeProduceVerify) {
  const auto now = system_clock::now();
  const auto headers =
      sinch::webhook_signature_headers("{\"type\":\"mo_text\"}", "s3cret", "n1", now);
  EXPECT_EQ(sinch::verify_webhook(headers, "{\"type\":\"mo_text\"}", "s3cret", now),
            sinch::signature_check::valid);
  EXPECT_EQ(sinch::verify_webhook(headers, "{\"type\":\"mo_text\"} ", "s3cret", now),
            sinch::signature_check::mismatch);
}

// HMAC accepts an empty key, so a signature made with an empty secret would verify against a
// receiver configured without one; neither side accepts an empty secret.
TEST(WebhookSignature, AnEmptySecretNeitherSignsNorVerifies) {
  const auto now = system_clock::now();
  const std::string body = R"({"type":"mo_text"})";
  EXPECT_FALSE(sinch::webhook_signature(body, "", "n1", "1700000000"));
  auto headers = sinch::webhook_signature_headers(body, "s3cret", "n1", now);
  EXPECT_EQ(sinch::verify_webhook(headers, body, "", now), sinch::signature_check::no_secret);
  // A forger's headers, signed with an empty key by hand, are refused the same way.
  headers[0].second = sinch::detail::base64_encode(
      *sinch::detail::hmac("SHA256", "", body + ".n1." + headers[1].second));
  EXPECT_EQ(sinch::verify_webhook(headers, body, "", now), sinch::signature_check::no_secret);
}

// The Classic API's documented example, checked by hand with Python's hashlib and hmac.
const classic::credentials classic_app{"5F5C418A0F914BBC8234A9BF5EDDAD97",
                                       "JViE5vDor0Sw3WllZka15Q=="};
const std::string classic_body = R"({"message":"Hello world"})";

TEST(ClassicSignature, KnownAnswer) {
  EXPECT_EQ(classic::content_md5(classic_body), "jANzQ+rgAHyf1MWQFSwvYw==");
  EXPECT_EQ(classic::string_to_sign("POST", classic_body, "application/json",
                                    "2014-06-04T13:41:58Z", "/v1/sms/+46700000000"),
            "POST\njANzQ+rgAHyf1MWQFSwvYw==\napplication/json\nx-timestamp:2014-06-04T13:41:58Z\n"
            "/v1/sms/+46700000000");
  EXPECT_EQ(classic::signature(classic_app, "POST", classic_body, "application/json",
                               "2014-06-04T13:41:58Z", "/v1/sms/+46700000000"),
            "qDXMwzfaxCRS849c/2R0hg0nphgdHciTo7OdM6MsdnM=");
  EXPECT_EQ(classic::content_md5(""), "");
}

TEST(ClassicSignature, VerifiesAndRejects) {
  const auto at =
      system_clock::time_point{seconds(*classic::parse_iso8601("2014-06-04T13:41:58Z"))};
  const std::vector<sinch::http_header> headers = {
      {"Content-Type", "application/json"},
      {"x-timestamp", "2014-06-04T13:41:58Z"},
      {"Authorization",
       "Application "
       "5F5C418A0F914BBC8234A9BF5EDDAD97:qDXMwzfaxCRS849c/2R0hg0nphgdHciTo7OdM6MsdnM="}};
  EXPECT_EQ(classic::verify_signed_request(classic_app, "POST", "/v1/sms/+46700000000", headers,
                                           classic_body, at),
            sinch::signature_check::valid);
  EXPECT_EQ(classic::verify_signed_request(classic_app, "POST", "/v1/sms/+46700000000", headers,
                                           R"({"message":"Hello world!"})", at),
            sinch::signature_check::mismatch);
  EXPECT_EQ(classic::verify_signed_request(classic_app, "POST", "/v1/sms/+46700000001", headers,
                                           classic_body, at),
            sinch::signature_check::mismatch);
  EXPECT_EQ(classic::verify_signed_request(classic_app, "POST", "/v1/sms/+46700000000", headers,
                                           classic_body, at + seconds(600)),
            sinch::signature_check::stale);
  auto no_secret = classic_app;
  no_secret.application_secret.clear();
  EXPECT_EQ(classic::verify_signed_request(no_secret, "POST", "/v1/sms/+46700000000", headers,
                                           classic_body, at),
            sinch::signature_check::no_secret);
  EXPECT_FALSE(classic::signature(no_secret, "POST", classic_body, "application/json",
                                  "2014-06-04T13:41:58Z", "/v1/sms/+46700000000"));
  auto other_key = classic_app;
  other_key.application_key = "00000000000000000000000000000000";
  EXPECT_EQ(classic::verify_signed_request(other_key, "POST", "/v1/sms/+46700000000", headers,
                                           classic_body, at),
            sinch::signature_check::mismatch);
  EXPECT_EQ(classic::verify_signed_request(classic_app, "POST", "/v1/sms/+46700000000",
                                           {headers[0], headers[2]}, classic_body, at),
            sinch::signature_check::missing_header);
}

TEST(ClassicSignature, Iso8601RoundTrip) {
  EXPECT_EQ(classic::parse_iso8601("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(classic::parse_iso8601("2014-06-04T13:41:58Z"), 1401889318);
  EXPECT_EQ(classic::parse_iso8601("2014-06-04T13:41:58.250Z"), 1401889318);
  EXPECT_EQ(classic::parse_iso8601("2000-02-29T23:59:59Z"), 951868799);
  EXPECT_FALSE(classic::parse_iso8601("2014-06-04 13:41:58Z"));
  EXPECT_FALSE(classic::parse_iso8601("2014-06-04T13:41:58"));
  EXPECT_FALSE(classic::parse_iso8601("2014-13-04T13:41:58Z"));
  EXPECT_FALSE(classic::parse_iso8601("2014-06-04T13:41:58.Z"));
  const auto t = system_clock::time_point{seconds(1401889318)};
  EXPECT_EQ(classic::iso8601(t), "2014-06-04T13:41:58Z");
}

TEST(ClassicCallback, IncomingSms) {
  const auto m = classic::parse_incoming_sms(R"({
    "event": "incomingSms", "to": {"type": "number", "endpoint": "+46700000000"},
    "from": {"type": "number", "endpoint": "+46700000001"}, "message": "Hello world",
    "timestamp": "2014-12-01T12:00:00Z", "version": 1})");
  ASSERT_TRUE(m.ok()) << m.error->message();
  EXPECT_EQ(m.value.to.endpoint, "+46700000000");
  EXPECT_EQ(m.value.from.endpoint, "+46700000001");
  EXPECT_EQ(m.value.message, "Hello world");
  EXPECT_EQ(m.value.version, 1);
  EXPECT_FALSE(classic::parse_incoming_sms(R"({"event":"outgoingSms","message":"x"})").ok());
  EXPECT_FALSE(classic::parse_incoming_sms(
                   R"({"event":"incomingSms","to":{},"from":{"endpoint":"1"},"message":"x"})")
                   .ok());
}

}  // namespace

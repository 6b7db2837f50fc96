// Signatures from arbitrary bytes: the webhook HMAC check and the Classic signed-request check
// never crash; what septet signs verifies; any change to the body, nonce or timestamp does not;
// strict Base64 decodes what it encodes and rejects what it cannot re-encode.
#include <chrono>
#include <septet/sinch/classic.hpp>
#include <septet/sinch/webhook.hpp>
#include <string>

#include "fuzz_check.hpp"

namespace {

namespace sinch = septet::sinch;
namespace classic = septet::sinch::classic;

/// Splits the input at the first few 0x00 bytes into fields.
auto fields(std::string_view input, std::size_t n) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const auto cut = input.find('\0');
    out.emplace_back(input.substr(0, cut));
    input = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 1);
  }
  out.emplace_back(input);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto f = fields(input, 5);
  const std::string& body = f[0];
  const std::string& secret = f[1];
  const std::string& nonce = f[2];
  const std::string& timestamp = f[3];
  const std::string& signature = f[4];
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));

  // Arbitrary headers: any answer but valid unless the signature really matches.
  const std::vector<sinch::http_header> headers = {
      {"x-sinch-webhook-signature", signature},
      {"x-sinch-webhook-signature-timestamp", timestamp},
      {"x-sinch-webhook-signature-nonce", nonce},
      {"x-sinch-webhook-signature-algorithm", "HmacSHA256"}};
  if (sinch::verify_webhook(headers, body, secret, now) == sinch::signature_check::valid) {
    SEPTET_FUZZ_CHECK(sinch::webhook_signature(body, secret, nonce, timestamp) == signature);
  }
  // What septet signs verifies, and a changed body does not; without a secret nothing signs or
  // verifies (an empty HMAC key is no key).
  const auto signed_headers = sinch::webhook_signature_headers(body, secret, nonce, now);
  if (secret.empty()) {
    SEPTET_FUZZ_CHECK(!sinch::webhook_signature(body, secret, nonce, timestamp));
    SEPTET_FUZZ_CHECK(sinch::verify_webhook(signed_headers, body, secret, now) ==
                      sinch::signature_check::no_secret);
  } else {
    SEPTET_FUZZ_CHECK(sinch::verify_webhook(signed_headers, body, secret, now) ==
                      sinch::signature_check::valid);
    SEPTET_FUZZ_CHECK(sinch::verify_webhook(signed_headers, body + "x", secret, now) ==
                      sinch::signature_check::mismatch);
  }

  // Base64: strict decoding is the inverse of encoding.
  const auto decoded = sinch::detail::base64_decode(input);
  if (decoded) {
    SEPTET_FUZZ_CHECK(sinch::detail::base64_decode(sinch::detail::base64_encode(*decoded)) ==
                      decoded);
  }
  SEPTET_FUZZ_CHECK(sinch::detail::base64_decode(sinch::detail::base64_encode(body)) == body);

  // Classic: sign with the fields as key and secret, verify, then tamper.
  const classic::credentials app{nonce, sinch::detail::base64_encode(secret)};
  const std::string path = "/v1/sms/" + timestamp;
  const std::string ts = classic::iso8601(now);
  const auto authorization =
      classic::signed_authorization(app, "POST", body, "application/json", ts, path);
  SEPTET_FUZZ_CHECK(authorization.has_value() == !secret.empty());
  if (!authorization) {
    SEPTET_FUZZ_CHECK(classic::verify_signed_request(app, "POST", path, {}, body, now) ==
                      sinch::signature_check::no_secret);
    return 0;
  }
  const std::vector<sinch::http_header> request = {
      {"Content-Type", "application/json"}, {"x-timestamp", ts}, {"Authorization", *authorization}};
  SEPTET_FUZZ_CHECK(classic::verify_signed_request(app, "POST", path, request, body, now) ==
                    sinch::signature_check::valid);
  SEPTET_FUZZ_CHECK(classic::verify_signed_request(app, "POST", path, request, body + "x", now) ==
                    sinch::signature_check::mismatch);
  // Arbitrary Authorization and x-timestamp values never crash.
  const std::vector<sinch::http_header> arbitrary = {{"x-timestamp", timestamp},
                                                     {"Authorization", signature}};
  (void)classic::verify_signed_request(app, "GET", path, arbitrary, body, now);
  (void)classic::parse_iso8601(timestamp);
  return 0;
}

// A downstream program using the Sinch adapter component: the dry run (nlohmann-json), a webhook
// signature (OpenSSL) and a libcurl transport, so that a package missing a link flag fails here.
#include <septet/sinch/curl_transport.hpp>
#include <septet/sinch/dry_run.hpp>
#include <septet/sinch/webhook.hpp>

auto main() -> int {
  const auto request = nlohmann::json::parse(R"({"to":["+46701234567"],"body":"Hi ${n}",
    "parameters":{"n":{"default":"there"}}})");
  const auto result = septet::sinch::dry_run(request, {.per_recipient = true});
  // An HMAC-SHA256 is 32 bytes: 44 characters of base64.
  const auto signature = septet::sinch::webhook_signature("{}", "secret", "nonce", "1700000000");
  septet::sinch::curl_transport transport;
  const auto unreachable = transport.send({.method = "GET", .url = "http://127.0.0.1:1/"});
  return !result.error && result.per_recipient.at(0).body == "Hi there" && signature &&
                 signature->size() == 44 && !unreachable.ok()
             ? 0
             : 1;
}

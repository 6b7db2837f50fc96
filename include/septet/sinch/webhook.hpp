#ifndef SEPTET_SINCH_WEBHOOK_HPP
#define SEPTET_SINCH_WEBHOOK_HPP

#include <chrono>
#include <cstdint>
#include <optional>
#include <septet/sinch/detail/crypto.hpp>
#include <septet/sinch/http.hpp>
#include <septet/sinch/models.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

/// What Sinch POSTs to your callback URL: delivery reports and inbound messages, told apart by
/// `type`, and the HMAC signature headers that prove Sinch sent them.
namespace septet::inline v0::sinch {

inline constexpr std::string_view signature_header = "x-sinch-webhook-signature";
inline constexpr std::string_view signature_timestamp_header =
    "x-sinch-webhook-signature-timestamp";
inline constexpr std::string_view signature_nonce_header = "x-sinch-webhook-signature-nonce";
inline constexpr std::string_view signature_algorithm_header =
    "x-sinch-webhook-signature-algorithm";

enum class signature_check : std::uint8_t {
  valid,
  missing_header,     ///< one of the four headers is absent
  unknown_algorithm,  ///< not HmacSHA256 or HmacSHA512
  bad_timestamp,      ///< not Unix seconds
  stale,              ///< further from now than the tolerance (a replay, or a wrong clock)
  mismatch,           ///< the signature does not match body, nonce and timestamp
  no_secret,          ///< the receiver's secret is empty: anyone could sign with an empty key
};

[[nodiscard]] constexpr auto to_string(signature_check c) noexcept -> std::string_view {
  switch (c) {
    case signature_check::valid:
      return "valid";
    case signature_check::missing_header:
      return "missing_header";
    case signature_check::unknown_algorithm:
      return "unknown_algorithm";
    case signature_check::bad_timestamp:
      return "bad_timestamp";
    case signature_check::stale:
      return "stale";
    case signature_check::mismatch:
      return "mismatch";
    case signature_check::no_secret:
      return "no_secret";
  }
  return "unknown";
}

namespace detail {

/// OpenSSL's digest name for a signature-algorithm header value.
[[nodiscard]] inline auto webhook_digest(std::string_view algorithm) -> std::optional<std::string> {
  if (iequals(algorithm, "HmacSHA256")) {
    return "SHA256";
  }
  if (iequals(algorithm, "HmacSHA512")) {
    return "SHA512";
  }
  return std::nullopt;
}

[[nodiscard]] inline auto parse_unix_seconds(std::string_view text) -> std::optional<std::int64_t> {
  if (text.empty() || text.size() > 12) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace detail

/// Base64(HMAC(secret, body + "." + nonce + "." + timestamp)); nullopt for an unknown algorithm
/// or an empty secret (a signature anyone can make proves nothing).
[[nodiscard]] inline auto webhook_signature(std::string_view body,
                                            std::string_view secret,
                                            std::string_view nonce,
                                            std::string_view timestamp,
                                            std::string_view algorithm = "HmacSHA256")
    -> std::optional<std::string> {
  const auto digest = detail::webhook_digest(algorithm);
  if (!digest || secret.empty()) {
    return std::nullopt;
  }
  std::string signed_text;
  signed_text.reserve(body.size() + nonce.size() + timestamp.size() + 2);
  signed_text.append(body).append(".").append(nonce).append(".").append(timestamp);
  const auto mac = detail::hmac(*digest, secret, signed_text);
  if (!mac) {
    return std::nullopt;
  }
  return detail::base64_encode(*mac);
}

/// The four headers a signed callback carries (used by the sandbox, and by tests of receivers).
[[nodiscard]] inline auto webhook_signature_headers(std::string_view body,
                                                    std::string_view secret,
                                                    std::string_view nonce,
                                                    std::chrono::system_clock::time_point at)
    -> std::vector<http_header> {
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
  const std::string timestamp = std::to_string(seconds);
  return {{std::string(signature_header),
           webhook_signature(body, secret, nonce, timestamp).value_or("")},
          {std::string(signature_timestamp_header), timestamp},
          {std::string(signature_nonce_header), std::string(nonce)},
          {std::string(signature_algorithm_header), "HmacSHA256"}};
}

/// Checks a callback's signature headers against its raw body, in constant time, and rejects a
/// timestamp more than `tolerance` away from `now`.
[[nodiscard]] inline auto verify_webhook(const std::vector<http_header>& headers,
                                         std::string_view body,
                                         std::string_view secret,
                                         std::chrono::system_clock::time_point now,
                                         std::chrono::seconds tolerance = std::chrono::minutes(5))
    -> signature_check {
  if (secret.empty()) {
    return signature_check::no_secret;
  }
  const auto signature = find_header(headers, signature_header);
  const auto timestamp = find_header(headers, signature_timestamp_header);
  const auto nonce = find_header(headers, signature_nonce_header);
  const auto algorithm = find_header(headers, signature_algorithm_header);
  if (!signature || !timestamp || !nonce || !algorithm) {
    return signature_check::missing_header;
  }
  if (!detail::webhook_digest(*algorithm)) {
    return signature_check::unknown_algorithm;
  }
  const auto seconds = detail::parse_unix_seconds(*timestamp);
  if (!seconds) {
    return signature_check::bad_timestamp;
  }
  const auto now_seconds =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const auto skew = now_seconds > *seconds ? now_seconds - *seconds : *seconds - now_seconds;
  if (skew > tolerance.count()) {
    return signature_check::stale;
  }
  const auto expected = webhook_signature(body, secret, *nonce, *timestamp, *algorithm);
  if (!expected || !detail::equal_constant_time(*expected, *signature)) {
    return signature_check::mismatch;
  }
  return signature_check::valid;
}

/// A callback whose `type` septet does not model (MMS delivery reports, future types).
struct other_callback {
  std::string type;
  json body;
};

using callback =
    std::variant<batch_delivery_report, recipient_delivery_report, inbound, other_callback>;

/// Reads a callback body into the type its `type` field names. Never throws.
[[nodiscard]] inline auto parse_callback(std::string_view body) -> read_result<callback> {
  read_result<callback> out;
  const json j = json::parse(body, nullptr, false);
  if (j.is_discarded()) {
    out.error = read_error{"", "not valid JSON"};
    return out;
  }
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string()) {
    out.error = read_error{"type", "a callback needs a string 'type'"};
    return out;
  }
  const auto type = j["type"].get<std::string>();
  const auto as = [&]<class T>(T*) {
    auto r = read<T>(j);
    if (r.ok()) {
      out.value = std::move(r.value);
    } else {
      out.error = std::move(r.error);
    }
  };
  if (type == "delivery_report_sms") {
    as(static_cast<batch_delivery_report*>(nullptr));
  } else if (type == "recipient_delivery_report_sms") {
    as(static_cast<recipient_delivery_report*>(nullptr));
  } else if (type == "mo_text" || type == "mo_binary" || type == "mo_media") {
    as(static_cast<inbound*>(nullptr));
  } else {
    out.value = other_callback{type, j};
  }
  return out;
}

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_WEBHOOK_HPP

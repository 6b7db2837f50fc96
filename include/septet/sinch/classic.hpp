#ifndef SEPTET_SINCH_CLASSIC_HPP
#define SEPTET_SINCH_CLASSIC_HPP

#include <chrono>
#include <cstdint>
#include <ctime>
#include <optional>
#include <random>
#include <septet/msisdn.hpp>
#include <septet/sinch/call.hpp>
#include <septet/sinch/detail/crypto.hpp>
#include <septet/sinch/http.hpp>
#include <septet/sinch/models.hpp>
#include <septet/sinch/timestamp.hpp>
#include <septet/sinch/webhook.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

/// Sinch's Classic SMS API (messagingapi.sinch.com/v1): send, status, the incomingSms callback,
/// and its two authentication schemes (signed requests and basic auth).
namespace septet::inline v0::sinch::classic {

inline constexpr std::string_view default_base_url = "https://messagingapi.sinch.com";
inline constexpr std::string_view json_content_type = "application/json";

/// An application's key and secret (the secret as the dashboard shows it: Base64).
struct credentials {
  std::string application_key;
  std::string application_secret;
};

// ---- signed requests ---------------------------------------------------------------------

/// Base64(MD5(body)); empty for an empty body, as the scheme requires.
[[nodiscard]] inline auto content_md5(std::string_view body) -> std::string {
  return body.empty() ? std::string() : sinch::detail::base64_encode(sinch::detail::md5(body));
}

/// VERB \n Content-MD5 \n Content-Type \n x-timestamp:{timestamp} \n path
[[nodiscard]] inline auto string_to_sign(std::string_view method,
                                         std::string_view body,
                                         std::string_view content_type,
                                         std::string_view timestamp,
                                         std::string_view path) -> std::string {
  std::string out;
  out.append(method).append("\n").append(content_md5(body)).append("\n");
  out.append(content_type).append("\n");
  out.append("x-timestamp:").append(timestamp).append("\n").append(path);
  return out;
}

/// Base64(HMAC-SHA256(Base64Decode(secret), string_to_sign)); nullopt when the secret is not
/// Base64 or is empty.
[[nodiscard]] inline auto signature(const credentials& c,
                                    std::string_view method,
                                    std::string_view body,
                                    std::string_view content_type,
                                    std::string_view timestamp,
                                    std::string_view path) -> std::optional<std::string> {
  const auto key = sinch::detail::base64_decode(c.application_secret);
  if (!key || key->empty()) {
    return std::nullopt;
  }
  const auto mac = sinch::detail::hmac("SHA256", *key,
                                       string_to_sign(method, body, content_type, timestamp, path));
  if (!mac) {
    return std::nullopt;
  }
  return sinch::detail::base64_encode(*mac);
}

/// The Authorization header of a signed request: "Application {key}:{signature}".
[[nodiscard]] inline auto signed_authorization(const credentials& c,
                                               std::string_view method,
                                               std::string_view body,
                                               std::string_view content_type,
                                               std::string_view timestamp,
                                               std::string_view path)
    -> std::optional<std::string> {
  auto sig = signature(c, method, body, content_type, timestamp, path);
  if (!sig) {
    return std::nullopt;
  }
  return "Application " + c.application_key + ":" + *sig;
}

/// The Authorization header of basic auth: username the key, password the secret.
[[nodiscard]] inline auto basic_authorization(const credentials& c) -> std::string {
  return "Basic " + sinch::detail::base64_encode(c.application_key + ":" + c.application_secret);
}

/// "2014-06-04T13:41:58Z" for `t`, in UTC.
[[nodiscard]] inline auto iso8601(std::chrono::system_clock::time_point t) -> std::string {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  const auto n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return {text, n};
}

/// Parses "YYYY-MM-DDTHH:MM:SS[.fff]Z", the form of Classic's x-timestamp (UTC, 'T', 'Z'), to
/// Unix seconds.
[[nodiscard]] inline auto parse_iso8601(std::string_view s) -> std::optional<std::int64_t> {
  const bool classic_form =
      s.size() > 10 && (s[10] == 'T' || s[10] == 't') && (s.ends_with('Z') || s.ends_with('z'));
  const auto t = classic_form ? parse_timestamp(s) : std::nullopt;
  if (!t) {
    return std::nullopt;
  }
  return std::chrono::floor<std::chrono::seconds>(*t).time_since_epoch().count();
}

/// Checks a signed Classic request or callback: the Authorization header must be
/// "Application {key}:{signature}" over this method, path, content type, x-timestamp and body,
/// and x-timestamp within `tolerance` of `now`. Basic auth is not accepted here.
[[nodiscard]] inline auto verify_signed_request(
    const credentials& c,
    std::string_view method,
    std::string_view path,
    const std::vector<http_header>& headers,
    std::string_view body,
    std::chrono::system_clock::time_point now,
    std::chrono::seconds tolerance = std::chrono::minutes(5)) -> signature_check {
  if (c.application_secret.empty()) {
    return signature_check::no_secret;
  }
  const auto authorization = find_header(headers, "Authorization");
  const auto timestamp = find_header(headers, "x-timestamp");
  if (!authorization || !timestamp) {
    return signature_check::missing_header;
  }
  const std::string prefix = "Application " + c.application_key + ":";
  if (!authorization->starts_with(prefix)) {
    return signature_check::mismatch;
  }
  const auto at = parse_iso8601(*timestamp);
  if (!at) {
    return signature_check::bad_timestamp;
  }
  const auto now_seconds =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  if ((now_seconds > *at ? now_seconds - *at : *at - now_seconds) > tolerance.count()) {
    return signature_check::stale;
  }
  const std::string content_type =
      find_header(headers, "Content-Type").value_or(body.empty() ? "" : "application/json");
  // "application/json; charset=utf-8" is signed as sent; compare the header verbatim.
  const auto expected = signature(c, method, body, content_type, *timestamp, path);
  if (!expected ||
      !sinch::detail::equal_constant_time(*expected, authorization->substr(prefix.size()))) {
    return signature_check::mismatch;
  }
  return signature_check::valid;
}

// ---- models ------------------------------------------------------------------------------

struct send_response {
  std::string message_id;  ///< an int in v1 docs, a string in later SDKs: kept as text
  json extra = json::object();
};

/// Unknown, Pending, Successful or Faulted (kept as sent, whatever it is).
struct status_response {
  std::string status;
  json extra = json::object();
};

struct identity {
  std::string type;  ///< "number"
  std::string endpoint;
};

/// The `incomingSms` callback.
struct incoming_sms {
  std::string event = "incomingSms";
  identity to;
  identity from;
  std::string message;
  std::string timestamp;
  std::int64_t version = 1;
  json extra = json::object();
};

inline void read_into(const json& j,
                      const std::string& path,
                      send_response& out,
                      std::optional<read_error>& error) {
  sinch::detail::object_reader r(j, path, error);
  if (r.has("messageId") && j["messageId"].is_number_integer()) {
    out.message_id = std::to_string(j["messageId"].get<std::int64_t>());
    r.mark_used("messageId");
  } else {
    r.required("messageId", out.message_id);
  }
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      status_response& out,
                      std::optional<read_error>& error) {
  sinch::detail::object_reader r(j, path, error);
  r.required("status", out.status);
  out.extra = r.rest();
}

inline void read_into(const json& j,
                      const std::string& path,
                      identity& out,
                      std::optional<read_error>& error) {
  sinch::detail::object_reader r(j, path, error);
  r.optional_plain("type", out.type);
  r.required("endpoint", out.endpoint);
}

inline void read_into(const json& j,
                      const std::string& path,
                      incoming_sms& out,
                      std::optional<read_error>& error) {
  sinch::detail::object_reader r(j, path, error);
  r.required("event", out.event);
  if (!error && out.event != "incomingSms") {
    error = read_error{r.field("event"), "expected 'incomingSms', got '" + out.event + "'"};
    return;
  }
  for (auto [key, target] : {std::pair{"to", &out.to}, std::pair{"from", &out.from}}) {
    json part;
    r.required(key, part);
    if (!error) {
      read_into(part, r.field(key), *target, error);
    }
  }
  r.required("message", out.message);
  r.optional_plain("timestamp", out.timestamp);
  r.optional_plain("version", out.version);
  out.extra = r.rest();
}

inline auto to_json(const incoming_sms& m) -> json {
  json j = {{"event", m.event},
            {"to", {{"type", m.to.type}, {"endpoint", m.to.endpoint}}},
            {"from", {{"type", m.from.type}, {"endpoint", m.from.endpoint}}},
            {"message", m.message},
            {"timestamp", m.timestamp},
            {"version", m.version}};
  sinch::detail::merge_extra(j, m.extra);
  return j;
}

/// Reads an `incomingSms` callback body. Check its signature first with verify_signed_request.
[[nodiscard]] inline auto parse_incoming_sms(std::string_view body) -> read_result<incoming_sms> {
  return sinch::read<incoming_sms>(body);
}

// ---- client ------------------------------------------------------------------------------

enum class auth_scheme : std::uint8_t { signed_request, basic };

struct client_config {
  credentials app;
  auth_scheme auth = auth_scheme::signed_request;
  std::string base_url = std::string(default_base_url);
  retry_policy retry;
};

template <http_transport Transport>
class client {
 public:
  using clock_function = std::function<std::chrono::system_clock::time_point()>;

  client(client_config config, Transport transport)
      : m_config(std::move(config)),
        m_transport(std::move(transport)),
        m_random(seeded_random()),
        m_sleep([](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }),
        m_clock([] { return std::chrono::system_clock::now(); }) {}

  void set_sleep(sleep_function sleep) {
    m_sleep = std::move(sleep);
  }
  void set_clock(clock_function clock) {
    m_clock = std::move(clock);
  }

  /// `POST /v1/sms/{number}`. Never retried once it may have left: the Classic API has no
  /// reference to look a message up by, so an unclear answer is outcome_unknown.
  auto send(std::string_view number,
            std::string_view message,
            std::optional<std::string> from = std::nullopt) -> response<send_response> {
    const auto to = parse_msisdn(number);
    if (!to.ok()) {
      failure f;
      f.kind = failure_kind::invalid_request;
      f.field = "number";
      f.status = to.error();
      f.message = "'" + std::string(number) + "' is not an MSISDN";
      response<send_response> out;
      out.error = std::move(f);
      return out;
    }
    json body = {{"message", message}};
    if (from) {
      body["from"] = *from;
    }
    return call<send_response>("POST", "/v1/sms/+" + std::string(to->digits()), body.dump(), false);
  }

  /// `GET /v1/sms/{messageId}`.
  auto status(std::string_view message_id) -> response<status_response> {
    return call<status_response>("GET", "/v1/sms/" + url_encode(message_id), "", true);
  }

 private:
  template <class T>
  auto call(const char* method, const std::string& path, std::string body, bool repeatable)
      -> response<T> {
    http_request request;
    request.method = method;
    std::string base = m_config.base_url;
    while (!base.empty() && base.back() == '/') {
      base.pop_back();
    }
    request.url = base + path;
    request.idempotent = repeatable;
    const std::string content_type = body.empty() ? "" : std::string(json_content_type);
    if (!body.empty()) {
      request.headers.emplace_back("Content-Type", content_type);
    }
    request.headers.emplace_back("Accept", "application/json");
    if (m_config.auth == auth_scheme::basic) {
      request.headers.emplace_back("Authorization", basic_authorization(m_config.app));
    } else {
      const std::string timestamp = iso8601(m_clock());
      auto authorization =
          signed_authorization(m_config.app, method, body, content_type, timestamp, path);
      if (!authorization) {
        response<T> out;
        failure f;
        f.kind = failure_kind::invalid_config;
        f.message = "the application secret is not Base64";
        out.error = std::move(f);
        return out;
      }
      request.headers.emplace_back("x-timestamp", timestamp);
      request.headers.emplace_back("Authorization", std::move(*authorization));
    }
    request.body = std::move(body);
    return perform<T>(m_transport, request, path, m_config.retry, m_random, m_sleep);
  }

  client_config m_config;
  Transport m_transport;
  std::mt19937_64 m_random;
  sleep_function m_sleep;
  clock_function m_clock;
};

}  // namespace septet::inline v0::sinch::classic

#endif  // SEPTET_SINCH_CLASSIC_HPP

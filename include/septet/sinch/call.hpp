#ifndef SEPTET_SINCH_CALL_HPP
#define SEPTET_SINCH_CALL_HPP

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <septet/error.hpp>
#include <septet/sinch/http.hpp>
#include <septet/sinch/models.hpp>
#include <septet/sinch/retry.hpp>
#include <string>
#include <string_view>
#include <type_traits>

/// One API call as the Sinch clients make it: the result type every endpoint returns, and the
/// loop that retries what is safe to repeat and reports what is not.
namespace septet::inline v0::sinch {

enum class failure_kind : std::uint8_t {
  invalid_config,   ///< no region, plan or token: nothing was sent
  invalid_request,  ///< septet refused it before sending, as Sinch would have
  transport,        ///< the request never reached Sinch (or a repeatable one kept failing)
  http,             ///< Sinch answered with an error status; `api` holds the body
  bad_response,     ///< a 2xx whose body is not what the API documents
  outcome_unknown,  ///< a send that may or may not have been created: check `client_reference`
};

[[nodiscard]] constexpr auto to_string(failure_kind k) noexcept -> std::string_view {
  switch (k) {
    case failure_kind::invalid_config:
      return "invalid_config";
    case failure_kind::invalid_request:
      return "invalid_request";
    case failure_kind::transport:
      return "transport";
    case failure_kind::http:
      return "http";
    case failure_kind::bad_response:
      return "bad_response";
    case failure_kind::outcome_unknown:
      return "outcome_unknown";
  }
  return "unknown";
}

struct failure {
  failure_kind kind = failure_kind::transport;
  std::string message;  ///< never contains the API token
  std::string field;    ///< invalid_request: the field at fault ("to[1]", "body")
  /// invalid_request: septet's error and offset when a core check failed (text, MSISDN,
  /// template, parameter); ok when the request breaks one of Sinch's own rules.
  septet::result status{septet::errc::invalid_option, 0};
  /// http (and 5xx outcome_unknown): Sinch's error body. invalid_request: the code and text
  /// Sinch would answer with (http_status 0: nothing was sent).
  api_error api;
  transport_error transport = transport_error::none;
  /// outcome_unknown and bad_response on a send: the reference to look the batch up by
  /// (`client.reconcile` does it).
  std::string client_reference;
};

template <class T>
struct response {
  T value{};
  std::optional<sinch::failure> error;
  int attempts = 0;  ///< HTTP exchanges made (retries included)

  [[nodiscard]] auto ok() const noexcept -> bool {
    return !error;
  }
};

/// For endpoints that answer with an empty body (delivery feedback: 202).
struct accepted {};

using sleep_function = std::function<void(std::chrono::milliseconds)>;

/// The backoff jitter's generator, seeded from several words of the system's random source.
[[nodiscard]] inline auto seeded_random() -> std::mt19937_64 {
  std::random_device source;
  std::seed_seq seed{source(), source(), source(), source()};
  return std::mt19937_64(seed);
}

/// Serialises a request body; a string that is not UTF-8 (which JSON cannot carry) is a refused
/// request, not an exception.
[[nodiscard]] inline auto serialize(const json& body, std::string& out, failure& refused) -> bool {
  try {
    out = body.dump();
    return true;
  } catch (const json::exception& e) {
    refused.kind = failure_kind::invalid_request;
    refused.message =
        std::string("the request holds a string that is not valid UTF-8 (") + e.what() + ")";
    return false;
  }
}

namespace detail {

/// The first header whose name or value holds a control character (CR and LF would end the
/// header and start another: a token read from the environment could inject one).
[[nodiscard]] inline auto header_with_control_character(const http_request& request)
    -> const http_header* {
  const auto has_control = [](std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
      const auto byte = static_cast<unsigned char>(c);
      return byte < 0x20 || byte == 0x7F;
    });
  };
  for (const auto& header : request.headers) {
    if (has_control(header.first) || has_control(header.second)) {
      return &header;
    }
  }
  return nullptr;
}

/// Replaces every credential the request carried (the Authorization value, and the token or
/// key after its scheme) by "[redacted]": a server that echoes request headers in an error body
/// must not put the token into a message the caller prints.
inline void redact_credentials(const http_request& request, std::string& text) {
  for (const auto& [name, value] : request.headers) {
    if (!iequals(name, "Authorization")) {
      continue;
    }
    const auto space = value.find(' ');
    const std::string credential = space == std::string::npos ? value : value.substr(space + 1);
    for (const auto& secret : {value, credential}) {
      for (auto at = secret.empty() ? std::string::npos : text.find(secret);
           at != std::string::npos; at = text.find(secret, at)) {
        text.replace(at, secret.size(), "[redacted]");
      }
    }
  }
}

/// The failure for an answer that ended the call, with every credential taken out of it.
[[nodiscard]] inline auto redacted(const http_request& request, failure f) -> failure {
  for (auto* text : {&f.message, &f.api.body, &f.api.text, &f.api.code}) {
    redact_credentials(request, *text);
  }
  return f;
}

}  // namespace detail

/// Sends `request`; a `request.idempotent` one is retried on 429, 5xx, transport errors and a
/// 2xx body that is not the documented shape, any other only when the transport proves it never
/// left. A non-idempotent request that may have reached the server and got no clear answer
/// (timeout, broken connection, 5xx) ends as outcome_unknown. A 2xx body is read as T. A header
/// holding a control character is never sent (invalid_config).
template <class T, http_transport Transport, class Random>
auto perform(Transport& transport,
             const http_request& request,
             std::string_view what,
             const retry_policy& policy,
             Random& random,
             const sleep_function& sleep) -> response<T> {
  response<T> out;
  const bool repeatable = request.idempotent;
  const std::string method = request.method;
  const std::string path(what);
  if (const auto* bad = detail::header_with_control_character(request)) {
    failure f;
    f.kind = failure_kind::invalid_config;
    f.field = bad->first;
    f.message = "the " + bad->first +
                " header would hold a control character (CR, LF or another byte below 0x20); "
                "nothing was sent";
    out.error = std::move(f);
    return out;
  }
  const int max_attempts = std::max(1, policy.max_attempts);
  for (int attempt = 0;; ++attempt) {
    const http_result r = transport.send(request);
    out.attempts = attempt + 1;
    const bool last = attempt + 1 >= max_attempts;
    const bool may_retry =
        r.ok() ? repeatable && is_retryable(r) : r.error == transport_error::not_sent || repeatable;
    if (may_retry && !last) {
      sleep(backoff_delay(policy, attempt, r, random));
      continue;
    }
    failure f;
    if (!r.ok()) {
      f.transport = r.error;
      const bool unknown = r.error != transport_error::not_sent && !repeatable;
      f.kind = unknown ? failure_kind::outcome_unknown : failure_kind::transport;
      f.message = method + " " + path + ": " + r.message;
      out.error = detail::redacted(request, std::move(f));
      return out;
    }
    const int status = r.response.status;
    if (status >= 200 && status < 300) {
      if constexpr (std::is_same_v<T, accepted>) {
        return out;
      } else {
        auto parsed = read<T>(std::string_view(r.response.body));
        if (parsed.ok()) {
          out.value = std::move(parsed.value);
          return out;
        }
        // A body cut short on the way is worth another try when asking again is harmless.
        if (repeatable && !last) {
          sleep(backoff_delay(policy, attempt, r, random));
          continue;
        }
        f.kind = failure_kind::bad_response;
        f.api.http_status = status;
        f.api.body = r.response.body;
        f.message = method + " " + path + ": HTTP " + std::to_string(status) +
                    " with a body that is not the documented shape (" + parsed.error->message() +
                    ")";
        out.error = detail::redacted(request, std::move(f));
        return out;
      }
    }
    f.api = read_api_error(status, r.response.body);
    f.kind = (!repeatable && status >= 500) ? failure_kind::outcome_unknown : failure_kind::http;
    f.message = method + " " + path + ": " + f.api.message();
    out.error = detail::redacted(request, std::move(f));
    return out;
  }
}

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_CALL_HPP

#ifndef SEPTET_SINCH_HTTP_HPP
#define SEPTET_SINCH_HTTP_HPP

#include <algorithm>
#include <cctype>
#include <chrono>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// What the Sinch client needs from HTTP: one blocking exchange. Implement `http_transport` to
/// bring your own stack (an event loop, a test double, a proxy); septet ships a libcurl one.
namespace septet::inline v0::sinch {

using http_header = std::pair<std::string, std::string>;

struct http_request {
  std::string method;  ///< GET, POST, PUT, DELETE
  std::string url;
  std::vector<http_header> headers;
  std::string body;
  /// false for a request that must never be repeated behind the caller's back (POST /batches):
  /// the transport must not resend it on a reused connection that went stale.
  bool idempotent = true;
};

[[nodiscard]] inline auto iequals(std::string_view a, std::string_view b) noexcept -> bool {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

/// The first header named `name` (case-insensitive), if any.
[[nodiscard]] inline auto find_header(const std::vector<http_header>& headers,
                                      std::string_view name) -> std::optional<std::string> {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) {
      return value;
    }
  }
  return std::nullopt;
}

struct http_response {
  int status = 0;
  std::vector<http_header> headers;
  std::string body;

  [[nodiscard]] auto header(std::string_view name) const -> std::optional<std::string> {
    return find_header(headers, name);
  }
};

/// How far a failed exchange got. Only `not_sent` proves the server never saw the request.
enum class transport_error : std::uint8_t {
  none,
  not_sent,         ///< DNS failure, connection refused, TLS handshake or certificate failure
  timeout,          ///< timed out after the request may have been sent
  connection_lost,  ///< the connection broke after the request may have been sent
  other,            ///< anything else (treated as "may have been sent")
};

struct http_result {
  transport_error error = transport_error::none;
  std::string message;  ///< for a transport error: what went wrong (never holds the token)
  http_response response;

  [[nodiscard]] auto ok() const noexcept -> bool {
    return error == transport_error::none;
  }
};

/// Anything that can perform one HTTP exchange.
template <class T>
concept http_transport = requires(T& t, const http_request& request) {
  { t.send(request) } -> std::same_as<http_result>;
};

/// Parses `Retry-After` given as delay-seconds (the HTTP-date form is not used by Sinch).
[[nodiscard]] inline auto parse_retry_after(std::string_view value)
    -> std::optional<std::chrono::milliseconds> {
  while (!value.empty() && value.front() == ' ') {
    value.remove_prefix(1);
  }
  while (!value.empty() && value.back() == ' ') {
    value.remove_suffix(1);
  }
  if (value.empty() || value.size() > 9) {
    return std::nullopt;
  }
  std::int64_t seconds = 0;
  for (const char c : value) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    seconds = seconds * 10 + (c - '0');
  }
  return std::chrono::seconds(seconds);
}

/// Percent-encodes a query or path component (RFC 3986 unreserved characters stay).
[[nodiscard]] inline auto url_encode(std::string_view text) -> std::string {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4U]);
      out.push_back(hex[c & 0x0FU]);
    }
  }
  return out;
}

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_HTTP_HPP

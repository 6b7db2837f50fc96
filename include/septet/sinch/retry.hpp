#ifndef SEPTET_SINCH_RETRY_HPP
#define SEPTET_SINCH_RETRY_HPP

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <septet/sinch/http.hpp>

/// When and how long to wait before trying a request again. Only requests that are safe to repeat
/// are retried on 429, 5xx and broken connections; a send is retried only when it provably never
/// left (see client.hpp).
namespace septet::inline v0::sinch {

struct retry_policy {
  int max_attempts = 4;  ///< first try included; 1 turns retries off
  std::chrono::milliseconds base_delay{250};
  std::chrono::milliseconds max_delay{8'000};  ///< cap on a backoff step and on Retry-After
};

/// Whether an answer to a repeatable request is worth another try.
[[nodiscard]] inline auto is_retryable(const http_result& r) noexcept -> bool {
  if (!r.ok()) {
    return true;
  }
  return r.response.status == 429 || r.response.status >= 500;
}

/// "Full jitter" backoff: uniform in [0, min(max_delay, base_delay * 2^attempt)], or the server's
/// Retry-After when it gives one (capped at max_delay). `attempt` counts from 0.
template <class Random>
[[nodiscard]] auto backoff_delay(const retry_policy& policy,
                                 int attempt,
                                 const http_result& r,
                                 Random& random) -> std::chrono::milliseconds {
  if (r.ok()) {
    if (const auto after = r.response.header("Retry-After")) {
      if (const auto delay = parse_retry_after(*after)) {
        return std::min(*delay, policy.max_delay);
      }
    }
  }
  const int shift = std::clamp(attempt, 0, 30);
  const auto ceiling = std::min<std::int64_t>(
      policy.max_delay.count(), policy.base_delay.count() * (std::int64_t{1} << shift));
  std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(ceiling, 0));
  return std::chrono::milliseconds(pick(random));
}

}  // namespace septet::inline v0::sinch

#endif  // SEPTET_SINCH_RETRY_HPP

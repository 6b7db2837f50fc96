#ifndef SEPTET_TOOLS_CALLBACK_SENDER_HPP
#define SEPTET_TOOLS_CALLBACK_SENDER_HPP

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace septet_cli {

/// The sandbox's outgoing callbacks (delivery reports, MO messages): POSTed by several workers
/// at once, at most `per_receiver` of them to one receiver (scheme, host and port), so a receiver
/// that never answers holds that many workers for its timeouts and never every other receiver's
/// callbacks; the queue is bounded, and what does not fit is counted as failed rather than held
/// in memory. Signed with x-sinch-webhook-signature headers when a secret is
/// set. Retries 5xx, 429 and connection errors like Sinch (milliseconds apart, not its 5 s
/// doubling up to 22 hours).
class callback_sender {
 public:
  struct settings {
    std::string webhook_secret;  ///< empty: unsigned
    std::size_t workers = 8;
    std::size_t per_receiver = 2;
    std::size_t max_queued = 10'000;
    int attempts = 4;
  };
  /// `nonce()` gives each signature its nonce.
  callback_sender(settings s, std::function<std::string()> nonce);
  ~callback_sender();
  callback_sender(const callback_sender&) = delete;
  auto operator=(const callback_sender&) -> callback_sender& = delete;

  /// The headers that sign one POST of `body` to `path`, made for each attempt.
  using signer = std::function<std::vector<std::pair<std::string, std::string>>(
      const std::string& path, const std::string& body)>;

  /// Queues a POST of `body` to `url`; a full queue fails it at once. Signed by `sign` when
  /// given (the Classic API's callbacks), else by the webhook secret, if any.
  void send(std::string url, std::string body, signer sign = {});

  /// Callbacks answered 2xx, and callbacks given up (after retries, or not queued).
  [[nodiscard]] auto sent() const -> std::size_t {
    return m_sent;
  }
  [[nodiscard]] auto failed() const -> std::size_t {
    return m_failed;
  }

 private:
  struct job {
    std::string origin;  ///< scheme://host:port
    std::string path;
    std::string body;
    signer sign;
  };
  void work();
  auto post(const job& j) -> bool;
  auto stopping() -> bool;

  settings m_settings;
  std::function<std::string()> m_nonce;
  std::atomic<std::size_t> m_sent{0};
  std::atomic<std::size_t> m_failed{0};
  std::mutex m_mutex;
  std::condition_variable m_ready;
  std::deque<job> m_queue;
  std::map<std::string, std::size_t> m_in_flight;  ///< by origin
  bool m_stopping = false;
  std::vector<std::thread> m_workers;
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_CALLBACK_SENDER_HPP

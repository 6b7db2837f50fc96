#ifndef SEPTET_TOOLS_SANDBOX_HPP
#define SEPTET_TOOLS_SANDBOX_HPP

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <septet/sinch/classic.hpp>
#include <septet/sinch/models.hpp>
#include <string>
#include <vector>

/// A local stand-in for Sinch's SMS REST API (XMS) and the Classic API, for tests and for users'
/// own CI: real HTTP on loopback, the documented status codes and error bodies, dry runs computed
/// by septet, batches kept in memory, delivery-report callbacks, and injected faults.
namespace septet_cli {

namespace sinch = septet::sinch;

enum class fault : std::uint8_t {
  too_many_requests,  ///< 429 with Retry-After: 0, request not processed
  unavailable,        ///< 503, request not processed
  slow,               ///< processed, answered after `slow_delay`
  commit_late,        ///< processed only after `slow_delay` (a send queued behind others)
  drop_before,        ///< connection dropped mid-answer, request not processed
  drop_after,         ///< processed, then the connection dropped mid-answer
  malformed,          ///< processed, answered with truncated JSON
};

/// Every kind of fault.
inline auto all_faults() -> std::vector<fault> {
  static constexpr fault all[] = {fault::too_many_requests, fault::unavailable, fault::slow,
                                  fault::commit_late,       fault::drop_before, fault::drop_after,
                                  fault::malformed};
  return {std::begin(all), std::end(all)};
}

struct fault_config {
  double rate = 0.0;  ///< share of API requests that get a fault, 0..1
  std::vector<fault> kinds = all_faults();
  std::chrono::milliseconds slow_delay{1500};  ///< of slow and commit_late
  std::uint64_t seed = 1;
};

struct sandbox_config {
  std::string host = "127.0.0.1";  ///< loopback unless asked otherwise
  int port = 0;                    ///< 0: any free port
  std::string token = "sandbox-token";
  std::string plan = "sandbox-plan";
  fault_config faults;
  std::string default_callback_url;  ///< the service plan's default callback URL
  std::string webhook_secret;        ///< set: callbacks carry x-sinch-webhook-signature headers
  std::string mo_callback_url;       ///< where injected inbound messages are POSTed
  /// Every authenticated XMS request is answered 403 blocked_account, as Sinch answers for an
  /// account it has blocked (seed 001).
  bool account_blocked = false;
  sinch::classic::credentials classic{"sandbox-key", "c2FuZGJveC1zZWNyZXQ="};
  /// Where injected inbound messages are also POSTed as the Classic API's signed incomingSms
  /// callback (seed 000); empty: not at all.
  std::string classic_callback_url;
  std::optional<std::int64_t> classic_credit;  ///< Classic sends it pays for, then 40200
  /// false: a Classic "Sandbox app", which sends only to classic_verified_numbers (40303).
  bool classic_full_sms_access = true;
  std::vector<std::string> classic_verified_numbers;
};

struct sandbox_stats {
  std::size_t requests = 0;
  std::size_t batches_created = 0;  ///< POST /batches that created a batch
  std::size_t faults_injected = 0;
  std::size_t callbacks_sent = 0;    ///< answered 2xx by the receiver
  std::size_t callbacks_failed = 0;  ///< given up after retries
  std::size_t classic_sent = 0;
};

class sandbox {
 public:
  explicit sandbox(sandbox_config config);
  ~sandbox();
  sandbox(const sandbox&) = delete;
  auto operator=(const sandbox&) -> sandbox& = delete;

  /// Binds and serves on a background thread; false when the address cannot be bound.
  auto start() -> bool;
  /// Serves on the calling thread until stop() (the CLI).
  auto run() -> bool;
  void stop();

  [[nodiscard]] auto port() const -> int;
  /// http://host:port: the base URL for the XMS client (it appends /xms/v1/{plan}) and the
  /// Classic client.
  [[nodiscard]] auto url() const -> std::string;

  [[nodiscard]] auto stats() const -> sandbox_stats;
  /// Every batch, oldest first.
  [[nodiscard]] auto batches() const -> std::vector<sinch::batch>;
  [[nodiscard]] auto batches_with_reference(const std::string& reference) const -> std::size_t;
  /// Adds an MO message as if a handset had sent it (also POSTed to mo_callback_url).
  auto add_inbound(const std::string& from, const std::string& to, const std::string& body)
      -> sinch::inbound;
  /// Changes the fault settings while running.
  void set_faults(fault_config faults);

 private:
  struct impl;
  std::unique_ptr<impl> m_impl;
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_SANDBOX_HPP

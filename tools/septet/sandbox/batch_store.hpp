#ifndef SEPTET_TOOLS_SANDBOX_BATCH_STORE_HPP
#define SEPTET_TOOLS_SANDBOX_BATCH_STORE_HPP

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <septet/sinch/dry_run.hpp>
#include <septet/sinch/models.hpp>
#include <string>
#include <vector>

#include "answers.hpp"

namespace septet_cli {

namespace sinch = septet::sinch;

struct stored_batch {
  sinch::batch batch;
  std::vector<sinch::recipient_delivery_report> reports;
};

/// Writes a batch's numbers and timestamps as Sinch returns them: numbers without + or 00 (`to`,
/// `from` when it is a number, and the MSISDN keys of `parameters`, so that each names its
/// recipient as `to` does), send_at and expire_at in UTC to the millisecond.
void as_sinch_returns(sinch::batch& b);

/// Every recipient's final report, as the sandbox "delivers" at once: Sinch's rule for each
/// recipient (failed alone with 405 or 411, else delivered in its parts). `body` is the request;
/// a group ID in `to` stands for its members, as `groups` tells them.
[[nodiscard]] auto deliver(const sinch::batch& b,
                           const sinch::json& body,
                           const sinch::group_resolver& groups = {})
    -> std::vector<sinch::recipient_delivery_report>;

/// The batch's delivery report, as `GET .../delivery_report` answers it: counts by code and
/// status (with the recipients when `full`), only for the statuses and codes asked for (none:
/// all).
[[nodiscard]] auto summarise(const stored_batch& s,
                             bool full,
                             const answers::report_filters& filters)
    -> sinch::batch_delivery_report;

/// The sandbox's memory: batches with their delivery reports, inbound messages, and the IDs it
/// hands out. Safe to use from any thread: every member takes the store's lock.
class batch_store {
 public:
  explicit batch_store(std::uint64_t seed) : m_random(seed) {}

  /// 26 characters of Crockford Base32, like Sinch's ULIDs.
  [[nodiscard]] auto new_id() -> std::string;

  /// Stores a batch for a checked request (`body`: its JSON) with a new ID, numbers as Sinch
  /// echoes them, timestamps and delivery reports.
  auto create(const sinch::batch_request& request,
              const sinch::json& body,
              const sinch::group_resolver& groups = {}) -> stored_batch;

  /// Runs `use(stored_batch&)` on batch `id` under the lock (it must not call the store); false
  /// when there is no such batch.
  template <class Use>
  auto with_batch(const std::string& id, Use&& use) -> bool {
    std::lock_guard lock(m_mutex);
    const auto it = m_index.find(id);
    if (it == m_index.end()) {
      return false;
    }
    use(m_batches[it->second]);
    return true;
  }

  /// The batches `keep(batch)` accepts, newest first.
  template <class Keep>
  [[nodiscard]] auto find_batches(Keep&& keep) const -> std::vector<sinch::batch> {
    std::lock_guard lock(m_mutex);
    std::vector<sinch::batch> found;
    for (auto it = m_batches.rbegin(); it != m_batches.rend(); ++it) {
      if (keep(it->batch)) {
        found.push_back(it->batch);
      }
    }
    return found;
  }

  /// The delivery reports `keep(report)` accepts, newest batch first.
  template <class Keep>
  [[nodiscard]] auto find_reports(Keep&& keep) const
      -> std::vector<sinch::recipient_delivery_report> {
    std::lock_guard lock(m_mutex);
    std::vector<sinch::recipient_delivery_report> found;
    for (auto it = m_batches.rbegin(); it != m_batches.rend(); ++it) {
      for (const auto& r : it->reports) {
        if (keep(r)) {
          found.push_back(r);
        }
      }
    }
    return found;
  }

  /// What an injected MO message may set beyond from, to and body (tests of Sinch's filters).
  struct inbound_details {
    /// Default: the client_reference of the newest batch from `to` to `from`, which this
    /// message answers.
    std::optional<std::string> client_reference;
    std::optional<std::string> received_at;  ///< default: now
    std::optional<std::string> operator_id;  ///< the sender's MCC/MNC (seed 003's inbound has it)
  };

  /// Stores an MO message as if a handset had sent it.
  auto add_inbound(const std::string& from,
                   const std::string& to,
                   const std::string& body,
                   const inbound_details& details = {}) -> sinch::inbound;
  /// The inbound messages to any of `to` (empty: all), newest first.
  [[nodiscard]] auto find_inbounds(const std::vector<std::string>& to) const
      -> std::vector<sinch::inbound>;
  [[nodiscard]] auto inbound(const std::string& id) const -> std::optional<sinch::inbound>;

  /// Batches created since the start.
  [[nodiscard]] auto created() const -> std::size_t;

 private:
  [[nodiscard]] auto new_id_locked() -> std::string;

  mutable std::mutex m_mutex;
  std::deque<stored_batch> m_batches;
  std::map<std::string, std::size_t> m_index;
  std::vector<sinch::inbound> m_inbounds;
  std::mt19937_64 m_random;
  std::uint64_t m_next_id = 1;
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_SANDBOX_BATCH_STORE_HPP

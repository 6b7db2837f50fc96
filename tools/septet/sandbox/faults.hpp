#ifndef SEPTET_TOOLS_SANDBOX_FAULTS_HPP
#define SEPTET_TOOLS_SANDBOX_FAULTS_HPP

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <random>

#include "../sandbox.hpp"

namespace septet_cli {

/// The sandbox's fault injection: draws, for each API request, whether it gets a fault and
/// which, and carries the fault out around the request's handler.
class fault_injector {
 public:
  using handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  explicit fault_injector(fault_config config);

  /// Counts a request and draws its fault, if any.
  [[nodiscard]] auto roll() -> std::optional<fault>;
  /// Runs `handle` for the request with the fault `f` (if any) carried out around it.
  void apply(std::optional<fault> f,
             const httplib::Request& req,
             httplib::Response& res,
             const handler& handle) const;
  void set(fault_config config);

  [[nodiscard]] auto requests() const -> std::size_t;
  [[nodiscard]] auto injected() const -> std::size_t;

 private:
  [[nodiscard]] auto slow_delay() const -> std::chrono::milliseconds;

  mutable std::mutex m_mutex;
  fault_config m_config;
  std::mt19937_64 m_random;
  std::size_t m_requests = 0;
  std::size_t m_injected = 0;
};

/// An XMS route's handler: a POST or PUT body must be JSON (415), then the request's fault is
/// drawn and carried out around `handle`.
[[nodiscard]] auto api_route(fault_injector& faults, fault_injector::handler handle)
    -> httplib::Server::Handler;

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_SANDBOX_FAULTS_HPP

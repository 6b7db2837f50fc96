#include "faults.hpp"

#include <thread>
#include <utility>

#include "answers.hpp"

namespace septet_cli {

namespace {

/// Promises a body, sends none, and fails: httplib closes the connection mid-answer. (A body
/// already set would be sent instead of the provider.)
void drop(httplib::Response& res) {
  res.body.clear();
  res.set_content_provider(64, "application/json",
                           [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
}

}  // namespace

fault_injector::fault_injector(fault_config config)
    : m_config(std::move(config)), m_random(m_config.seed) {}

auto fault_injector::roll() -> std::optional<fault> {
  std::lock_guard lock(m_mutex);
  ++m_requests;
  if (m_config.rate <= 0.0 || m_config.kinds.empty()) {
    return std::nullopt;
  }
  std::uniform_real_distribution<double> chance(0.0, 1.0);
  if (chance(m_random) >= m_config.rate) {
    return std::nullopt;
  }
  ++m_injected;
  std::uniform_int_distribution<std::size_t> pick(0, m_config.kinds.size() - 1);
  return m_config.kinds[pick(m_random)];
}

void fault_injector::apply(std::optional<fault> f,
                           const httplib::Request& req,
                           httplib::Response& res,
                           const handler& handle) const {
  if (f == fault::too_many_requests) {
    res.status = 429;
    res.set_header("Retry-After", "0");
    res.set_content(answers::error_body("too_many_requests",
                                        "The user or path has too many outstanding requests"),
                    "application/json");
    return;
  }
  if (f == fault::unavailable) {
    res.status = 503;
    res.set_content("<html><body>503 Service Unavailable</body></html>", "text/html");
    return;
  }
  if (f == fault::drop_before) {
    drop(res);
    return;
  }
  if (f == fault::commit_late) {
    std::this_thread::sleep_for(slow_delay());
  }
  handle(req, res);
  if (f == fault::slow) {
    std::this_thread::sleep_for(slow_delay());
  } else if (f == fault::drop_after) {
    drop(res);
  } else if (f == fault::malformed) {
    res.body.resize(res.body.size() / 2);
  }
}

void fault_injector::set(fault_config config) {
  std::lock_guard lock(m_mutex);
  m_config = std::move(config);
}

auto fault_injector::requests() const -> std::size_t {
  std::lock_guard lock(m_mutex);
  return m_requests;
}

auto fault_injector::injected() const -> std::size_t {
  std::lock_guard lock(m_mutex);
  return m_injected;
}

auto fault_injector::slow_delay() const -> std::chrono::milliseconds {
  std::lock_guard lock(m_mutex);
  return m_config.slow_delay;
}

auto api_route(fault_injector& faults, fault_injector::handler handle) -> httplib::Server::Handler {
  return
      [&faults, handle = std::move(handle)](const httplib::Request& req, httplib::Response& res) {
        if ((req.method == "POST" || req.method == "PUT") && !req.body.empty() &&
            req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
          answers::reply_error(res, 415, "unsupported_media_type", "Content-Type must be JSON");
          return;
        }
        faults.apply(faults.roll(), req, res, handle);
      };
}

}  // namespace septet_cli

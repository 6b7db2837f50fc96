#include "sandbox.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <charconv>
#include <ctime>
#include <septet/sinch/detail/crypto.hpp>
#include <thread>

#include "callback_sender.hpp"
#include "connection_pool.hpp"
#include "sandbox/answers.hpp"
#include "sandbox/batch_store.hpp"
#include "sandbox/classic_api.hpp"
#include "sandbox/faults.hpp"
#include "sandbox/group_store.hpp"
#include "sandbox/groups_api.hpp"
#include "sandbox/xms_api.hpp"

namespace septet_cli {

namespace sinch = septet::sinch;

namespace {

/// Limits that keep the sandbox up under abuse: open connections (each holds a worker), the
/// time a client may take between bytes, and the size of a request body (a send of 1000
/// recipients with parameters is far below it).
constexpr std::size_t max_connections = 1024;
constexpr std::time_t read_timeout = 5;
constexpr std::size_t max_request_body = 4U << 20U;

/// The Content-Length a request declares (0 when it has none or it is not a number, which
/// httplib answers itself).
auto declared_length(const httplib::Request& req) -> std::uint64_t {
  const auto text = req.get_header_value("Content-Length");
  std::uint64_t length = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), length);
  return parsed.ec == std::errc() ? length : 0;
}

auto callback_settings(const sandbox_config& c) -> callback_sender::settings {
  callback_sender::settings settings;
  settings.webhook_secret = c.webhook_secret;
  return settings;
}

auto classic_settings(const sandbox_config& c) -> classic_api::settings {
  return {c.classic, c.classic_callback_url, c.classic_credit, c.classic_full_sms_access,
          c.classic_verified_numbers};
}

}  // namespace

/// The parts, each with one job: the store (batches, inbounds, IDs), the groups, the fault
/// injector, the callback sender, the XMS (with its groups) and Classic APIs; here only the door
/// (authentication and body limits, before a body is read) and the server's life.
struct sandbox::impl {
  sandbox_config config;
  httplib::Server server;
  std::thread server_thread;
  int bound_port = 0;

  batch_store store{config.faults.seed};
  group_store groups{[this] { return store.new_id(); }};
  fault_injector faults{config.faults};
  // After the store, so that it is destroyed first: its workers take nonces from the store.
  callback_sender callbacks{callback_settings(config), [this] { return store.new_id(); }};
  classic_api classic{classic_settings(config), faults, callbacks};
  xms_api xms{{config.default_callback_url, config.mo_callback_url,
               [this](std::string_view id) { return groups.members(id); },
               [this](const sinch::inbound& m) { classic.incoming(m); }},
              store,
              faults,
              callbacks};
  groups_api groups_routes{groups, faults};
  socket_t listening = -1;  ///< the listening socket, once bound

  auto bind() -> int;

  explicit impl(sandbox_config c) : config(std::move(c)) {
    // httplib keeps a worker per open connection: one each, so that neither slow faults nor
    // slow clients queue real requests behind them; idle connections let go after a second.
    server.new_task_queue = [] { return new connection_pool(max_connections); };
    server.set_keep_alive_timeout(1);
    server.set_read_timeout(read_timeout);
    server.set_write_timeout(read_timeout);
    server.set_socket_options([this](socket_t sock) {
      httplib::default_socket_options(sock);
      listening = sock;
    });
    server.set_payload_max_length(max_request_body);
    server.set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) { return screen(req, res); });
    xms.install(server);
    groups_routes.install(server);
    classic.install(server);
    server.set_error_handler([](const httplib::Request&, httplib::Response& r) {
      if (r.body.empty()) {
        r.set_content(answers::error_body(r.status == 404 ? "not_found" : "error",
                                          "HTTP " + std::to_string(r.status)),
                      "application/json");
      }
    });
  }

  /// Answers from the headers alone and closes the connection, so that a body is never read.
  static void refuse(httplib::Response& res, int status, std::string body) {
    res.status = status;
    res.set_content(std::move(body), "application/json");
    res.set_header("Connection", "close");
  }

  /// Runs on the headers alone, before httplib reads a body: authentication first (so that a
  /// client without the token cannot make the sandbox read a body at all), then the body's
  /// declared size. Range headers are ignored (Sinch answers whole bodies), which keeps a small
  /// request from asking for the same answer thousands of times over.
  auto screen(const httplib::Request& req, httplib::Response& res)
      -> httplib::Server::HandlerResponse {
    // httplib hands the request over as const; it is its own object, parsed for this request.
    const_cast<httplib::Request&>(req).ranges.clear();
    return authenticated(req, res) && open_account(req, res) && bounded(req, res)
               ? httplib::Server::HandlerResponse::Unhandled
               : httplib::Server::HandlerResponse::Handled;
  }

  /// XMS: the service plan's bearer token. Classic: a request is signed over its body, so only a
  /// missing Authorization header is known here.
  auto authenticated(const httplib::Request& req, httplib::Response& res) const -> bool {
    static constexpr std::string_view xms_prefix = "/xms/v1/";
    const std::string_view path = req.path;
    if (path.starts_with("/v1/sms/") && !req.has_header("Authorization")) {
      refuse(res, 401, answers::classic_error_body(40100, "Illegal authorization header"));
      return false;
    }
    if (!path.starts_with(xms_prefix)) {
      return true;
    }
    const auto plan =
        path.substr(xms_prefix.size(), path.find('/', xms_prefix.size()) - xms_prefix.size());
    if (plan != config.plan ||
        !sinch::detail::equal_constant_time(req.get_header_value("Authorization"),
                                            "Bearer " + config.token)) {
      refuse(res, 401,
             answers::error_body("unauthorized",
                                 "Authentication token is invalid for this service plan"));
      return false;
    }
    return true;
  }

  /// --blocked-account: the XMS API refuses everything with Sinch's 403.
  auto open_account(const httplib::Request& req, httplib::Response& res) const -> bool {
    if (!config.account_blocked || !req.path.starts_with("/xms/v1/")) {
      return true;
    }
    refuse(res, 403, answers::error_body("blocked_account", "Your account has been blocked."));
    return false;
  }

  /// A body is read only when its size is declared and bounded: httplib 0.11 reads a chunked
  /// body without limit, and skips an over-long one byte by byte until its read timeout.
  static auto bounded(const httplib::Request& req, httplib::Response& res) -> bool {
    if (req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos) {
      refuse(res, 411,
             answers::error_body("length_required", "A request body needs a Content-Length."));
      return false;
    }
    if (declared_length(req) > max_request_body) {
      refuse(res, 413,
             answers::error_body(
                 "payload_too_large",
                 "A request body is at most " + std::to_string(max_request_body) + " bytes."));
      return false;
    }
    return true;
  }
};

sandbox::sandbox(sandbox_config config) : m_impl(std::make_unique<impl>(std::move(config))) {}

sandbox::~sandbox() {
  stop();
}

/// Binds the configured address (port 0: any free one). httplib 0.11, compiled into Debian's
/// library, listens with a backlog of 5: a burst of connections (150 slow clients) overflows it,
/// and a real client whose SYN is dropped waits a second for the retransmit. Listening again on
/// the same socket raises the backlog to the system's maximum.
auto sandbox::impl::bind() -> int {
  const int port = config.port == 0
                       ? server.bind_to_any_port(config.host)
                       : (server.bind_to_port(config.host, config.port) ? config.port : -1);
  if (port > 0 && listening >= 0) {
    ::listen(listening, SOMAXCONN);
  }
  return port;
}

auto sandbox::start() -> bool {
  auto& s = *m_impl;
  s.bound_port = s.bind();
  if (s.bound_port <= 0) {
    return false;
  }
  s.server_thread = std::thread([&s] { s.server.listen_after_bind(); });
  // httplib's stop() is a no-op until the accept loop runs; wait for it so stop() always works.
  while (!s.server.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

auto sandbox::run() -> bool {
  auto& s = *m_impl;
  s.bound_port = s.bind();
  return s.bound_port > 0 && s.server.listen_after_bind();
}

void sandbox::stop() {
  m_impl->server.stop();
  if (m_impl->server_thread.joinable()) {
    m_impl->server_thread.join();
  }
}

auto sandbox::port() const -> int {
  return m_impl->bound_port;
}

auto sandbox::url() const -> std::string {
  return "http://" + m_impl->config.host + ":" + std::to_string(m_impl->bound_port);
}

auto sandbox::stats() const -> sandbox_stats {
  sandbox_stats stats;
  stats.requests = m_impl->faults.requests();
  stats.faults_injected = m_impl->faults.injected();
  stats.batches_created = m_impl->store.created();
  stats.callbacks_sent = m_impl->callbacks.sent();
  stats.callbacks_failed = m_impl->callbacks.failed();
  stats.classic_sent = m_impl->classic.sent();
  return stats;
}

auto sandbox::batches() const -> std::vector<sinch::batch> {
  auto newest_first = m_impl->store.find_batches([](const sinch::batch&) { return true; });
  return {newest_first.rbegin(), newest_first.rend()};
}

auto sandbox::batches_with_reference(const std::string& reference) const -> std::size_t {
  return m_impl->store
      .find_batches([&](const sinch::batch& b) { return b.client_reference == reference; })
      .size();
}

auto sandbox::add_inbound(const std::string& from, const std::string& to, const std::string& body)
    -> sinch::inbound {
  return m_impl->xms.add_inbound(from, to, body);
}

void sandbox::set_faults(fault_config faults) {
  m_impl->faults.set(std::move(faults));
}

}  // namespace septet_cli

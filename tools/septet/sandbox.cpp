#include "sandbox.hpp"

#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <septet/msisdn.hpp>
#include <septet/sinch/client.hpp>
#include <septet/sinch/dry_run.hpp>
#include <septet/sinch/webhook.hpp>
#include <thread>

#include "callback_sender.hpp"
#include "comma_list.hpp"
#include "connection_pool.hpp"

namespace septet::tools {

namespace {

using sinch::json;

struct stored_batch {
  sinch::batch batch;
  std::vector<sinch::recipient_delivery_report> reports;
};

/// JSON text that never throws: a path segment in an error message may not be UTF-8.
auto dump(const json& j) -> std::string {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

auto error_body(std::string_view code, std::string_view text) -> std::string {
  return dump(json{{"code", code}, {"text", text}});
}

auto classic_error_body(int code, std::string_view message) -> std::string {
  return dump(json{{"errorCode", code}, {"message", message}, {"reference", "sandbox"}});
}

/// Digits only, as Sinch echoes numbers; group IDs and other strings stay as they are.
auto echo_number(const std::string& s) -> std::string {
  const auto n = septet::parse_msisdn(s);
  return n.ok() ? std::string(n.value.digits()) : s;
}

auto now_iso() -> std::string {
  return sinch::classic::iso8601(std::chrono::system_clock::now());
}

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

auto query_int(const httplib::Request& req, const char* key, std::int64_t fallback)
    -> std::optional<std::int64_t> {
  if (!req.has_param(key)) {
    return fallback;
  }
  std::int64_t v = 0;
  if (!sinch::detail::convert(json(req.get_param_value(key)), v)) {
    return std::nullopt;
  }
  return v;
}

}  // namespace

struct sandbox::impl {
  sandbox_config config;
  httplib::Server server;
  std::thread server_thread;
  int bound_port = 0;

  mutable std::mutex mutex;
  std::deque<stored_batch> batches;
  std::map<std::string, std::size_t> batch_index;
  std::vector<sinch::inbound> inbounds;
  std::map<std::string, std::string> classic_messages;
  sandbox_stats counters;
  std::mt19937_64 random;
  std::uint64_t next_id = 1;

  // Last, so that it is destroyed first: its workers take nonces from new_id().
  callback_sender callbacks{callback_settings(config), [this] {
                              std::lock_guard lock(mutex);
                              return new_id();
                            }};

  static auto callback_settings(const sandbox_config& c) -> callback_sender::settings {
    callback_sender::settings settings;
    settings.webhook_secret = c.webhook_secret;
    return settings;
  }

  explicit impl(sandbox_config c) : config(std::move(c)), random(config.faults.seed) {
    // httplib keeps a worker per open connection: one each, so that neither slow faults nor
    // slow clients queue real requests behind them; idle connections let go after a second.
    server.new_task_queue = [] { return new connection_pool(max_connections); };
    server.set_keep_alive_timeout(1);
    server.set_read_timeout(read_timeout);
    server.set_write_timeout(read_timeout);
    server.set_payload_max_length(max_request_body);
    server.set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) { return screen(req, res); });
    routes();
  }

  // ---- before a request's body is read ----------------------------------------------------

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
    return authenticated(req, res) && bounded(req, res)
               ? httplib::Server::HandlerResponse::Unhandled
               : httplib::Server::HandlerResponse::Handled;
  }

  /// XMS: the service plan's bearer token. Classic: a request is signed over its body, so only a
  /// missing Authorization header is known here.
  auto authenticated(const httplib::Request& req, httplib::Response& res) const -> bool {
    static constexpr std::string_view xms_prefix = "/xms/v1/";
    const std::string_view path = req.path;
    if (path.starts_with("/v1/sms/") && !req.has_header("Authorization")) {
      refuse(res, 401, classic_error_body(40100, "Illegal authorization header"));
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
             error_body("unauthorized", "Authentication token is invalid for this service plan"));
      return false;
    }
    return true;
  }

  /// A body is read only when its size is declared and bounded: httplib 0.11 reads a chunked
  /// body without limit, and skips an over-long one byte by byte until its read timeout.
  static auto bounded(const httplib::Request& req, httplib::Response& res) -> bool {
    if (req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos) {
      refuse(res, 411, error_body("length_required", "A request body needs a Content-Length."));
      return false;
    }
    if (declared_length(req) > max_request_body) {
      refuse(res, 413,
             error_body("payload_too_large", "A request body is at most " +
                                                 std::to_string(max_request_body) + " bytes."));
      return false;
    }
    return true;
  }

  // ---- identifiers ----------------------------------------------------------------------

  auto new_id() -> std::string {  // 26 characters of Crockford Base32, like Sinch's ULIDs
    static constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::string id = "01";
    std::uint64_t a = next_id++;
    std::uint64_t b = random();
    for (int i = 0; i < 12; ++i, a >>= 5U) {
      id.push_back(alphabet[a & 31U]);
    }
    for (int i = 0; i < 12; ++i, b >>= 5U) {
      id.push_back(alphabet[b & 31U]);
    }
    return id;
  }

  // ---- faults ---------------------------------------------------------------------------

  auto roll_fault() -> std::optional<fault> {
    std::lock_guard lock(mutex);
    ++counters.requests;
    if (config.faults.rate <= 0.0 || config.faults.kinds.empty()) {
      return std::nullopt;
    }
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    if (chance(random) >= config.faults.rate) {
      return std::nullopt;
    }
    ++counters.faults_injected;
    std::uniform_int_distribution<std::size_t> pick(0, config.faults.kinds.size() - 1);
    return config.faults.kinds[pick(random)];
  }

  auto slow_delay() const -> std::chrono::milliseconds {
    std::lock_guard lock(mutex);
    return config.faults.slow_delay;
  }

  static void drop(httplib::Response& res) {
    // Promise a body, send none, and fail: httplib closes the connection mid-answer. (A body
    // already set would be sent instead of the provider.)
    res.body.clear();
    res.set_content_provider(64, "application/json",
                             [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
  }

  /// Wraps an XMS handler: the content type, then an injected fault, then the handler.
  template <class Handler>
  auto xms(Handler handler) {
    return [this, handler](const httplib::Request& req, httplib::Response& res) {
      // The token was checked by screen(), before the body was read.
      if ((req.method == "POST" || req.method == "PUT") && !req.body.empty() &&
          req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
        res.status = 415;
        res.set_content(error_body("unsupported_media_type", "Content-Type must be JSON"),
                        "application/json");
        return;
      }
      const auto f = roll_fault();
      if (f == fault::too_many_requests) {
        res.status = 429;
        res.set_header("Retry-After", "0");
        res.set_content(
            error_body("too_many_requests", "The user or path has too many outstanding requests"),
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
      handler(req, res);
      if (f == fault::slow) {
        std::this_thread::sleep_for(slow_delay());
      } else if (f == fault::drop_after) {
        drop(res);
      } else if (f == fault::malformed) {
        res.body.resize(res.body.size() / 2);
      }
    };
  }

  static void reply(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_content(dump(body), "application/json");
  }

  static void reply_error(httplib::Response& res,
                          int status,
                          std::string_view code,
                          std::string_view text) {
    res.status = status;
    res.set_content(error_body(code, text), "application/json");
  }

  // ---- batches --------------------------------------------------------------------------

  /// Reads and checks a send body as Sinch does; false after writing the error answer.
  auto read_send_body(const httplib::Request& req,
                      httplib::Response& res,
                      json& body,
                      sinch::batch_request& request) -> bool {
    body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      reply_error(res, 400, "syntax_invalid_json", "The request body is not a valid JSON object.");
      return false;
    }
    auto parsed = sinch::read<sinch::batch_request>(body);
    if (!parsed.ok()) {
      reply_error(
          res, 400,
          parsed.error->missing ? "syntax_constraint_violation" : "syntax_invalid_parameter_format",
          "The parameter '" + parsed.error->field + "' " + parsed.error->what + ".");
      return false;
    }
    request = std::move(parsed.value);
    if (auto problem = sinch::check_request(request)) {
      reply(res, 400, problem->answer.to_json());
      return false;
    }
    const auto report = request.delivery_report.value_or("none");
    if (report != "none" && !request.callback_url && config.default_callback_url.empty()) {
      reply_error(res, 403, "missing_callback_url",
                  "Requesting delivery report without any callback URL.");
      return false;
    }
    return true;
  }

  /// Every recipient's final report, as the sandbox "delivers" at once.
  static auto deliver(const sinch::batch& b, const json& body)
      -> std::vector<sinch::recipient_delivery_report> {
    std::map<std::string, std::pair<std::int64_t, std::string>> outcome;
    std::map<std::string, std::int64_t> parts;
    if (b.type == "mt_text") {
      sinch::dry_run_options opts;
      opts.per_recipient = true;
      opts.per_recipient_limit = sinch::max_recipients_per_batch;
      const auto run = sinch::dry_run(body, opts);
      for (const auto& f : run.failures) {
        outcome[f.recipient] = {f.code, "Aborted"};
      }
      for (const auto& r : run.per_recipient) {
        parts[r.recipient] = static_cast<std::int64_t>(r.number_of_parts);
      }
    }
    std::vector<sinch::recipient_delivery_report> out;
    const auto at = now_iso();
    for (const auto& to : b.to) {
      sinch::recipient_delivery_report r;
      r.batch_id = b.id;
      r.recipient = to;
      const auto o = outcome.find(to);
      r.code = o == outcome.end() ? 0 : o->second.first;
      r.status = o == outcome.end() ? "Delivered" : o->second.second;
      r.at = at;
      r.operator_status_at = at;
      r.client_reference = b.client_reference;
      if (b.max_number_of_message_parts && parts.contains(to)) {
        r.number_of_message_parts = parts[to];
      }
      out.push_back(std::move(r));
    }
    return out;
  }

  void queue_reports(const stored_batch& s) {
    const auto& b = s.batch;
    const auto kind = b.delivery_report.value_or("none");
    const auto url = b.callback_url.value_or(config.default_callback_url);
    if (kind == "none" || url.empty()) {
      return;
    }
    if (kind == "summary" || kind == "full") {
      queue_callback(url, dump(sinch::to_json(summarise(s, kind == "full", {}, {}))));
    } else {
      for (const auto& r : s.reports) {
        queue_callback(url, dump(sinch::to_json(r)));
      }
    }
  }

  static auto summarise(const stored_batch& s,
                        bool full,
                        const std::vector<std::string>& status,
                        const std::vector<std::string>& code) -> sinch::batch_delivery_report {
    sinch::batch_delivery_report d;
    d.batch_id = s.batch.id;
    d.client_reference = s.batch.client_reference;
    d.total_message_count = static_cast<std::int64_t>(s.reports.size());
    std::map<std::pair<std::int64_t, std::string>, sinch::delivery_status> rows;
    for (const auto& r : s.reports) {
      if (!status.empty() && std::find(status.begin(), status.end(), r.status) == status.end()) {
        continue;
      }
      if (!code.empty() &&
          std::find(code.begin(), code.end(), std::to_string(r.code)) == code.end()) {
        continue;
      }
      auto& row = rows[{r.code, r.status}];
      row.code = r.code;
      row.status = r.status;
      ++row.count;
      if (full) {
        row.recipients.push_back(r.recipient);
      }
    }
    for (auto& [key, row] : rows) {
      d.statuses.push_back(std::move(row));
    }
    return d;
  }

  auto find_batch(const std::string& id) -> stored_batch* {
    const auto it = batch_index.find(id);
    return it == batch_index.end() ? nullptr : &batches[it->second];
  }

  /// The batch the path names, or nullptr after answering 404 (the caller holds the mutex).
  auto batch_or_404(const httplib::Request& req, httplib::Response& res) -> stored_batch* {
    auto* s = find_batch(req.matches[2]);
    if (s == nullptr) {
      reply_error(res, 404, "not_found", "Batch '" + std::string(req.matches[2]) + "' not found.");
    }
    return s;
  }

  void send_batch(const httplib::Request& req, httplib::Response& res) {
    json body;
    sinch::batch_request request;
    if (!read_send_body(req, res, body, request)) {
      return;
    }
    std::lock_guard lock(mutex);
    stored_batch s;
    static_cast<sinch::batch_request&>(s.batch) = request;
    s.batch.id = new_id();
    for (auto& to : s.batch.to) {
      to = echo_number(to);
    }
    if (s.batch.from) {
      *s.batch.from = echo_number(*s.batch.from);
    }
    s.batch.created_at = s.batch.modified_at = now_iso();
    s.reports = deliver(s.batch, body);
    batch_index[s.batch.id] = batches.size();
    batches.push_back(std::move(s));
    ++counters.batches_created;
    queue_reports(batches.back());
    reply(res, 201, sinch::to_json(batches.back().batch));
  }

  void dry_run(const httplib::Request& req, httplib::Response& res) {
    json body;
    sinch::batch_request request;
    if (!read_send_body(req, res, body, request)) {
      return;
    }
    constexpr auto most = static_cast<std::int64_t>(sinch::max_per_recipient_limit);
    const auto limit = query_int(req, "number_of_recipients",
                                 static_cast<std::int64_t>(sinch::default_per_recipient_limit));
    if (!limit || *limit < 1 || *limit > most) {
      reply_error(res, 400, "syntax_constraint_violation",
                  "number_of_recipients must be between 1 and " + std::to_string(most) + ".");
      return;
    }
    sinch::dry_run_options opts;
    opts.per_recipient = req.get_param_value("per_recipient") == "true";
    opts.per_recipient_limit = static_cast<std::size_t>(*limit);
    const auto run = sinch::dry_run(body, opts);
    if (run.error) {
      reply(res, 400, run.error->to_json());
      return;
    }
    reply(res, 200, run.to_json(opts.per_recipient));
  }

  template <class Item>
  auto paginate(const httplib::Request& req, httplib::Response& res, const std::vector<Item>& all)
      -> bool {
    const auto page = query_int(req, "page", 0);
    const auto size = query_int(req, "page_size", 30);
    constexpr std::int64_t last_page = 1'000'000;  // the sandbox's own bound, far past any test
    if (!page || !size || *page < 0 || *page > last_page || *size < 1 ||
        *size > sinch::max_page_size) {
      reply_error(res, 400, "syntax_constraint_violation",
                  "page must be 0 to " + std::to_string(last_page) + " and page_size 1 to " +
                      std::to_string(sinch::max_page_size) + ".");
      return false;
    }
    sinch::page<Item> p;
    p.number = *page;
    p.page_size = *size;
    p.count = static_cast<std::int64_t>(all.size());
    const auto begin = std::min<std::size_t>(all.size(), static_cast<std::size_t>(*page * *size));
    const auto end = std::min<std::size_t>(all.size(), begin + static_cast<std::size_t>(*size));
    p.items.assign(all.begin() + static_cast<std::ptrdiff_t>(begin),
                   all.begin() + static_cast<std::ptrdiff_t>(end));
    reply(res, 200, sinch::to_json(p));
    return true;
  }

  static auto in_dates(const httplib::Request& req, const std::optional<std::string>& at) -> bool {
    const auto when = at.value_or("");
    if (req.has_param("start_date") && when < req.get_param_value("start_date")) {
      return false;
    }
    return !req.has_param("end_date") || when < req.get_param_value("end_date");
  }

  void list_batches(const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    const auto senders = septet_cli::split_commas(req.get_param_value("from"));
    std::vector<sinch::batch> found;
    for (auto it = batches.rbegin(); it != batches.rend(); ++it) {  // newest first
      const auto& b = it->batch;
      if (req.has_param("client_reference") &&
          b.client_reference != req.get_param_value("client_reference")) {
        continue;
      }
      if (!senders.empty() && std::none_of(senders.begin(), senders.end(), [&](const auto& f) {
            return echo_number(f) == b.from.value_or("");
          })) {
        continue;
      }
      if (in_dates(req, b.created_at)) {
        found.push_back(b);
      }
    }
    paginate(req, res, found);
  }

  void get_batch(const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    const auto* s = batch_or_404(req, res);
    if (s == nullptr) {
      return;
    }
    reply(res, 200, sinch::to_json(s->batch));
  }

  void cancel_batch(const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    auto* s = batch_or_404(req, res);
    if (s == nullptr) {
      return;
    }
    s->batch.canceled = true;
    s->batch.modified_at = now_iso();
    reply(res, 200, sinch::to_json(s->batch));
  }

  void replace_batch(const httplib::Request& req, httplib::Response& res) {
    json body;
    sinch::batch_request request;
    if (!read_send_body(req, res, body, request)) {
      return;
    }
    std::lock_guard lock(mutex);
    auto* s = batch_or_404(req, res);
    if (s == nullptr) {
      return;
    }
    const auto id = s->batch.id;
    const auto created = s->batch.created_at;
    static_cast<sinch::batch_request&>(s->batch) = request;
    s->batch.id = id;
    s->batch.created_at = created;
    s->batch.modified_at = now_iso();
    s->batch.canceled = false;
    for (auto& to : s->batch.to) {
      to = echo_number(to);
    }
    s->reports = deliver(s->batch, body);
    queue_reports(*s);
    reply(res, 200, sinch::to_json(s->batch));
  }

  void update_batch(const httplib::Request& req, httplib::Response& res) {
    const json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      reply_error(res, 400, "syntax_invalid_json", "The request body is not a valid JSON object.");
      return;
    }
    std::lock_guard lock(mutex);
    auto* s = batch_or_404(req, res);
    if (s == nullptr) {
      return;
    }
    json merged = sinch::to_json(s->batch);
    for (const auto& [key, value] : body.items()) {
      if (key != "to_add" && key != "to_remove") {
        merged[key] = value;
      }
    }
    auto& to = merged["to"];
    for (const char* key : {"to_add", "to_remove"}) {
      if (body.contains(key) && !body[key].is_array()) {
        reply_error(res, 400, "syntax_invalid_parameter_format",
                    std::string("The parameter '") + key + "' must be an array.");
        return;
      }
    }
    for (const auto& add : body.value("to_add", json::array())) {
      if (add.is_string()) {
        to.push_back(echo_number(add.get<std::string>()));
      }
    }
    for (const auto& remove : body.value("to_remove", json::array())) {
      if (remove.is_string()) {
        const auto digits = echo_number(remove.get<std::string>());
        json kept = json::array();
        for (const auto& t : to) {
          if (t != digits) {
            kept.push_back(t);
          }
        }
        to = kept;
      }
    }
    auto updated = sinch::read<sinch::batch>(merged);
    if (!updated.ok()) {
      reply_error(res, 400, "syntax_invalid_parameter_format", updated.error->message());
      return;
    }
    if (auto problem = sinch::check_request(updated.value)) {
      reply(res, 400, problem->answer.to_json());
      return;
    }
    s->batch = std::move(updated.value);
    s->batch.modified_at = now_iso();
    s->reports = deliver(s->batch, merged);
    reply(res, 200, sinch::to_json(s->batch));
  }

  void delivery_feedback(const httplib::Request& req, httplib::Response& res) {
    const json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("recipients") ||
        !body["recipients"].is_array()) {
      reply_error(res, 400, "syntax_constraint_violation",
                  "The parameter 'recipients' is required and must be an array.");
      return;
    }
    std::lock_guard lock(mutex);
    const auto* s = batch_or_404(req, res);
    if (s == nullptr) {
      return;
    }
    if (!s->batch.feedback_enabled.value_or(false)) {
      reply_error(res, 400, "syntax_constraint_violation",
                  "Delivery feedback is not enabled for this batch.");
      return;
    }
    res.status = 202;
  }

  void batch_report(const httplib::Request& req, httplib::Response& res) {
    const auto type = req.has_param("type") ? req.get_param_value("type") : "summary";
    if (type != "summary" && type != "full") {
      reply_error(res, 400, "syntax_invalid_parameter_format",
                  "The parameter 'type' must be summary or full.");
      return;
    }
    std::lock_guard lock(mutex);
    const auto* s = batch_or_404(req, res);
    if (s == nullptr) {
      return;
    }
    reply(res, 200,
          sinch::to_json(summarise(*s, type == "full",
                                   septet_cli::split_commas(req.get_param_value("status")),
                                   septet_cli::split_commas(req.get_param_value("code")))));
  }

  void recipient_report(const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    const auto* s = find_batch(req.matches[2]);
    const auto recipient = echo_number(req.matches[3]);
    if (s != nullptr) {
      for (const auto& r : s->reports) {
        if (r.recipient == recipient) {
          reply(res, 200, sinch::to_json(r));
          return;
        }
      }
    }
    reply_error(res, 404, "not_found", "No delivery report for this batch and recipient.");
  }

  void list_reports(const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    const auto status = septet_cli::split_commas(req.get_param_value("status"));
    const auto code = septet_cli::split_commas(req.get_param_value("code"));
    std::vector<sinch::recipient_delivery_report> found;
    for (auto it = batches.rbegin(); it != batches.rend(); ++it) {
      for (const auto& r : it->reports) {
        if ((status.empty() || std::find(status.begin(), status.end(), r.status) != status.end()) &&
            (code.empty() ||
             std::find(code.begin(), code.end(), std::to_string(r.code)) != code.end()) &&
            (!req.has_param("client_reference") ||
             r.client_reference == req.get_param_value("client_reference"))) {
          found.push_back(r);
        }
      }
    }
    paginate(req, res, found);
  }

  void list_inbounds(const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    const auto to = septet_cli::split_commas(req.get_param_value("to"));
    std::vector<sinch::inbound> found;
    for (auto it = inbounds.rbegin(); it != inbounds.rend(); ++it) {
      if (to.empty() || std::any_of(to.begin(), to.end(),
                                    [&](const auto& t) { return echo_number(t) == it->to; })) {
        found.push_back(*it);
      }
    }
    paginate(req, res, found);
  }

  void get_inbound(const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    for (const auto& m : inbounds) {
      if (m.id == req.matches[2]) {
        reply(res, 200, sinch::to_json(m));
        return;
      }
    }
    reply_error(res, 404, "not_found", "Inbound '" + std::string(req.matches[2]) + "' not found.");
  }

  auto add_inbound(const std::string& from, const std::string& to, const std::string& body)
      -> sinch::inbound {
    sinch::inbound m;
    {
      std::lock_guard lock(mutex);
      m.id = new_id();
      m.from = echo_number(from);
      m.to = echo_number(to);
      m.body = body;
      m.sent_at = m.received_at = now_iso();
      inbounds.push_back(m);
    }
    if (!config.mo_callback_url.empty()) {
      queue_callback(config.mo_callback_url, dump(sinch::to_json(m)));
    }
    return m;
  }

  // ---- Classic API ----------------------------------------------------------------------

  auto classic_authorized(const httplib::Request& req) -> bool {
    std::vector<sinch::http_header> headers;
    for (const auto& [name, value] : req.headers) {
      headers.emplace_back(name, value);
    }
    const auto authorization = req.get_header_value("Authorization");
    if (authorization.rfind("Basic ", 0) == 0) {
      return sinch::detail::equal_constant_time(
          authorization, sinch::classic::basic_authorization(config.classic));
    }
    return sinch::classic::verify_signed_request(config.classic, req.method, req.path, headers,
                                                 req.body, std::chrono::system_clock::now()) ==
           sinch::signature_check::valid;
  }

  void classic_send(const httplib::Request& req, httplib::Response& res) {
    if (!classic_authorized(req)) {
      res.status = 401;
      res.set_content(classic_error_body(40100, "Illegal authorization header"),
                      "application/json");
      return;
    }
    const auto number = septet::parse_msisdn(std::string(req.matches[1]));
    const json body = json::parse(req.body, nullptr, false);
    if (!number.ok()) {
      res.status = 400;
      res.set_content(classic_error_body(40001, "Parameter validation: invalid number"),
                      "application/json");
      return;
    }
    if (body.is_discarded() || !body.is_object() || !body.contains("message") ||
        !body["message"].is_string()) {
      res.status = 400;
      res.set_content(classic_error_body(40002, "Missing parameter: message"), "application/json");
      return;
    }
    std::lock_guard lock(mutex);
    const auto id = static_cast<std::int64_t>(next_id++);
    classic_messages[std::to_string(id)] = "Successful";
    ++counters.classic_sent;
    reply(res, 200, json{{"messageId", id}});
  }

  void classic_status(const httplib::Request& req, httplib::Response& res) {
    if (!classic_authorized(req)) {
      res.status = 401;
      res.set_content(classic_error_body(40100, "Illegal authorization header"),
                      "application/json");
      return;
    }
    std::lock_guard lock(mutex);
    const auto it = classic_messages.find(req.matches[1]);
    reply(res, 200, json{{"status", it == classic_messages.end() ? "Unknown" : it->second}});
  }

  // ---- callbacks ------------------------------------------------------------------------

  void queue_callback(const std::string& url, std::string body) {
    callbacks.send(url, std::move(body));
  }

  // ---- routes ---------------------------------------------------------------------------

  void routes() {
    const std::string plan = R"(/xms/v1/([^/]+))";
    const std::string id = R"(([^/]+))";
    server.Post(plan + "/batches", xms([this](auto& q, auto& r) { send_batch(q, r); }));
    server.Get(plan + "/batches", xms([this](auto& q, auto& r) { list_batches(q, r); }));
    server.Post(plan + "/batches/dry_run", xms([this](auto& q, auto& r) { dry_run(q, r); }));
    server.Get(plan + "/batches/" + id, xms([this](auto& q, auto& r) { get_batch(q, r); }));
    server.Post(plan + "/batches/" + id, xms([this](auto& q, auto& r) { update_batch(q, r); }));
    server.Put(plan + "/batches/" + id, xms([this](auto& q, auto& r) { replace_batch(q, r); }));
    server.Delete(plan + "/batches/" + id, xms([this](auto& q, auto& r) { cancel_batch(q, r); }));
    server.Post(plan + "/batches/" + id + "/delivery_feedback",
                xms([this](auto& q, auto& r) { delivery_feedback(q, r); }));
    server.Get(plan + "/batches/" + id + "/delivery_report",
               xms([this](auto& q, auto& r) { batch_report(q, r); }));
    server.Get(plan + "/batches/" + id + "/delivery_report/" + id,
               xms([this](auto& q, auto& r) { recipient_report(q, r); }));
    server.Get(plan + "/delivery_reports", xms([this](auto& q, auto& r) { list_reports(q, r); }));
    server.Get(plan + "/inbounds", xms([this](auto& q, auto& r) { list_inbounds(q, r); }));
    server.Get(plan + "/inbounds/" + id, xms([this](auto& q, auto& r) { get_inbound(q, r); }));
    server.Post(R"(/v1/sms/([^/]+))", [this](auto& q, auto& r) { classic_send(q, r); });
    server.Get(R"(/v1/sms/([^/]+))", [this](auto& q, auto& r) { classic_status(q, r); });
    // Sandbox-only: inject an MO message.
    server.Post("/sandbox/inbounds", [this](const httplib::Request& q, httplib::Response& r) {
      const json body = json::parse(q.body, nullptr, false);
      if (body.is_discarded() || !body.is_object() || !body.value("from", json()).is_string() ||
          !body.value("to", json()).is_string() || !body.value("body", json()).is_string()) {
        reply_error(r, 400, "syntax_constraint_violation", "Needs string from, to and body.");
        return;
      }
      reply(
          r, 201,
          sinch::to_json(add_inbound(body["from"].get<std::string>(), body["to"].get<std::string>(),
                                     body["body"].get<std::string>())));
    });
    server.set_error_handler([](const httplib::Request&, httplib::Response& r) {
      if (r.body.empty()) {
        r.set_content(
            error_body(r.status == 404 ? "not_found" : "error", "HTTP " + std::to_string(r.status)),
            "application/json");
      }
    });
  }
};

sandbox::sandbox(sandbox_config config) : m_impl(std::make_unique<impl>(std::move(config))) {}

sandbox::~sandbox() {
  stop();
}

auto sandbox::start() -> bool {
  auto& s = *m_impl;
  s.bound_port = s.config.port == 0
                     ? s.server.bind_to_any_port(s.config.host)
                     : (s.server.bind_to_port(s.config.host, s.config.port) ? s.config.port : -1);
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
  s.bound_port = s.config.port == 0
                     ? s.server.bind_to_any_port(s.config.host)
                     : (s.server.bind_to_port(s.config.host, s.config.port) ? s.config.port : -1);
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
  std::lock_guard lock(m_impl->mutex);
  auto stats = m_impl->counters;
  stats.callbacks_sent = m_impl->callbacks.sent();
  stats.callbacks_failed = m_impl->callbacks.failed();
  return stats;
}

auto sandbox::batches() const -> std::vector<sinch::batch> {
  std::lock_guard lock(m_impl->mutex);
  std::vector<sinch::batch> out;
  for (const auto& s : m_impl->batches) {
    out.push_back(s.batch);
  }
  return out;
}

auto sandbox::batches_with_reference(const std::string& reference) const -> std::size_t {
  std::lock_guard lock(m_impl->mutex);
  return static_cast<std::size_t>(
      std::count_if(m_impl->batches.begin(), m_impl->batches.end(),
                    [&](const auto& s) { return s.batch.client_reference == reference; }));
}

auto sandbox::add_inbound(const std::string& from, const std::string& to, const std::string& body)
    -> sinch::inbound {
  return m_impl->add_inbound(from, to, body);
}

void sandbox::set_faults(fault_config faults) {
  std::lock_guard lock(m_impl->mutex);
  m_impl->config.faults = std::move(faults);
}

}  // namespace septet::tools

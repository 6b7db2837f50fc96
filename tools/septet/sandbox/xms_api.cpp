#include "xms_api.hpp"

#include <algorithm>
#include <septet/msisdn.hpp>
#include <septet/sinch/dry_run.hpp>
#include <septet/sinch/request_checks.hpp>
#include <septet/sinch/timestamp.hpp>
#include <utility>
#include <vector>

#include "../comma_list.hpp"
#include "answers.hpp"

namespace septet_cli {

namespace sinch = septet::sinch;

using answers::dump;
using answers::echo_number;
using answers::now_iso;
using answers::reply;
using answers::reply_error;
using sinch::json;

namespace {

/// The query parameter `key` when given: whether it equals `value`.
auto matches(const httplib::Request& req, const char* key, const std::optional<std::string>& value)
    -> bool {
  return !req.has_param(key) || value == req.get_param_value(key);
}

/// What an update leaves alone: the batch's identity and history, and `to`, which an update
/// changes only through to_add and to_remove.
auto is_fixed_field(const std::string& key) -> bool {
  constexpr std::string_view fixed[] = {"id", "created_at", "modified_at", "canceled",
                                        "to", "to_add",     "to_remove"};
  return std::find(std::begin(fixed), std::end(fixed), key) != std::end(fixed);
}

void batch_not_found(httplib::Response& res, const std::string& id) {
  reply_error(res, 404, "not_found", "Batch '" + id + "' not found.");
}

/// An update's to_add and to_remove, each checked under its own name (`to_add[1]`), applied to
/// the batch's `to`; false after answering 400.
auto change_recipients(const json& body, json& to, httplib::Response& res) -> bool {
  for (const char* key : {"to_add", "to_remove"}) {
    if (!body.contains(key) || body[key].is_null()) {
      continue;
    }
    if (auto problem = sinch::check_recipient_changes(key, body[key])) {
      reply(res, 400, problem->answer.to_json());
      return false;
    }
  }
  for (const auto& add : body.value("to_add", json::array())) {
    to.push_back(echo_number(add.get<std::string>()));
  }
  for (const auto& remove : body.value("to_remove", json::array())) {
    const auto digits = echo_number(remove.get<std::string>());
    json kept = json::array();
    for (const auto& t : to) {
      if (t != digits) {
        kept.push_back(t);
      }
    }
    to = kept;
  }
  return true;
}

}  // namespace

void xms_api::install(httplib::Server& server) {
  const std::string plan = R"(/xms/v1/([^/]+))";
  const std::string id = R"(([^/]+))";
  const std::string batch = plan + "/batches/" + id;
  // In matching order: dry_run before the batch ID that would also match it.
  const std::vector<answers::route_methods> routes = {
      {plan + "/batches/dry_run", {{"POST", api(&xms_api::dry_run)}}},
      {plan + "/batches",
       {{"GET", api(&xms_api::list_batches)}, {"POST", api(&xms_api::send_batch)}}},
      {batch,
       {{"GET", api(&xms_api::get_batch)},
        {"POST", api(&xms_api::update_batch)},
        {"PUT", api(&xms_api::replace_batch)},
        {"DELETE", api(&xms_api::cancel_batch)}}},
      {batch + "/delivery_feedback", {{"POST", api(&xms_api::delivery_feedback)}}},
      {batch + "/delivery_report", {{"GET", api(&xms_api::batch_report)}}},
      {batch + "/delivery_report/" + id, {{"GET", api(&xms_api::recipient_report)}}},
      {plan + "/delivery_reports", {{"GET", api(&xms_api::list_reports)}}},
      {plan + "/inbounds", {{"GET", api(&xms_api::list_inbounds)}}},
      {plan + "/inbounds/" + id, {{"GET", api(&xms_api::get_inbound)}}},
  };
  for (const auto& route : routes) {
    answers::install(server, route);
  }
  // Sandbox-only: inject an MO message.
  server.Post("/sandbox/inbounds", [this](auto& q, auto& r) { inject_inbound(q, r); });
}

/// Wraps a handler: the content type, then an injected fault, then the handler.
auto xms_api::api(handler h) -> httplib::Server::Handler {
  return api_route(
      m_faults, [this, h](const httplib::Request& q, httplib::Response& r) { (this->*h)(q, r); });
}

/// Reads and checks a send body as Sinch does, then the groups and the callback it names; false
/// after writing the error answer.
auto xms_api::read_send_body(const httplib::Request& req,
                             httplib::Response& res,
                             json& body,
                             sinch::batch_request& request) -> bool {
  if (!answers::read_request(req, res, body, request,
                             [](const auto& r) { return sinch::check_request(r); })) {
    return false;
  }
  if (!groups_known(request.to, res)) {
    return false;
  }
  return callback_known(request, res);
}

auto xms_api::callback_known(const sinch::batch_request& request, httplib::Response& res) const
    -> bool {
  const auto report = request.delivery_report.value_or("none");
  if (report != "none" && !request.callback_url && m_settings.default_callback_url.empty()) {
    reply_error(res, 403, "missing_callback_url",
                "Requesting delivery report without any callback URL.");
    return false;
  }
  return true;
}

auto xms_api::groups_known(const std::vector<std::string>& to, httplib::Response& res) const
    -> bool {
  for (const auto& entry : to) {
    if (septet::parse_msisdn(entry).ok()) {
      continue;
    }
    if (!m_settings.groups || !m_settings.groups(entry)) {
      reply(res, sinch::unknown_group_status, sinch::unknown_group(entry).to_json());
      return false;
    }
  }
  return true;
}

void xms_api::queue_reports(const stored_batch& s) {
  const auto& b = s.batch;
  const auto kind = b.delivery_report.value_or("none");
  const auto url = b.callback_url.value_or(m_settings.default_callback_url);
  if (kind == "none" || url.empty()) {
    return;
  }
  if (kind == "summary" || kind == "full") {
    m_callbacks.send(url, dump(sinch::to_json(summarise(s, kind == "full", {}))));
    return;
  }
  for (const auto& r : s.reports) {
    m_callbacks.send(url, dump(sinch::to_json(r)));
  }
}

void xms_api::send_batch(const httplib::Request& req, httplib::Response& res) {
  json body;
  sinch::batch_request request;
  if (!read_send_body(req, res, body, request)) {
    return;
  }
  const auto stored = m_store.create(request, body, m_settings.groups);
  queue_reports(stored);
  reply(res, 201, sinch::to_json(stored.batch));
}

void xms_api::dry_run(const httplib::Request& req, httplib::Response& res) {
  json body;
  sinch::batch_request request;
  if (!read_send_body(req, res, body, request)) {
    return;
  }
  const auto limit =
      answers::query_int(req, res, "number_of_recipients",
                         static_cast<std::int64_t>(sinch::default_per_recipient_limit), 1,
                         static_cast<std::int64_t>(sinch::max_per_recipient_limit));
  if (!limit) {
    return;
  }
  const auto per_recipient = answers::query_bool(req, res, "per_recipient", false);
  if (!per_recipient) {
    return;
  }
  sinch::dry_run_options opts;
  opts.per_recipient = *per_recipient;
  opts.per_recipient_limit = static_cast<std::size_t>(*limit);
  opts.group_members = m_settings.groups;
  const auto run = sinch::dry_run(body, opts);
  if (run.error) {
    reply(res, run.error_status, run.error->to_json());
    return;
  }
  reply(res, 200, run.to_json(opts.per_recipient));
}

void xms_api::list_batches(const httplib::Request& req, httplib::Response& res) {
  const auto window = answers::read_window(req, res);
  if (!window) {
    return;
  }
  const auto senders = septet_cli::split_commas(req.get_param_value("from"));
  const auto found = m_store.find_batches([&](const sinch::batch& b) {
    if (!matches(req, "client_reference", b.client_reference)) {
      return false;
    }
    if (!senders.empty() && std::none_of(senders.begin(), senders.end(), [&](const auto& f) {
          return echo_number(f) == b.from.value_or("");
        })) {
      return false;
    }
    return window->contains(b.created_at);
  });
  answers::paginate(req, res, found);
}

void xms_api::get_batch(const httplib::Request& req, httplib::Response& res) {
  if (!m_store.with_batch(req.matches[2],
                          [&](stored_batch& s) { reply(res, 200, sinch::to_json(s.batch)); })) {
    batch_not_found(res, req.matches[2]);
  }
}

void xms_api::cancel_batch(const httplib::Request& req, httplib::Response& res) {
  if (!m_store.with_batch(req.matches[2], [&](stored_batch& s) {
        s.batch.canceled = true;
        s.batch.modified_at = now_iso();
        reply(res, 200, sinch::to_json(s.batch));
      })) {
    batch_not_found(res, req.matches[2]);
  }
}

void xms_api::replace_batch(const httplib::Request& req, httplib::Response& res) {
  json body;
  sinch::batch_request request;
  if (!read_send_body(req, res, body, request)) {
    return;
  }
  std::optional<stored_batch> replaced;
  const bool found = m_store.with_batch(req.matches[2], [&](stored_batch& s) {
    const auto id = s.batch.id;
    const auto created = s.batch.created_at;
    static_cast<sinch::batch_request&>(s.batch) = request;
    s.batch.id = id;
    s.batch.created_at = created;
    s.batch.modified_at = now_iso();
    s.batch.canceled = false;
    as_sinch_returns(s.batch);
    s.reports = deliver(s.batch, body, m_settings.groups);
    replaced = s;
  });
  if (!found) {
    batch_not_found(res, req.matches[2]);
    return;
  }
  queue_reports(*replaced);
  reply(res, 200, sinch::to_json(replaced->batch));
}

void xms_api::update_batch(const httplib::Request& req, httplib::Response& res) {
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    reply(res, 400, sinch::read_problem(sinch::read_error{}).answer.to_json());
    return;
  }
  const bool found = m_store.with_batch(req.matches[2], [&](stored_batch& s) {
    json merged = sinch::to_json(s.batch);
    for (const auto& [key, value] : body.items()) {
      if (!is_fixed_field(key)) {
        merged[key] = value;
      }
    }
    if (!change_recipients(body, merged["to"], res)) {
      return;
    }
    // Strictly, as a send: the batch's own fields are already of their types.
    auto updated = sinch::read<sinch::batch>(merged, sinch::read_mode::strict);
    if (!updated.ok()) {
      reply(res, 400, sinch::read_problem(*updated.error).answer.to_json());
      return;
    }
    if (auto problem = sinch::check_request(updated.value)) {
      reply(res, 400, problem->answer.to_json());
      return;
    }
    if (!groups_known(updated.value.to, res) || !callback_known(updated.value, res)) {
      return;
    }
    s.batch = std::move(updated.value);
    as_sinch_returns(s.batch);
    s.batch.modified_at = now_iso();
    s.reports = deliver(s.batch, merged, m_settings.groups);
    reply(res, 200, sinch::to_json(s.batch));
  });
  if (!found) {
    batch_not_found(res, req.matches[2]);
  }
}

void xms_api::delivery_feedback(const httplib::Request& req, httplib::Response& res) {
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("recipients") ||
      !body["recipients"].is_array()) {
    reply_error(res, 400, "syntax_constraint_violation",
                "The parameter 'recipients' is required and must be an array.");
    return;
  }
  // Accepted without feedback_enabled too: the seeds do not say Sinch refuses it (the SDK
  // models only say feedback_enabled "enables" it), so the sandbox refuses nothing on that guess.
  const bool found = m_store.with_batch(req.matches[2], [&](stored_batch&) { res.status = 202; });
  if (!found) {
    batch_not_found(res, req.matches[2]);
  }
}

void xms_api::batch_report(const httplib::Request& req, httplib::Response& res) {
  const auto type = req.has_param("type") ? req.get_param_value("type") : "summary";
  if (type != "summary" && type != "full") {
    reply_error(res, 400, "syntax_invalid_parameter_format",
                "The parameter 'type' must be summary or full.");
    return;
  }
  const auto filters = answers::read_report_filters(req, res);
  if (!filters) {
    return;
  }
  if (!m_store.with_batch(req.matches[2], [&](stored_batch& s) {
        reply(res, 200, sinch::to_json(summarise(s, type == "full", *filters)));
      })) {
    batch_not_found(res, req.matches[2]);
  }
}

void xms_api::recipient_report(const httplib::Request& req, httplib::Response& res) {
  const auto recipient = echo_number(req.matches[3]);
  bool answered = false;
  (void)m_store.with_batch(req.matches[2], [&](stored_batch& s) {
    const auto r = std::find_if(s.reports.begin(), s.reports.end(),
                                [&](const auto& report) { return report.recipient == recipient; });
    if (r != s.reports.end()) {
      reply(res, 200, sinch::to_json(*r));
      answered = true;
    }
  });
  if (!answered) {
    reply_error(res, 404, "not_found", "No delivery report for this batch and recipient.");
  }
}

void xms_api::list_reports(const httplib::Request& req, httplib::Response& res) {
  const auto window = answers::read_window(req, res);
  if (!window) {
    return;
  }
  const auto filters = answers::read_report_filters(req, res);
  if (!filters) {
    return;
  }
  const auto found = m_store.find_reports([&](const sinch::recipient_delivery_report& r) {
    return filters->matches(r.status, r.code) &&
           matches(req, "client_reference", r.client_reference) && window->contains(r.at);
  });
  answers::paginate(req, res, found);
}

/// Sinch's filters (seed 003): to, start_date (default: 24 hours ago), end_date and
/// client_reference.
void xms_api::list_inbounds(const httplib::Request& req, httplib::Response& res) {
  const auto window = answers::read_window(req, res, sinch::now() - std::chrono::hours(24));
  if (!window) {
    return;
  }
  const auto to = septet_cli::split_commas(req.get_param_value("to"));
  auto found = m_store.find_inbounds(to);
  std::erase_if(found, [&](const sinch::inbound& m) {
    return !window->contains(m.received_at) ||
           !matches(req, "client_reference", m.client_reference);
  });
  answers::paginate(req, res, found);
}

void xms_api::get_inbound(const httplib::Request& req, httplib::Response& res) {
  if (const auto m = m_store.inbound(req.matches[2])) {
    reply(res, 200, sinch::to_json(*m));
    return;
  }
  reply_error(res, 404, "not_found", "Inbound '" + std::string(req.matches[2]) + "' not found.");
}

auto xms_api::add_inbound(const std::string& from,
                          const std::string& to,
                          const std::string& body,
                          const batch_store::inbound_details& details) -> sinch::inbound {
  auto m = m_store.add_inbound(from, to, body, details);
  if (!m_settings.mo_callback_url.empty()) {
    m_callbacks.send(m_settings.mo_callback_url, dump(sinch::to_json(m)));
  }
  if (m_settings.on_inbound) {
    m_settings.on_inbound(m);
  }
  return m;
}

/// `{"from", "to", "body"}`, and optionally `client_reference`, `received_at` (ISO-8601) and
/// `operator_id`.
void xms_api::inject_inbound(const httplib::Request& req, httplib::Response& res) {
  const json body = json::parse(req.body, nullptr, false);
  const auto text = [&](const char* key) {
    return body.is_object() && body.value(key, json()).is_string();
  };
  if (!text("from") || !text("to") || !text("body")) {
    reply_error(res, 400, "syntax_constraint_violation", "Needs string from, to and body.");
    return;
  }
  batch_store::inbound_details details;
  if (text("client_reference")) {
    details.client_reference = body["client_reference"].get<std::string>();
  }
  if (text("operator_id")) {
    details.operator_id = body["operator_id"].get<std::string>();
  }
  if (text("received_at")) {
    details.received_at = sinch::normalize_timestamp(body["received_at"].get<std::string>());
    if (!details.received_at) {
      reply_error(res, 400, "syntax_invalid_parameter_format", "received_at is not ISO-8601.");
      return;
    }
  }
  reply(res, 201,
        sinch::to_json(add_inbound(body["from"].get<std::string>(), body["to"].get<std::string>(),
                                   body["body"].get<std::string>(), details)));
}

}  // namespace septet_cli

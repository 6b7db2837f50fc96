#include "classic_api.hpp"

#include <chrono>
#include <septet/msisdn.hpp>
#include <septet/sinch/detail/crypto.hpp>
#include <vector>

#include "answers.hpp"

namespace septet_cli {

namespace sinch = septet::sinch;

using answers::classic_error_body;
using sinch::json;

namespace {

void refuse(httplib::Response& res, int status, int code, std::string_view message) {
  res.status = status;
  res.set_content(classic_error_body(code, message), "application/json");
}

}  // namespace

void classic_api::install(httplib::Server& server) {
  server.Post(R"(/v1/sms/([^/]+))", [this](auto& q, auto& r) { send(q, r); });
  server.Get(R"(/v1/sms/([^/]+))", [this](auto& q, auto& r) { status(q, r); });
}

auto classic_api::sent() const -> std::size_t {
  std::lock_guard lock(m_mutex);
  return m_messages.size();
}

auto classic_api::authorized(const httplib::Request& req) const -> bool {
  std::vector<sinch::http_header> headers;
  for (const auto& [name, value] : req.headers) {
    headers.emplace_back(name, value);
  }
  const auto authorization = req.get_header_value("Authorization");
  if (authorization.rfind("Basic ", 0) == 0) {
    return sinch::detail::equal_constant_time(authorization,
                                              sinch::classic::basic_authorization(m_credentials));
  }
  return sinch::classic::verify_signed_request(m_credentials, req.method, req.path, headers,
                                               req.body, std::chrono::system_clock::now()) ==
         sinch::signature_check::valid;
}

void classic_api::send(const httplib::Request& req, httplib::Response& res) {
  if (!authorized(req)) {
    refuse(res, 401, 40100, "Illegal authorization header");
    return;
  }
  const auto number = septet::parse_msisdn(std::string(req.matches[1]));
  const json body = json::parse(req.body, nullptr, false);
  if (!number.ok()) {
    refuse(res, 400, 40001, "Parameter validation: invalid number");
    return;
  }
  if (body.is_discarded() || !body.is_object() || !body.contains("message") ||
      !body["message"].is_string()) {
    refuse(res, 400, 40002, "Missing parameter: message");
    return;
  }
  std::lock_guard lock(m_mutex);
  const auto id = m_next_id++;
  m_messages[std::to_string(id)] = "Successful";
  answers::reply(res, 200, json{{"messageId", id}});
}

void classic_api::status(const httplib::Request& req, httplib::Response& res) {
  if (!authorized(req)) {
    refuse(res, 401, 40100, "Illegal authorization header");
    return;
  }
  std::lock_guard lock(m_mutex);
  const auto it = m_messages.find(req.matches[1]);
  answers::reply(res, 200, json{{"status", it == m_messages.end() ? "Unknown" : it->second}});
}

}  // namespace septet_cli

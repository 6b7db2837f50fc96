#include "classic_api.hpp"

#include <algorithm>
#include <chrono>
#include <septet/msisdn.hpp>
#include <septet/sinch/detail/crypto.hpp>
#include <septet/sinch/timestamp.hpp>
#include <string_view>
#include <vector>

#include "answers.hpp"

namespace septet_cli {

namespace sinch = septet::sinch;

using answers::classic_error_body;
using sinch::json;

namespace {

/// The documented error codes (seed 000) and their text; the HTTP status is the code's first
/// three digits (40100 is 401, 40301 is 403, 50000 is 500).
auto error_text(int code) -> std::string_view {
  switch (code) {
    case 40001:
      return "Parameter validation";
    case 40002:
      return "Missing parameter";
    case 40003:
      return "Invalid request";
    case 40100:
      return "Illegal authorization header";
    case 40200:
      return "There is not enough funds to send the message";
    case 40300:
      return "Forbidden request";
    case 40301:
      return "Invalid authorization scheme for calling the method";
    case 40303:
      return "";  // two meanings share it: the detail is the whole message
    default:
      return "Internal error";
  }
}

void refuse(httplib::Response& res, int code, std::string_view detail = {}) {
  res.status = code / 100;
  std::string message(error_text(code));
  if (!detail.empty()) {
    message.append(message.empty() ? "" : ": ").append(detail);
  }
  res.set_content(classic_error_body(code, message), "application/json");
}

/// When Sinch received the message (seed 000: "the timestamp when the SMS was received"): the
/// inbound's received_at, now when it has none.
auto received_at(const sinch::inbound& m) -> std::chrono::system_clock::time_point {
  const auto at = m.received_at ? sinch::parse_timestamp(*m.received_at) : std::nullopt;
  return at ? std::chrono::time_point_cast<std::chrono::system_clock::duration>(*at)
            : std::chrono::system_clock::now();
}

/// An identity of the incomingSms callback: a number in international format with its `+`.
auto endpoint(const std::string& number) -> nlohmann::ordered_json {
  const auto n = septet::parse_msisdn(number);
  return {{"type", "number"}, {"endpoint", n.ok() ? "+" + std::string(n->digits()) : number}};
}

}  // namespace

void classic_api::install(httplib::Server& server) {
  // Any other method: 405 with Allow, as the XMS paths answer it.
  answers::install(server,
                   {R"(/v1/sms/([^/]+))",
                    {{"GET", [this](auto& q, auto& r) { serve(q, r, &classic_api::status); }},
                     {"POST", [this](auto& q, auto& r) { serve(q, r, &classic_api::send); }}}});
}

auto classic_api::sent() const -> std::size_t {
  std::lock_guard lock(m_mutex);
  return m_messages.size();
}

/// An injected fault: 429 and 503 (answered without processing) become the Classic API's 50000
/// Internal error; the others are carried out as on the XMS API.
void classic_api::serve(const httplib::Request& req,
                        httplib::Response& res,
                        void (classic_api::*handle)(const httplib::Request&, httplib::Response&)) {
  const auto f = m_faults.roll();
  if (f == fault::too_many_requests || f == fault::unavailable) {
    refuse(res, 50000);
    return;
  }
  m_faults.apply(f, req, res, [this, handle](const httplib::Request& q, httplib::Response& r) {
    if (const int code = authorization_error(q)) {
      refuse(r, code);
      return;
    }
    (this->*handle)(q, r);
  });
}

auto classic_api::authorization_error(const httplib::Request& req) const -> int {
  const auto authorization = req.get_header_value("Authorization");
  if (authorization.rfind("Basic ", 0) == 0) {
    return sinch::detail::equal_constant_time(
               authorization, sinch::classic::basic_authorization(m_settings.credentials))
               ? 0
               : 40100;
  }
  if (authorization.rfind("Application ", 0) != 0) {
    return 40301;  // Bearer, Instance, anything but the two schemes the Classic API takes
  }
  std::vector<sinch::http_header> headers(req.headers.begin(), req.headers.end());
  return sinch::classic::verify_signed_request(
             m_settings.credentials, req.method, req.path, headers, req.body,
             std::chrono::system_clock::now()) == sinch::signature_check::valid
             ? 0
             : 40100;
}

auto classic_api::sending_error(const std::string& number, const json& body) const -> int {
  if (body.contains("from") && body["from"].is_string()) {
    // A custom alphanumeric sender needs Sinch's sales team (seed 000, "From" restrictions).
    const auto from = body["from"].get<std::string>();
    if (std::any_of(from.begin(), from.end(),
                    [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); })) {
      return 40300;
    }
  }
  if (!m_settings.full_sms_access) {
    const auto& verified = m_settings.verified_numbers;
    if (verified.empty() || std::none_of(verified.begin(), verified.end(), [&](const auto& v) {
          return answers::echo_number(v) == number;
        })) {
      return 40303;
    }
  }
  std::lock_guard lock(m_mutex);
  if (m_settings.credit && static_cast<std::int64_t>(m_messages.size()) >= *m_settings.credit) {
    return 40200;
  }
  return 0;
}

void classic_api::send(const httplib::Request& req, httplib::Response& res) {
  const auto number = septet::parse_msisdn(std::string(req.matches[1]));
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    refuse(res, 40003, "the body is not a JSON object");
    return;
  }
  if (!body.contains("message")) {
    refuse(res, 40002, "message");
    return;
  }
  if (!number.ok() || !body["message"].is_string() ||
      (body.contains("from") && !body["from"].is_string())) {
    refuse(res, 40001, !number.ok() ? "invalid number" : "message and from must be strings");
    return;
  }
  const std::string digits(number->digits());
  if (const int code = sending_error(digits, body)) {
    if (code == 40303) {
      refuse(res, code,
             m_settings.verified_numbers.empty()
                 ? "No verified phone number on your Sinch account"
                 : "Full Sms access not enabled for App. Can only send Sms to verified numbers.");
    } else {
      refuse(res, code);
    }
    return;
  }
  std::lock_guard lock(m_mutex);
  const auto id = m_next_id++;
  m_messages[std::to_string(id)] = "Successful";
  answers::reply(res, 200, json{{"messageId", id}});
}

void classic_api::status(const httplib::Request& req, httplib::Response& res) {
  std::lock_guard lock(m_mutex);
  const auto it = m_messages.find(req.matches[1]);
  answers::reply(res, 200, json{{"status", it == m_messages.end() ? "Unknown" : it->second}});
}

void classic_api::incoming(const sinch::inbound& m) {
  if (m_settings.callback_url.empty()) {
    return;
  }
  // In the seed's order of keys, so that it reads like the seed's example.
  const nlohmann::ordered_json callback = {{"event", "incomingSms"},
                                           {"to", endpoint(m.to)},
                                           {"from", endpoint(m.from)},
                                           {"message", m.body},
                                           {"timestamp", sinch::classic::iso8601(received_at(m))},
                                           {"version", 1}};
  // Signed with the application's key and secret, as a signed request to the callback's path.
  const auto credentials = m_settings.credentials;
  m_callbacks.send(
      m_settings.callback_url, callback.dump(-1, ' ', false, json::error_handler_t::replace),
      [credentials](const std::string& path, const std::string& body) {
        const auto timestamp = sinch::classic::iso8601(std::chrono::system_clock::now());
        return std::vector<std::pair<std::string, std::string>>{
            {"x-timestamp", timestamp},
            {"Authorization", sinch::classic::signed_authorization(
                                  credentials, "POST", body, "application/json", timestamp, path)
                                  .value_or("")}};
      });
}

}  // namespace septet_cli

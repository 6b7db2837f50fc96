#include "answers.hpp"

#include <chrono>
#include <septet/msisdn.hpp>
#include <septet/sinch/timestamp.hpp>

namespace septet_cli::answers {

namespace sinch = septet::sinch;

void install(httplib::Server& server, const route_methods& route) {
  using registrar =
      httplib::Server& (httplib::Server::*)(const std::string&, httplib::Server::Handler);
  static const std::pair<const char*, registrar> methods[] = {
      {"GET", &httplib::Server::Get},       {"POST", &httplib::Server::Post},
      {"PUT", &httplib::Server::Put},       {"PATCH", &httplib::Server::Patch},
      {"DELETE", &httplib::Server::Delete},
  };
  std::string allowed;
  for (const auto& [method, handler] : route.handlers) {
    allowed.append(allowed.empty() ? "" : ", ").append(method);
  }
  for (const auto& [method, add] : methods) {
    const auto own = std::find_if(route.handlers.begin(), route.handlers.end(),
                                  // clang 14 cannot capture a structured binding itself
                                  [&m = method](const auto& h) { return h.first == m; });
    if (own != route.handlers.end()) {
      (server.*add)(route.pattern, own->second);
      continue;
    }
    (server.*add)(route.pattern, [allowed](const httplib::Request&, httplib::Response& res) {
      res.status = 405;
      res.set_header("Allow", allowed);
    });
  }
}

auto dump(const json& j) -> std::string {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

auto error_body(std::string_view code, std::string_view text) -> std::string {
  return dump(json{{"code", code}, {"text", text}});
}

auto classic_error_body(int code, std::string_view message) -> std::string {
  return dump(json{{"errorCode", code}, {"message", message}, {"reference", "sandbox"}});
}

void reply(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(dump(body), "application/json");
}

void reply_error(httplib::Response& res, int status, std::string_view code, std::string_view text) {
  res.status = status;
  res.set_content(error_body(code, text), "application/json");
}

auto echo_number(const std::string& s) -> std::string {
  const auto n = septet::parse_msisdn(s);
  return n.ok() ? std::string(n.value.digits()) : s;
}

auto now_iso() -> std::string {
  return sinch::format_timestamp(sinch::now());
}

auto time_window::contains(const std::optional<std::string>& at) const -> bool {
  if (!start && !end) {
    return true;
  }
  const auto moment = at ? sinch::parse_timestamp(*at) : std::nullopt;
  return moment && (!start || *moment >= *start) && (!end || *moment < *end);
}

auto read_window(const httplib::Request& req,
                 httplib::Response& res,
                 std::optional<sinch::timestamp> default_start) -> std::optional<time_window> {
  time_window window{default_start, std::nullopt};
  for (const auto& [key, bound] :
       {std::pair{"start_date", &window.start}, std::pair{"end_date", &window.end}}) {
    if (!req.has_param(key)) {
      continue;
    }
    *bound = sinch::parse_timestamp(req.get_param_value(key));
    if (!*bound) {
      reply_error(res, 400, "syntax_invalid_parameter_format",
                  std::string("The parameter '") + key + "' must be an ISO-8601 date and time.");
      return std::nullopt;
    }
  }
  return window;
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

}  // namespace septet_cli::answers

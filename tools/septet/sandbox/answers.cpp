#include "answers.hpp"

#include <charconv>
#include <chrono>
#include <septet/msisdn.hpp>
#include <septet/sinch/timestamp.hpp>

#include "../comma_list.hpp"

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
  return n.ok() ? std::string(n->digits()) : s;
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

auto query_int(const httplib::Request& req,
               httplib::Response& res,
               const char* key,
               std::int64_t fallback,
               std::int64_t least,
               std::int64_t most) -> std::optional<std::int64_t> {
  if (!req.has_param(key)) {
    return fallback;
  }
  const auto text = req.get_param_value(key);
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc{} || ptr != end) {
    reply_error(res, 400, "syntax_invalid_parameter_format",
                std::string("The parameter '") + key + "' must be an integer.");
    return std::nullopt;
  }
  if (value < least || value > most) {
    reply_error(res, 400, "syntax_constraint_violation",
                std::string("The parameter '") + key + "' must be from " + std::to_string(least) +
                    " to " + std::to_string(most) + ".");
    return std::nullopt;
  }
  return value;
}

auto query_bool(const httplib::Request& req, httplib::Response& res, const char* key, bool fallback)
    -> std::optional<bool> {
  if (!req.has_param(key)) {
    return fallback;
  }
  const auto text = req.get_param_value(key);
  if (text == "true" || text == "false") {
    return text == "true";
  }
  reply_error(res, 400, "syntax_invalid_parameter_format",
              std::string("The parameter '") + key + "' must be true or false.");
  return std::nullopt;
}

auto report_filters::matches(const std::string& report_status, std::int64_t report_code) const
    -> bool {
  return (status.empty() ||
          std::find(status.begin(), status.end(), report_status) != status.end()) &&
         (code.empty() ||
          std::find(code.begin(), code.end(), std::to_string(report_code)) != code.end());
}

auto read_report_filters(const httplib::Request& req, httplib::Response& res)
    -> std::optional<report_filters> {
  report_filters filters{split_commas(req.get_param_value("status")),
                         split_commas(req.get_param_value("code"))};
  for (const auto& status : filters.status) {
    if (!sinch::is_delivery_status(status)) {
      reply_error(res, 400, "syntax_invalid_parameter_format",
                  "The parameter 'status' has '" + status + "', not one of " +
                      sinch::detail::value_list(sinch::delivery_statuses) + ".");
      return std::nullopt;
    }
  }
  for (auto& code : filters.code) {
    std::int64_t value = 0;
    const auto* end = code.data() + code.size();
    const auto [ptr, ec] = std::from_chars(code.data(), end, value);
    if (ec != std::errc{} || ptr != end) {
      reply_error(res, 400, "syntax_invalid_parameter_format",
                  "The parameter 'code' has '" + code + "', not an integer.");
      return std::nullopt;
    }
    code = std::to_string(value);  // "0405" filters as 405
  }
  return filters;
}

}  // namespace septet_cli::answers

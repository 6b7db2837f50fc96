#include "answers.hpp"

#include <chrono>
#include <septet/msisdn.hpp>
#include <septet/sinch/classic.hpp>

namespace septet_cli::answers {

namespace sinch = septet::sinch;

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
  return sinch::classic::iso8601(std::chrono::system_clock::now());
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

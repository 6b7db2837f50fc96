#ifndef SEPTET_TOOLS_SANDBOX_ANSWERS_HPP
#define SEPTET_TOOLS_SANDBOX_ANSWERS_HPP

#include <httplib.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <septet/sinch/models.hpp>
#include <septet/sinch/request_checks.hpp>
#include <septet/sinch/rules.hpp>
#include <septet/sinch/timestamp.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// How the sandbox reads requests and words its answers, shared by its XMS and Classic parts.
namespace septet_cli::answers {

namespace sinch = septet::sinch;

using sinch::json;

/// The methods one path takes, each with its handler.
struct route_methods {
  std::string pattern;
  std::vector<std::pair<std::string, httplib::Server::Handler>> handlers;
};

/// Registers a path's handlers, and 405 Method Not Allowed (with `Allow`) for every other method,
/// as Sinch answers "the path is valid but not for this method" (seed 001).
void install(httplib::Server& server, const route_methods& route);

/// JSON text that never throws: a path segment in an error message may not be UTF-8.
[[nodiscard]] auto dump(const json& j) -> std::string;
/// Sinch's XMS error body, and the Classic API's.
[[nodiscard]] auto error_body(std::string_view code, std::string_view text) -> std::string;
[[nodiscard]] auto classic_error_body(int code, std::string_view message) -> std::string;

void reply(httplib::Response& res, int status, const json& body);
void reply_error(httplib::Response& res, int status, std::string_view code, std::string_view text);

/// Reads a request body as T the way Sinch does (sinch::read_request: each field of its JSON type)
/// and checks it with `check` (check_request, check_group_request, ...); false after answering
/// 400. `body` keeps the parsed JSON.
template <class T, class Check>
auto read_request(
    const httplib::Request& req, httplib::Response& res, json& body, T& out, Check check) -> bool {
  std::optional<sinch::request_problem> problem = sinch::read_request(req.body, body, out);
  if (!problem) {
    problem = check(out);
  }
  if (!problem) {
    return true;
  }
  reply(res, 400, problem->answer.to_json());
  return false;
}

/// Digits only, as Sinch echoes numbers; group IDs and other strings stay as they are.
[[nodiscard]] auto echo_number(const std::string& s) -> std::string;
/// Now, as Sinch writes timestamps.
[[nodiscard]] auto now_iso() -> std::string;
/// The start_date and end_date of a list request: items at or after the start and before the end.
struct time_window {
  std::optional<sinch::timestamp> start;
  std::optional<sinch::timestamp> end;

  /// Whether `at` (an item's timestamp) falls inside; an item without one only when unbounded.
  [[nodiscard]] auto contains(const std::optional<std::string>& at) const -> bool;
};

/// The window a list request asks for, `default_start` when it gives no start_date; nothing after
/// answering 400 for a date that is not ISO-8601.
[[nodiscard]] auto read_window(const httplib::Request& req,
                               httplib::Response& res,
                               std::optional<sinch::timestamp> default_start = std::nullopt)
    -> std::optional<time_window>;

/// An integer query parameter from `least` to `most`, `fallback` when absent; nothing after
/// answering 400: syntax_invalid_parameter_format when it is not an integer (a value's form),
/// syntax_constraint_violation when it is one outside the range.
[[nodiscard]] auto query_int(const httplib::Request& req,
                             httplib::Response& res,
                             const char* key,
                             std::int64_t fallback,
                             std::int64_t least,
                             std::int64_t most) -> std::optional<std::int64_t>;

/// A boolean query parameter, `true` or `false` (as the SDKs write it), `fallback` when absent;
/// nothing after answering 400 syntax_invalid_parameter_format for anything else.
[[nodiscard]] auto query_bool(const httplib::Request& req,
                              httplib::Response& res,
                              const char* key,
                              bool fallback) -> std::optional<bool>;

/// The `status` and `code` filters of the delivery-report endpoints: comma lists of statuses
/// (sinch::delivery_statuses) and of integers.
struct report_filters {
  std::vector<std::string> status;
  std::vector<std::string> code;  ///< as the integers print: "0", "405"

  [[nodiscard]] auto matches(const std::string& report_status, std::int64_t report_code) const
      -> bool;
};

/// The filters a report request asks for; nothing after answering 400
/// syntax_invalid_parameter_format for a status or code Sinch does not have.
[[nodiscard]] auto read_report_filters(const httplib::Request& req, httplib::Response& res)
    -> std::optional<report_filters>;

/// Answers one page of `all` as Sinch's list endpoints do; false after answering 400 for a bad
/// page or page_size.
template <class Item>
auto paginate(const httplib::Request& req, httplib::Response& res, const std::vector<Item>& all)
    -> bool {
  constexpr std::int64_t last_page = 1'000'000;  // the sandbox's own bound, far past any test
  constexpr std::int64_t default_page_size = 30;
  const auto page = query_int(req, res, "page", 0, 0, last_page);
  if (!page) {
    return false;
  }
  const auto size = query_int(req, res, "page_size", default_page_size, 1, sinch::max_page_size);
  if (!size) {
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

}  // namespace septet_cli::answers

#endif  // SEPTET_TOOLS_SANDBOX_ANSWERS_HPP

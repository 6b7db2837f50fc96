#ifndef SEPTET_TOOLS_SANDBOX_ANSWERS_HPP
#define SEPTET_TOOLS_SANDBOX_ANSWERS_HPP

#include <httplib.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <septet/sinch/models.hpp>
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

/// An integer query parameter: `fallback` when absent, nothing when it is not an integer.
[[nodiscard]] auto query_int(const httplib::Request& req, const char* key, std::int64_t fallback)
    -> std::optional<std::int64_t>;

/// Answers one page of `all` as Sinch's list endpoints do; false after answering 400 for a bad
/// page or page_size.
template <class Item>
auto paginate(const httplib::Request& req, httplib::Response& res, const std::vector<Item>& all)
    -> bool {
  constexpr std::int64_t last_page = 1'000'000;  // the sandbox's own bound, far past any test
  const auto page = query_int(req, "page", 0);
  const auto size = query_int(req, "page_size", 30);
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

}  // namespace septet_cli::answers

#endif  // SEPTET_TOOLS_SANDBOX_ANSWERS_HPP

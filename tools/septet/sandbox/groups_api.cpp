#include "groups_api.hpp"

#include <septet/sinch/request_checks.hpp>
#include <string>
#include <utility>
#include <vector>

#include "answers.hpp"

namespace septet_cli {

namespace sinch = septet::sinch;

using answers::reply;
using answers::reply_error;
using sinch::json;

namespace {

void group_not_found(httplib::Response& res, const std::string& id) {
  reply_error(res, 404, "not_found", "Group '" + id + "' not found.");
}

/// Answers a change: the group (with `status`), 404 or 403 unknown_group.
void answer(httplib::Response& res, const std::string& id, const group_result& r, int status) {
  switch (r.change) {
    case group_change::done:
      reply(res, status, sinch::to_json(r.group));
      return;
    case group_change::no_such_group:
      group_not_found(res, id);
      return;
    case group_change::unknown_reference:
      reply(res, sinch::unknown_group_status, sinch::unknown_group(r.reference).to_json());
      return;
  }
}

}  // namespace

void groups_api::install(httplib::Server& server) {
  const std::string groups = R"(/xms/v1/([^/]+)/groups)";
  const std::string group = groups + R"(/([^/]+))";
  const std::vector<answers::route_methods> routes = {
      {groups, {{"GET", api(&groups_api::list_groups)}, {"POST", api(&groups_api::create_group)}}},
      {group,
       {{"GET", api(&groups_api::get_group)},
        {"POST", api(&groups_api::update_group)},
        {"PUT", api(&groups_api::replace_group)},
        {"DELETE", api(&groups_api::delete_group)}}},
      {group + "/members", {{"GET", api(&groups_api::members)}}},
  };
  for (const auto& route : routes) {
    answers::install(server, route);
  }
}

auto groups_api::api(handler h) -> httplib::Server::Handler {
  return api_route(
      m_faults, [this, h](const httplib::Request& q, httplib::Response& r) { (this->*h)(q, r); });
}

void groups_api::create_group(const httplib::Request& req, httplib::Response& res) {
  json body;
  sinch::group_request request;
  if (answers::read_request(req, res, body, request,
                            [](const auto& r) { return sinch::check_group_request(r); })) {
    answer(res, "", m_store.create(request), 201);
  }
}

void groups_api::list_groups(const httplib::Request& req, httplib::Response& res) {
  answers::paginate(req, res, m_store.list());
}

void groups_api::get_group(const httplib::Request& req, httplib::Response& res) {
  if (const auto g = m_store.get(req.matches[2])) {
    reply(res, 200, sinch::to_json(*g));
    return;
  }
  group_not_found(res, req.matches[2]);
}

void groups_api::update_group(const httplib::Request& req, httplib::Response& res) {
  json body;
  sinch::group_update update;
  if (answers::read_request(req, res, body, update,
                            [](const auto& u) { return sinch::check_group_update(u); })) {
    answer(res, req.matches[2], m_store.update(req.matches[2], update), 200);
  }
}

void groups_api::replace_group(const httplib::Request& req, httplib::Response& res) {
  json body;
  sinch::group_request request;
  // A replace names the whole member list: `members` is required.
  const auto check =
      [&body](const sinch::group_request& r) -> std::optional<sinch::request_problem> {
    if (!body.contains("members")) {
      return sinch::read_problem(sinch::read_error{"members", "is required", 0, true});
    }
    return sinch::check_group_request(r);
  };
  if (answers::read_request(req, res, body, request, check)) {
    answer(res, req.matches[2], m_store.replace(req.matches[2], request), 200);
  }
}

void groups_api::delete_group(const httplib::Request& req, httplib::Response& res) {
  if (m_store.remove(req.matches[2])) {
    res.status = 204;
    return;
  }
  group_not_found(res, req.matches[2]);
}

void groups_api::members(const httplib::Request& req, httplib::Response& res) {
  if (const auto numbers = m_store.members(req.matches[2].str())) {
    reply(res, 200, json(*numbers));
    return;
  }
  group_not_found(res, req.matches[2]);
}

}  // namespace septet_cli

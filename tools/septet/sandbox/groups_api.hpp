#ifndef SEPTET_TOOLS_SANDBOX_GROUPS_API_HPP
#define SEPTET_TOOLS_SANDBOX_GROUPS_API_HPP

#include <httplib.h>

#include "faults.hpp"
#include "group_store.hpp"

namespace septet_cli {

/// The sandbox's groups under /xms/v1/{plan}/groups: create, list, get, update, replace,
/// delete and members, checked by Sinch's rules (sinch/request_checks.hpp), kept in a
/// group_store. Unknown groups are 404; a child group or add/remove_from_group that names no
/// group is 403 unknown_group. The token was checked before a body was read (sandbox.cpp).
class groups_api {
 public:
  groups_api(group_store& store, fault_injector& faults) : m_store(store), m_faults(faults) {}

  void install(httplib::Server& server);

 private:
  using handler = void (groups_api::*)(const httplib::Request&, httplib::Response&);
  [[nodiscard]] auto api(handler h) -> httplib::Server::Handler;

  void create_group(const httplib::Request& req, httplib::Response& res);
  void list_groups(const httplib::Request& req, httplib::Response& res);
  void get_group(const httplib::Request& req, httplib::Response& res);
  void update_group(const httplib::Request& req, httplib::Response& res);
  void replace_group(const httplib::Request& req, httplib::Response& res);
  void delete_group(const httplib::Request& req, httplib::Response& res);
  void members(const httplib::Request& req, httplib::Response& res);

  group_store& m_store;
  fault_injector& m_faults;
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_SANDBOX_GROUPS_API_HPP

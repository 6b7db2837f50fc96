#ifndef SEPTET_TOOLS_SANDBOX_XMS_API_HPP
#define SEPTET_TOOLS_SANDBOX_XMS_API_HPP

#include <httplib.h>

#include <functional>
#include <septet/sinch/dry_run.hpp>
#include <septet/sinch/models.hpp>
#include <string>
#include <utility>
#include <vector>

#include "../callback_sender.hpp"
#include "batch_store.hpp"
#include "faults.hpp"

namespace septet_cli {

namespace sinch = septet::sinch;

/// The sandbox's XMS API under /xms/v1/{plan}: batches, dry runs, delivery reports and
/// inbounds, checked by Sinch's rules (sinch/request_checks.hpp), kept in a batch_store, with
/// faults drawn for every request and callbacks queued for delivery reports and MO messages.
/// The token was checked before a body was read (sandbox.cpp).
class xms_api {
 public:
  struct settings {
    std::string default_callback_url;  ///< the service plan's default callback URL
    std::string mo_callback_url;       ///< where inbound messages are POSTed
    sinch::group_resolver groups;      ///< a group's members (the group store); empty: none
    std::function<void(const sinch::inbound&)> on_inbound;  ///< also told of each MO message
  };

  xms_api(settings s, batch_store& store, fault_injector& faults, callback_sender& callbacks)
      : m_settings(std::move(s)), m_store(store), m_faults(faults), m_callbacks(callbacks) {}

  void install(httplib::Server& server);
  /// Adds an MO message as if a handset had sent it, and POSTs it to mo_callback_url.
  auto add_inbound(const std::string& from,
                   const std::string& to,
                   const std::string& body,
                   const batch_store::inbound_details& details = {}) -> sinch::inbound;

 private:
  using handler = void (xms_api::*)(const httplib::Request&, httplib::Response&);
  [[nodiscard]] auto api(handler h) -> httplib::Server::Handler;
  auto read_send_body(const httplib::Request& req,
                      httplib::Response& res,
                      sinch::json& body,
                      sinch::batch_request& request) -> bool;
  /// Sinch's 403 missing_callback_url for delivery reports with nowhere to go; false after it.
  auto callback_known(const sinch::batch_request& request, httplib::Response& res) const -> bool;
  void queue_reports(const stored_batch& s);
  /// False after answering 403 unknown_group for a group ID of `to` that names no group.
  auto groups_known(const std::vector<std::string>& to, httplib::Response& res) const -> bool;

  void send_batch(const httplib::Request& req, httplib::Response& res);
  void dry_run(const httplib::Request& req, httplib::Response& res);
  void list_batches(const httplib::Request& req, httplib::Response& res);
  void get_batch(const httplib::Request& req, httplib::Response& res);
  void cancel_batch(const httplib::Request& req, httplib::Response& res);
  void replace_batch(const httplib::Request& req, httplib::Response& res);
  void update_batch(const httplib::Request& req, httplib::Response& res);
  void delivery_feedback(const httplib::Request& req, httplib::Response& res);
  void batch_report(const httplib::Request& req, httplib::Response& res);
  void recipient_report(const httplib::Request& req, httplib::Response& res);
  void list_reports(const httplib::Request& req, httplib::Response& res);
  void list_inbounds(const httplib::Request& req, httplib::Response& res);
  void get_inbound(const httplib::Request& req, httplib::Response& res);
  void inject_inbound(const httplib::Request& req, httplib::Response& res);

  settings m_settings;
  batch_store& m_store;
  fault_injector& m_faults;
  callback_sender& m_callbacks;
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_SANDBOX_XMS_API_HPP

#ifndef SEPTET_TOOLS_SANDBOX_CLASSIC_API_HPP
#define SEPTET_TOOLS_SANDBOX_CLASSIC_API_HPP

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <septet/sinch/classic.hpp>
#include <septet/sinch/models.hpp>
#include <string>
#include <utility>
#include <vector>

#include "../callback_sender.hpp"
#include "faults.hpp"

namespace septet_cli {

namespace sinch = septet::sinch;

/// The sandbox's Classic API (seed 000): `POST /v1/sms/{number}` and `GET /v1/sms/{id}`,
/// authorised by basic authentication or a signed request, answering every documented error
/// code where it has a meaning (docs/sinch.md), and the signed `incomingSms` callback for MO
/// messages.
class classic_api {
 public:
  /// The one Classic application the sandbox serves.
  struct settings {
    sinch::classic::credentials credentials;
    std::string callback_url;            ///< where incomingSms callbacks go; empty: none
    std::optional<std::int64_t> credit;  ///< messages it can pay for (then 40200); none: no end
    bool full_sms_access = true;         ///< false: sends only to verified_numbers (40303)
    std::vector<std::string> verified_numbers;
  };

  classic_api(settings s, fault_injector& faults, callback_sender& callbacks)
      : m_settings(std::move(s)), m_faults(faults), m_callbacks(callbacks) {}

  void install(httplib::Server& server);
  /// POSTs an MO message to callback_url as the seed's signed incomingSms callback.
  void incoming(const sinch::inbound& m);
  /// Messages accepted since the start.
  [[nodiscard]] auto sent() const -> std::size_t;

 private:
  /// 0 when the request is authorised, else the Classic error code that refuses it.
  [[nodiscard]] auto authorization_error(const httplib::Request& req) const -> int;
  /// 0 when the application may send `message` to `number`, else the error code.
  [[nodiscard]] auto sending_error(const std::string& number, const sinch::json& body) const -> int;
  void serve(const httplib::Request& req,
             httplib::Response& res,
             void (classic_api::*handle)(const httplib::Request&, httplib::Response&));
  void send(const httplib::Request& req, httplib::Response& res);
  void status(const httplib::Request& req, httplib::Response& res);

  settings m_settings;
  fault_injector& m_faults;
  callback_sender& m_callbacks;
  mutable std::mutex m_mutex;
  std::map<std::string, std::string> m_messages;  ///< message ID -> status
  std::int64_t m_next_id = 1;
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_SANDBOX_CLASSIC_API_HPP

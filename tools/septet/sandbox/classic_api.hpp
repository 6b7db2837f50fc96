#ifndef SEPTET_TOOLS_SANDBOX_CLASSIC_API_HPP
#define SEPTET_TOOLS_SANDBOX_CLASSIC_API_HPP

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <septet/sinch/classic.hpp>
#include <string>
#include <utility>

namespace septet_cli {

namespace sinch = septet::sinch;

/// The sandbox's Classic API: `POST /v1/sms/{number}` and `GET /v1/sms/{id}`, authorised by
/// basic authentication or a signed request, with Sinch's Classic error codes.
class classic_api {
 public:
  explicit classic_api(sinch::classic::credentials credentials)
      : m_credentials(std::move(credentials)) {}

  void install(httplib::Server& server);
  /// Messages accepted since the start.
  [[nodiscard]] auto sent() const -> std::size_t;

 private:
  [[nodiscard]] auto authorized(const httplib::Request& req) const -> bool;
  void send(const httplib::Request& req, httplib::Response& res);
  void status(const httplib::Request& req, httplib::Response& res);

  sinch::classic::credentials m_credentials;
  mutable std::mutex m_mutex;
  std::map<std::string, std::string> m_messages;  ///< message ID -> status
  std::int64_t m_next_id = 1;
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_SANDBOX_CLASSIC_API_HPP

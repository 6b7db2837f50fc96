#ifndef SEPTET_TOOLS_SINCH_COMMANDS_HPP
#define SEPTET_TOOLS_SINCH_COMMANDS_HPP

#include <iosfwd>
#include <septet/sinch/client.hpp>
#include <septet/sinch/curl_transport.hpp>
#include <string>
#include <vector>

#include "exit_status.hpp"
#include "sandbox.hpp"

/// `septet send`, `status`, `inbounds` (the XMS client over libcurl) and `sandbox`; the client
/// and failure report that `septet groups` shares.
namespace septet_cli {

struct sinch_connection {
  std::string region;
  std::string plan;
  std::string base_url;
  bool json = false;
  long timeout_ms = 30'000;  ///< the whole exchange of one request
};

struct send_settings {
  sinch_connection connection;
  std::string from;
  std::vector<std::string> to;      ///< each may hold several numbers separated by commas
  std::vector<std::string> params;  ///< key:msisdn=value, msisdn may be "default"
  std::string client_reference;
  std::string delivery_report;
  std::string callback_url;
  long max_parts = 0;
  bool dry_run = false;
  /// After exit status 3: look the batch up by its client_reference and send only if it is
  /// proven absent (client::reconcile), `reconcile_wait_ms` between looks.
  bool reconcile = false;
  long reconcile_wait_ms = 2'000;
};

auto send(const std::string& text, const send_settings& settings, std::ostream& out) -> exit_status;
auto status(const std::string& batch_id, const sinch_connection& connection, std::ostream& out)
    -> exit_status;
auto inbounds(const sinch_connection& connection,
              const std::vector<std::string>& to,
              long page_size,
              std::ostream& out) -> exit_status;
/// The libcurl client the Sinch commands use, for `connection` (septet groups).
auto connect(const sinch_connection& connection)
    -> septet::sinch::client<septet::sinch::curl_transport>;
/// Prints a failure on stderr (and as JSON on `out` with --json); returns the exit status.
auto report_failure(const septet::sinch::failure& f,
                    const sinch_connection& connection,
                    std::ostream& out) -> exit_status;
/// Serves until SIGINT or SIGTERM; prints the URL on the first line of `out`.
auto run_sandbox(septet_cli::sandbox_config config, std::ostream& out) -> exit_status;

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_SINCH_COMMANDS_HPP

#ifndef SEPTET_TOOLS_SINCH_COMMANDS_HPP
#define SEPTET_TOOLS_SINCH_COMMANDS_HPP

#include <iosfwd>
#include <septet/sinch/client.hpp>
#include <septet/sinch/curl_transport.hpp>
#include <septet/sinch/request_checks.hpp>
#include <septet/sinch/rules.hpp>
#include <string>
#include <vector>

#include "exit_status.hpp"
#include "sandbox.hpp"

/// `septet send`, `status`, `inbounds` (the XMS client over libcurl) and `sandbox`; the client
/// and failure report that `septet groups` shares.
namespace septet_cli {

/// The connection options as given on the command line (empty: not given, so the environment's
/// SINCH_REGION, SINCH_PLAN_ID or SINCH_SERVICE_PLAN_ID, SINCH_BASE_URL apply).
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

/// Prints what a request may exceed that Sinch's documents do not limit, one line each on stderr
/// ("septet: warning: FIELD: TEXT"); the request is sent all the same.
void print_request_warnings(const std::vector<septet::sinch::request_warning>& warnings);
auto status(const std::string& batch_id, const sinch_connection& connection, std::ostream& out)
    -> exit_status;
/// The batches that carry `client_reference` (one look, every page), each with its report.
auto status_by_reference(const std::string& client_reference,
                         const sinch_connection& connection,
                         std::ostream& out) -> exit_status;
/// `septet inbounds`' filters, as Sinch takes them (empty: not sent, so Sinch's default).
struct inbound_filters {
  std::vector<std::string> to;  ///< each may hold several numbers separated by commas
  std::string start_date;       ///< ISO-8601; Sinch's default is 24 hours ago
  std::string end_date;
  std::string client_reference;
  long page_size = septet::sinch::max_page_size;
};

auto inbounds(const sinch_connection& connection, const inbound_filters& filters, std::ostream& out)
    -> exit_status;
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

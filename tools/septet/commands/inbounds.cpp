// septet inbounds: the inbound (MO) messages, every page.
#include <iostream>
#include <septet/sinch/rules.hpp>
#include <septet/sinch/timestamp.hpp>
#include <string>
#include <vector>

#include "../numeric_option.hpp"
#include "../sinch_commands.hpp"
#include "command.hpp"
#include "shared_options.hpp"

namespace septet_cli {
namespace {

/// The command line of `septet inbounds`, as parsed.
struct inbounds_command_line {
  sinch_connection connection;
  inbound_filters filters;
};

/// An ISO-8601 date and time, as Sinch's start_date and end_date take.
auto iso_timestamp() -> CLI::Validator {
  return {[](const std::string& text) {
            return septet::sinch::parse_timestamp(text)
                       ? std::string()
                       : "'" + text + "' is not an ISO-8601 date and time (2026-12-06T08:00:00Z)";
          },
          "ISO-8601"};
}

void add_inbounds_options(CLI::App& subcommand, inbounds_command_line& line) {
  auto& filters = line.filters;
  add_connection_options(subcommand, line.connection);
  subcommand.add_option("--to", filters.to, "Only messages to these numbers")
      ->allow_extra_args(false);
  subcommand
      .add_option("--start-date", filters.start_date,
                  "Only messages received at or after (ISO-8601; Sinch's default: 24 h ago)")
      ->check(iso_timestamp());
  subcommand.add_option("--end-date", filters.end_date, "Only messages received before (ISO-8601)")
      ->check(iso_timestamp());
  subcommand.add_option("--client-reference", filters.client_reference,
                        "Only replies to batches sent with this client_reference");
  subcommand
      .add_option("--page-size", filters.page_size,
                  "Messages per request (1-" + std::to_string(septet::sinch::max_page_size) + ")")
      ->check(whole_number(1, septet::sinch::max_page_size));
}

auto run_inbounds(inbounds_command_line& line) -> exit_status {
  return inbounds(line.connection, line.filters, std::cout);
}

}  // namespace

auto add_inbounds_command(CLI::App& app) -> command {
  return add_command(
      app, "inbounds",
      "Lists inbound (MO) messages, every page of them, received since --start-date\n"
      "(Sinch's default: the last 24 hours).",
      "  septet inbounds\n"
      "  septet inbounds --to +46700000000 --start-date 2026-12-01T00:00:00Z --json\n",
      add_inbounds_options, run_inbounds);
}

}  // namespace septet_cli

// septet dry-run: Sinch's POST /batches/dry_run, computed offline.
#include "../dry_run.hpp"

#include <iostream>
#include <septet/sinch/rules.hpp>
#include <string>

#include "../cli_io.hpp"
#include "../numeric_option.hpp"
#include "command.hpp"

namespace septet_cli {
namespace {

/// The command line of `septet dry-run`, as parsed.
struct dry_run_command_line {
  dry_run_settings settings;
  std::string request_path;
};

void add_dry_run_options(CLI::App& subcommand, dry_run_command_line& line) {
  auto& options = line.settings.options;
  subcommand.add_flag("--per-recipient", options.per_recipient,
                      "Include per_recipient (as ?per_recipient=true)");
  subcommand
      .add_option("--number-of-recipients", options.per_recipient_limit,
                  "Most per_recipient entries (Sinch: default " +
                      std::to_string(septet::sinch::default_per_recipient_limit) + ", at most " +
                      std::to_string(septet::sinch::max_per_recipient_limit) + ")")
      ->check(whole_number(1, septet::sinch::max_per_recipient_limit));
  subcommand.add_flag("!--no-batch-limit", options.enforce_batch_limit,
                      "Allow more than " + std::to_string(septet::sinch::max_recipients_per_batch) +
                          " recipients (Sinch would refuse them in one batch)");
  subcommand.add_option("request", line.request_path, "Send-batch request JSON (default: stdin)");
}

auto run_dry_run(dry_run_command_line& line) -> exit_status {
  std::string request;
  if (!read_input(line.request_path.empty() ? "-" : line.request_path, request)) {
    return invalid_input;
  }
  return dry_run(request, line.settings, std::cout);
}

}  // namespace

auto add_dry_run_command(CLI::App& app) -> command {
  return add_command(
      app, "dry-run",
      "What Sinch's POST /batches/dry_run would answer for a send-batch request (JSON file, or\n"
      "stdin), computed offline. Recipients Sinch would fail (codes 405, 411) go to stderr.\n"
      "Exit status: 0 all sent, 1 some recipients would fail, 2 Sinch would refuse the request.",
      "  septet dry-run examples/dry-run-request.json\n"
      "  septet dry-run --per-recipient < request.json\n",
      add_dry_run_options, run_dry_run);
}

}  // namespace septet_cli

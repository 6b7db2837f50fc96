// septet status: a batch and its delivery-report summary.
#include <cstdio>
#include <iostream>
#include <string>

#include "../sinch_commands.hpp"
#include "command.hpp"
#include "shared_options.hpp"

namespace septet_cli {
namespace {

/// The command line of `septet status`, as parsed.
struct status_command_line {
  sinch_connection connection;
  std::string batch_id;
  std::string client_reference;
};

void add_status_options(CLI::App& subcommand, status_command_line& line) {
  add_connection_options(subcommand, line.connection);
  auto* id = subcommand.add_option("batch_id", line.batch_id, "Batch ID");
  auto* reference = subcommand.add_option(
      "--client-reference", line.client_reference,
      "Instead of an ID: the batches that carry this client_reference (after exit status 3)");
  id->excludes(reference);
  reference->excludes(id);
}

auto run_status(status_command_line& line) -> exit_status {
  if (line.batch_id.empty() && line.client_reference.empty()) {
    std::fprintf(stderr, "septet: status needs a batch ID or --client-reference\n");
    return invalid_input;
  }
  if (!line.client_reference.empty()) {
    return status_by_reference(line.client_reference, line.connection, std::cout);
  }
  return status(line.batch_id, line.connection, std::cout);
}

}  // namespace

auto add_status_command(CLI::App& app) -> command {
  return add_command(app, "status",
                     "A batch and its delivery-report summary, by ID or by client_reference.\n"
                     "Exit status: 0 found, 1 not found or refused, 2 invalid.",
                     "  septet status 01FC66621XXXXX119Z8PMV1QPQ\n"
                     "  septet status --client-reference my-campaign-42 --json\n",
                     add_status_options, run_status);
}

}  // namespace septet_cli

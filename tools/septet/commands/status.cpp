// septet status: a batch and its delivery-report summary.
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
};

void add_options(CLI::App& subcommand, status_command_line& line) {
  add_connection_options(subcommand, line.connection);
  subcommand.add_option("batch_id", line.batch_id, "Batch ID")->required();
}

auto run(status_command_line& line) -> exit_status {
  return status(line.batch_id, line.connection, std::cout);
}

}  // namespace

auto add_status_command(CLI::App& app) -> command {
  return add_command(app, "status", "A batch and its delivery-report summary.", add_options, run);
}

}  // namespace septet_cli

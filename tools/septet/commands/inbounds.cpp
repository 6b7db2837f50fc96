// septet inbounds: the inbound (MO) messages, every page.
#include <iostream>
#include <septet/sinch/rules.hpp>
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
  std::vector<std::string> to;
  long page_size = septet::sinch::max_page_size;
};

void add_options(CLI::App& subcommand, inbounds_command_line& line) {
  add_connection_options(subcommand, line.connection);
  subcommand.add_option("--to", line.to, "Only messages to these numbers")->allow_extra_args(false);
  subcommand
      .add_option("--page-size", line.page_size,
                  "Messages per request (1-" + std::to_string(septet::sinch::max_page_size) + ")")
      ->check(whole_number(1, septet::sinch::max_page_size));
}

auto run(inbounds_command_line& line) -> exit_status {
  return inbounds(line.connection, line.to, line.page_size, std::cout);
}

}  // namespace

auto add_inbounds_command(CLI::App& app) -> command {
  return add_command(app, "inbounds", "Lists inbound (MO) messages, every page.", add_options, run);
}

}  // namespace septet_cli

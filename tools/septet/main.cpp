// septet: command-line front end of the septet library. Each command is in commands/.
#include <CLI/CLI.hpp>
#include <septet/version.hpp>

#include "cli_io.hpp"
#include "commands/command.hpp"

auto main(int argc, char** argv) -> int {
  CLI::App app{"septet " SEPTET_VERSION_STRING
               ": what a carrier will send and bill for an SMS text (GSM 03.38 / UCS-2)"};
  app.set_version_flag("--version", SEPTET_VERSION_STRING);
  app.require_subcommand(1);
  const auto commands = septet_cli::add_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that exit 0.
    return septet_cli::finish_output(app.exit(e) == 0 ? septet_cli::ok : septet_cli::invalid_input);
  }
  return septet_cli::finish_output(septet_cli::run_chosen(commands));
}

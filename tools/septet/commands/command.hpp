#ifndef SEPTET_TOOLS_COMMANDS_COMMAND_HPP
#define SEPTET_TOOLS_COMMANDS_COMMAND_HPP

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "../exit_status.hpp"

/// Each septet command lives in its own file under commands/: it adds its subcommand and options
/// to the app and returns the handler that runs it once the command line is parsed.
namespace septet_cli {

struct command {
  CLI::App* subcommand;
  /// Runs the command with the options parsed into the state it holds.
  std::function<exit_status()> run;
};

/// Ends the --help of `subcommand` with `examples`: command lines, one a line.
inline void add_examples(CLI::App& subcommand, const std::string& examples) {
  subcommand.footer("\nExamples:\n" + examples);
}

/// Adds subcommand `name`: `add_options` binds its options to a command line of its own, which
/// `run` reads once the arguments are parsed. `examples` (command lines, one a line) end its
/// --help.
template <typename CommandLine>
auto add_command(CLI::App& app,
                 const std::string& name,
                 const std::string& description,
                 const std::string& examples,
                 void (*add_options)(CLI::App&, CommandLine&),
                 exit_status (*run)(CommandLine&)) -> command {
  auto* subcommand = app.add_subcommand(name, description);
  add_examples(*subcommand, examples);
  // Shared with the handler, so the variables CLI11 writes into live as long as it does.
  auto line = std::make_shared<CommandLine>();
  add_options(*subcommand, *line);
  return {subcommand, [line, run] { return run(*line); }};
}

auto add_inspect_command(CLI::App& app) -> command;
auto add_encode_command(CLI::App& app) -> command;
auto add_decode_command(CLI::App& app) -> command;
auto add_dry_run_command(CLI::App& app) -> command;
auto add_estimate_command(CLI::App& app) -> command;
auto add_send_command(CLI::App& app) -> command;
auto add_status_command(CLI::App& app) -> command;
auto add_inbounds_command(CLI::App& app) -> command;
auto add_groups_command(CLI::App& app) -> command;
auto add_sandbox_command(CLI::App& app) -> command;
auto add_transliteration_table_command(CLI::App& app) -> command;

/// The app with every command, in the order `septet --help` lists them.
auto add_commands(CLI::App& app) -> std::vector<command>;

/// Runs the command the command line chose.
auto run_chosen(const std::vector<command>& commands) -> exit_status;

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_COMMANDS_COMMAND_HPP

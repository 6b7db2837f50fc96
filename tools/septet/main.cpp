// septet: command-line front end of the septet library. Each command is in commands/.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <septet/version.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli_io.hpp"
#include "commands/command.hpp"
#include "nearest_name.hpp"

namespace {

/// The commands and what each does, as `septet --help` lists them.
auto command_list(const CLI::App& app) -> std::string {
  const auto help = app.help();
  const auto commands = help.find("Subcommands:");
  return (commands == std::string::npos ? help : help.substr(commands)) +
         "\nRun 'septet COMMAND --help' for its options and examples.\n";
}

/// The first argument, if it is neither an option nor a command: what it was meant to be.
auto unknown_command(const CLI::App& app, std::string_view first) -> bool {
  if (first.starts_with('-')) {
    return false;
  }
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands({})) {
    if (sub->check_name(std::string(first))) {
      return false;
    }
    names.push_back(sub->get_name());
  }
  std::fprintf(stderr, "septet: '%.*s' is not a command", static_cast<int>(first.size()),
               first.data());
  if (const auto meant = septet_cli::nearest_name(first, names)) {
    std::fprintf(stderr, "; did you mean '%s'?", meant->c_str());
  }
  std::fprintf(stderr, "\n\n%s", command_list(app).c_str());
  return true;
}

/// For an option the chosen command does not have: the one it was meant to be, if any.
void suggest_option(const CLI::App& app, const CLI::ExtrasError& e) {
  for (const auto* sub : app.get_subcommands({})) {
    if (!sub->parsed()) {
      continue;
    }
    std::vector<std::string> names;
    for (const auto* option : sub->get_options({})) {
      for (const auto& name : option->get_lnames()) {
        names.push_back("--" + name);
      }
    }
    const std::string what = e.what();
    const auto dashes = what.find("--");
    if (dashes == std::string::npos) {
      return;
    }
    const auto typed = what.substr(dashes, what.find_first_of(" =", dashes) - dashes);
    if (const auto meant = septet_cli::nearest_name(typed, names)) {
      std::fprintf(stderr, "Did you mean %s?\n", meant->c_str());
    }
  }
}

}  // namespace

auto main(int argc, char** argv) -> int {
  CLI::App app{"septet " SEPTET_VERSION_STRING
               ": what a carrier will send and bill for an SMS text (GSM 03.38 / UCS-2)"};
  app.set_version_flag("--version", SEPTET_VERSION_STRING);
  app.require_subcommand(1);
  septet_cli::add_examples(app,
                           "  septet inspect 'Hi €, see you at 5'\n"
                           "  septet encode --json 'A long text' | septet decode\n"
                           "  septet estimate --template 'Hi ${name}' --recipients "
                           "examples/recipients.csv\n");
  const auto commands = septet_cli::add_commands(app);
  if (argc == 1) {
    std::fprintf(stderr, "septet: which command?\n\n%s", command_list(app).c_str());
    return septet_cli::invalid_input;
  }
  if (unknown_command(app, argv[1])) {
    return septet_cli::invalid_input;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that exit 0.
    const int status = app.exit(e);
    if (const auto* extras = dynamic_cast<const CLI::ExtrasError*>(&e)) {
      suggest_option(app, *extras);
    }
    return septet_cli::finish_output(status == 0 ? septet_cli::ok : septet_cli::invalid_input);
  }
  return septet_cli::finish_output(septet_cli::run_chosen(commands));
}

// septet estimate: the pre-flight cost of sending a template to every recipient of a CSV.
#include "../estimate.hpp"

#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "../cli_io.hpp"
#include "../numeric_option.hpp"
#include "command.hpp"
#include "shared_options.hpp"

namespace septet_cli {
namespace {

/// More threads than this only wait for the one that reads the CSV.
constexpr std::uint64_t max_jobs = 256;

/// The command line of `septet estimate`, as parsed.
struct estimate_command_line {
  estimate_settings settings;
  std::string template_argument;
  std::vector<std::string> default_values;
  bool grapheme_safe = false;
};

void add_estimate_options(CLI::App& subcommand, estimate_command_line& line) {
  auto& settings = line.settings;
  subcommand
      .add_option("--template", line.template_argument, "Template text, or a file holding it")
      ->required();
  subcommand
      .add_option("--recipients", settings.recipients_path,
                  "CSV: an 'msisdn' column, then one column per parameter key")
      ->required();
  subcommand.add_option("--prices", settings.prices_path,
                        "CSV: 'prefix,price' or 'country,price' (ISO 3166), price per part");
  subcommand.add_option("--rate", settings.rate, "Parts per second the service plan allows")
      ->check(decimal_number(0, 1e9, true));
  subcommand.add_option("--default", line.default_values,
                        "key=value used where a row has no value");
  subcommand
      .add_option("--max-parts", settings.max_parts,
                  "Sinch max_number_of_message_parts: more fails the recipient (411)")
      ->check(whole_number(0, max_parts_option));
  subcommand.add_option("--per-recipient", settings.per_recipient_path,
                        "Write one line per recipient to FILE (.csv or .jsonl)");
  add_grapheme_safe_flag(subcommand, line.grapheme_safe);
  add_json_flag(subcommand, settings.json);
  subcommand.add_flag("!--no-progress", settings.progress, "No progress lines on stderr");
  subcommand
      .add_option("--jobs", settings.jobs,
                  "Threads that render and count recipients (default: one per core); the "
                  "output is the same for any number")
      ->check(whole_number(1, max_jobs));
}

/// --template: a path that exists is read (a directory or an unreadable file is an error);
/// anything else is the template itself.
auto read_template(const std::string& argument, std::string& body) -> bool {
  if (!exists(argument)) {
    body = argument;
    return true;
  }
  return read_input(argument, body);
}

/// The key=value pairs of --default; false, with the reason on stderr, for one without '='.
auto read_defaults(const std::vector<std::string>& values,
                   std::vector<std::pair<std::string, std::string>>& defaults) -> bool {
  for (const auto& entry : values) {
    const auto equals = entry.find('=');
    if (equals == std::string::npos) {
      std::fprintf(stderr, "septet: --default needs key=value, not '%s'\n", entry.c_str());
      return false;
    }
    defaults.emplace_back(entry.substr(0, equals), entry.substr(equals + 1));
  }
  return true;
}

auto run_estimate(estimate_command_line& line) -> exit_status {
  auto& settings = line.settings;
  if (!read_template(line.template_argument, settings.template_body) ||
      !read_defaults(line.default_values, settings.defaults)) {
    return invalid_input;
  }
  settings.options.boundary = boundary_of(line.grapheme_safe);
  return estimate(settings, std::cout);
}

}  // namespace

auto add_estimate_command(CLI::App& app) -> command {
  return add_command(
      app, "estimate",
      "Pre-flight cost of sending a template to every recipient of a CSV (streamed): parts,\n"
      "encodings, failures, cost by prefix, send time. Exit status: 0 all would be sent, 1 some\n"
      "recipients would fail, 2 invalid input.",
      "  septet estimate --template 'Hi ${name}' --recipients examples/recipients.csv\n"
      "  septet estimate --template message.txt --recipients people.csv --prices "
      "examples/prices.csv --rate 30\n"
      "  septet estimate --template 'Hi ${name}' --recipients people.csv --json --per-recipient "
      "out.jsonl\n",
      add_estimate_options, run_estimate);
}

}  // namespace septet_cli

// septet send: a text as one batch through Sinch.
#include <cstdio>
#include <iostream>
#include <string>

#include "../numeric_option.hpp"
#include "../sinch_commands.hpp"
#include "command.hpp"
#include "shared_options.hpp"

namespace septet_cli {
namespace {

/// The command line of `septet send`, as parsed.
struct send_command_line {
  send_settings settings;
  std::string text;
  CLI::Option* reconcile = nullptr;
  CLI::Option* text_argument = nullptr;
};

void add_send_options(CLI::App& subcommand, send_command_line& line) {
  auto& settings = line.settings;
  add_connection_options(subcommand, settings.connection);
  subcommand.add_option("--from", settings.from, "Sender: number, short code or alphanumeric");
  subcommand.add_option("--to", settings.to, "Recipients, comma-separated or repeated")
      ->required()
      ->allow_extra_args(false);
  subcommand
      .add_option("--param", settings.params,
                  "key:msisdn=value or key:default=value for ${key} placeholders")
      ->allow_extra_args(false);
  subcommand.add_option("--client-reference", settings.client_reference,
                        "Your reference (default: a unique one, to look the batch up by)");
  subcommand.add_option("--delivery-report", settings.delivery_report,
                        "none, summary, full, per_recipient, per_recipient_final");
  subcommand.add_option("--callback-url", settings.callback_url, "Where delivery reports go");
  subcommand.add_option("--max-parts", settings.max_parts, "max_number_of_message_parts")
      ->check(whole_number(1, max_parts_option));
  subcommand.add_flag("--dry-run", settings.dry_run, "Ask Sinch's dry run instead of sending");
  line.reconcile = subcommand.add_flag(
      "--reconcile", settings.reconcile,
      "After exit status 3: find the batch by --client-reference, and send only if\n"
      "three looks prove it absent (exit 3 again if a look fails)");
  subcommand
      .add_option("--reconcile-wait-ms", settings.reconcile_wait_ms, "Wait between the looks")
      ->check(whole_number(0, 600'000));
  line.text_argument = add_text_argument(subcommand, line.text);
}

auto run_send(send_command_line& line) -> exit_status {
  if (line.reconcile->count() > 0 && line.settings.client_reference.empty()) {
    std::fprintf(stderr, "septet: --reconcile needs the --client-reference of the first send\n");
    return invalid_input;
  }
  if (!read_text_argument(*line.text_argument, line.text)) {
    return invalid_input;
  }
  return send(line.text, line.settings, std::cout);
}

}  // namespace

auto add_send_command(CLI::App& app) -> command {
  return add_command(
      app, "send",
      "Sends TEXT (or all of stdin) as one batch through Sinch (token: SINCH_API_TOKEN).\n"
      "Exit status: 0 created, 1 refused by Sinch or the network, 2 invalid, 3 outcome unknown.",
      "  septet send --from +46700000000 --to +46700000001 'Hello'\n"
      "  septet send --to +46700000001,+46700000002 --param 'name:+46700000001=Ana' --param "
      "'name:default=there' 'Hi ${name}'\n"
      "  septet send --base-url http://127.0.0.1:8080 --dry-run --to +46700000001 'Test'   # a "
      "septet sandbox\n",
      add_send_options, run_send);
}

}  // namespace septet_cli

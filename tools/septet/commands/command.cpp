#include "command.hpp"

namespace septet_cli {

auto add_commands(CLI::App& app) -> std::vector<command> {
  return {add_inspect_command(app),
          add_encode_command(app),
          add_decode_command(app),
          add_dry_run_command(app),
          add_estimate_command(app),
          add_send_command(app),
          add_status_command(app),
          add_inbounds_command(app),
          add_groups_command(app),
          add_sandbox_command(app),
          add_transliteration_table_command(app)};
}

auto run_chosen(const std::vector<command>& commands) -> exit_status {
  for (const auto& c : commands) {
    if (c.subcommand->parsed()) {
      return c.run();
    }
  }
  // Unreachable: the app requires exactly one subcommand.
  return invalid_input;
}

}  // namespace septet_cli

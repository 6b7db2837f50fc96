// septet sandbox: a local Sinch on loopback for tests and CI.
#include "../sandbox.hpp"

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "../numeric_option.hpp"
#include "../sinch_commands.hpp"
#include "command.hpp"

namespace septet_cli {
namespace {

using septet_cli::fault;

/// The command line of `septet sandbox`, as parsed.
struct sandbox_command_line {
  septet_cli::sandbox_config config;
  std::vector<std::string> fault_names;
  long slow_ms = 1500;
  long classic_credit = -1;  ///< -1: no end
  bool classic_sandbox_app = false;
};

auto non_empty_secret() -> CLI::Validator {
  return {[](const std::string& secret) {
            return secret.empty() ? std::string("an empty secret signs nothing") : std::string();
          },
          "SECRET", "non_empty"};
}

/// The Classic application's: its incomingSms callbacks and what it may send (docs/sinch.md).
void add_classic_options(CLI::App& subcommand, sandbox_command_line& line) {
  auto& config = line.config;
  subcommand.add_option("--classic-callback-url", config.classic_callback_url,
                        "Where inbound messages are also delivered as signed Classic\n"
                        "incomingSms callbacks");
  subcommand
      .add_option("--classic-credit", line.classic_credit,
                  "Classic messages the application can pay for; then 40200 (default: no end)")
      ->check(whole_number(0, 1'000'000'000));
  subcommand.add_flag("--classic-sandbox-app", line.classic_sandbox_app,
                      "A Classic Sandbox app: sends only to --classic-verified-number (40303)");
  subcommand.add_option("--classic-verified-number", config.classic_verified_numbers,
                        "A verified number of the Classic Sandbox app (repeatable)");
}

void add_sandbox_options(CLI::App& subcommand, sandbox_command_line& line) {
  auto& config = line.config;
  subcommand.add_option("--port", config.port, "Port (0: any free one)")
      ->check(whole_number(0, 65535));
  subcommand.add_option("--host", config.host, "Address to listen on")->default_val("127.0.0.1");
  subcommand.add_option("--token", config.token, "Bearer token it accepts")
      ->default_val("sandbox-token");
  subcommand.add_option("--plan", config.plan, "Service plan ID it serves")
      ->default_val("sandbox-plan");
  subcommand
      .add_option("--fault-rate", config.faults.rate,
                  "Share of API requests that get a fault (0-1)")
      ->check(decimal_number(0, 1));
  subcommand
      .add_option(
          "--faults", line.fault_names,
          "Which: 429, 503, slow, commit-late, drop-before, drop-after, malformed (default:\n"
          "all)")
      ->check(CLI::IsMember(
          {"429", "503", "slow", "commit-late", "drop-before", "drop-after", "malformed"}));
  subcommand.add_option("--slow-ms", line.slow_ms, "Delay of a slow answer")
      ->check(whole_number(0, 600000));
  subcommand
      .add_option("--webhook-secret", config.webhook_secret,
                  "Sign callbacks with x-sinch-webhook-signature headers")
      ->check(non_empty_secret());
  subcommand.add_option("--callback-url", config.default_callback_url,
                        "The service plan's default callback URL");
  subcommand.add_option("--mo-callback-url", config.mo_callback_url,
                        "Where inbound messages (POST /sandbox/inbounds) are delivered");
  subcommand.add_flag("--blocked-account", config.account_blocked,
                      "Answer every XMS request 403 blocked_account, as for a blocked account");
  add_classic_options(subcommand, line);
}

/// The fault a --faults name stands for.
auto fault_named(const std::string& name) -> fault {
  return name == "429"           ? fault::too_many_requests
         : name == "503"         ? fault::unavailable
         : name == "slow"        ? fault::slow
         : name == "commit-late" ? fault::commit_late
         : name == "drop-before" ? fault::drop_before
         : name == "drop-after"  ? fault::drop_after
                                 : fault::malformed;
}

auto run_sandbox_command(sandbox_command_line& line) -> exit_status {
  auto& faults = line.config.faults;
  // Without --faults, the config's default list (all of them) stays.
  if (!line.fault_names.empty()) {
    faults.kinds.clear();
    for (const auto& name : line.fault_names) {
      faults.kinds.push_back(fault_named(name));
    }
  }
  faults.slow_delay = std::chrono::milliseconds(line.slow_ms);
  if (line.classic_credit >= 0) {
    line.config.classic_credit = line.classic_credit;
  }
  line.config.classic_full_sms_access = !line.classic_sandbox_app;
  return run_sandbox(line.config, std::cout);
}

}  // namespace

auto add_sandbox_command(CLI::App& app) -> command {
  return add_command(
      app, "sandbox",
      "A local Sinch (XMS and Classic) on loopback for tests and CI: batches in memory, dry runs\n"
      "by septet, delivery-report callbacks, fault injection. Prints its URL, then serves until\n"
      "Ctrl-C.",
      "  septet sandbox --port 8080\n"
      "  septet sandbox --fault-rate 0.3 --webhook-secret s3cret --callback-url "
      "http://127.0.0.1:9000/dlr\n",
      add_sandbox_options, run_sandbox_command);
}

}  // namespace septet_cli

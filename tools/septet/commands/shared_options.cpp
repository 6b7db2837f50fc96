#include "shared_options.hpp"

#include <septet/sinch/rules.hpp>

#include "../cli_io.hpp"
#include "../numeric_option.hpp"

namespace septet_cli {
namespace {

/// The largest body cap an option takes: far beyond any SMS, and well inside every integer type.
constexpr std::uint64_t max_characters_option = 1'000'000'000;

}  // namespace

auto add_text_argument(CLI::App& subcommand, std::string& text) -> CLI::Option* {
  return subcommand.add_option("text", text, "Message text (default: stdin)");
}

auto read_text_argument(const CLI::Option& argument, std::string& text) -> bool {
  return argument.count() > 0 || read_input("-", text);
}

void add_json_flag(CLI::App& subcommand, bool& json, const std::string& help) {
  subcommand.add_flag("--json", json, help);
}

void add_grapheme_safe_flag(CLI::App& subcommand, bool& grapheme_safe, const std::string& help) {
  subcommand.add_flag("--grapheme-safe", grapheme_safe, help);
}

auto boundary_of(bool grapheme_safe) -> septet::boundary_policy {
  return grapheme_safe ? septet::boundary_policy::grapheme : septet::boundary_policy::code_point;
}

auto form_of(bool unpacked) -> septet::septet_form {
  return unpacked ? septet::septet_form::unpacked : septet::septet_form::packed;
}

void add_length_caps(CLI::App& subcommand, septet::options& options) {
  subcommand
      .add_option("--max-characters", options.max_characters, "Body cap in UTF-16 units (0: none)")
      ->check(whole_number(0, max_characters_option));
  subcommand.add_option("--max-parts", options.max_parts, "Cap on parts (0: none)")
      ->check(whole_number(0, max_parts_option));
}

void add_connection_options(CLI::App& subcommand, sinch_connection& connection) {
  std::string regions;
  for (const auto region : septet::sinch::regions) {
    regions.append(regions.empty() ? "" : ", ").append(region);
  }
  subcommand.add_option("--region", connection.region,
                        "Sinch region: " + regions + " (default: SINCH_REGION, else us)");
  subcommand.add_option("--plan", connection.plan,
                        "Service plan ID (default: SINCH_PLAN_ID or SINCH_SERVICE_PLAN_ID)");
  subcommand.add_option("--base-url", connection.base_url,
                        "Instead of https://{region}.sms.api.sinch.com, e.g. a septet sandbox\n"
                        "(default: SINCH_BASE_URL)");
  add_json_flag(subcommand, connection.json, "Print JSON");
  subcommand.add_option("--timeout-ms", connection.timeout_ms, "Longest wait for one request")
      ->check(whole_number(1, 600'000));
}

}  // namespace septet_cli

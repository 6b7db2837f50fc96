#ifndef SEPTET_TOOLS_COMMANDS_SHARED_OPTIONS_HPP
#define SEPTET_TOOLS_COMMANDS_SHARED_OPTIONS_HPP

#include <CLI/CLI.hpp>
#include <cstdint>
#include <septet/options.hpp>
#include <septet/user_data.hpp>
#include <string>

#include "../sinch_commands.hpp"

/// The options that several commands take, declared once so that they read and check alike.
namespace septet_cli {

/// A concatenation IE counts parts in one octet, whatever the size of its reference.
inline constexpr std::uint64_t max_parts_option = 255;

/// TEXT, the message (inspect, encode, send); without it the command reads all of stdin.
auto add_text_argument(CLI::App& subcommand, std::string& text) -> CLI::Option*;

/// `text` as given by `argument`, or else all of standard input; false, with the reason on
/// stderr, when standard input cannot be read.
auto read_text_argument(const CLI::Option& argument, std::string& text) -> bool;

/// --json.
void add_json_flag(CLI::App& subcommand,
                   bool& json,
                   const std::string& help = "Print one JSON object");

/// --grapheme-safe.
void add_grapheme_safe_flag(CLI::App& subcommand,
                            bool& grapheme_safe,
                            const std::string& help = "Keep grapheme clusters whole");

auto boundary_of(bool grapheme_safe) -> septet::boundary_policy;

/// The septet form --unpacked (encode, decode) asks for.
auto form_of(bool unpacked) -> septet::septet_form;

/// --max-characters and --max-parts, the caps on a text's length.
void add_length_caps(CLI::App& subcommand, septet::options& options);

/// --region, --plan, --base-url, --json and --timeout-ms of the Sinch commands; the first three
/// override SINCH_REGION, SINCH_PLAN_ID (or SINCH_SERVICE_PLAN_ID) and SINCH_BASE_URL. The API
/// token comes only from SINCH_API_TOKEN, never from the command line, where other users could
/// read it.
void add_connection_options(CLI::App& subcommand, sinch_connection& connection);

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_COMMANDS_SHARED_OPTIONS_HPP

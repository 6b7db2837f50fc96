// septet encode: every part of a text as sent, in hex.
#include <cstdio>
#include <iostream>
#include <string>

#include "../numeric_option.hpp"
#include "../wire.hpp"
#include "command.hpp"
#include "shared_options.hpp"

namespace septet_cli {
namespace {

/// The command line of `septet encode`, as parsed.
struct encode_command_line {
  encode_settings settings;
  std::string text;
  unsigned reference_bits = 8;
  bool unpacked = false;
  bool grapheme_safe = false;
  CLI::Option* text_argument = nullptr;
};

void add_encode_options(CLI::App& subcommand, encode_command_line& line) {
  auto& options = line.settings.options;
  add_json_flag(subcommand, line.settings.json);
  subcommand
      .add_option("--udh-ref", line.reference_bits, "Concatenation reference size: 8 or 16 bits")
      ->check(CLI::IsMember({8U, 16U}));
  subcommand
      .add_option("--ref", options.reference,
                  "Concatenation reference number (0-255 with --udh-ref 8)")
      ->check(whole_number(0, 65535));
  subcommand.add_flag("--unpacked", line.unpacked,
                      "One septet per octet (SMPP data_coding 0) instead of packed TP-UD");
  add_grapheme_safe_flag(subcommand, line.grapheme_safe);
  add_length_caps(subcommand, options.text);
  line.text_argument = add_text_argument(subcommand, line.text);
}

auto run_encode(encode_command_line& line) -> exit_status {
  if (!read_text_argument(*line.text_argument, line.text)) {
    return invalid_input;
  }
  auto& options = line.settings.options;
  options.text.boundary = boundary_of(line.grapheme_safe);
  options.reference_size =
      line.reference_bits == 16 ? septet::reference_size::bits16 : septet::reference_size::bits8;
  if (line.reference_bits == 8 && options.reference > 255) {
    std::fprintf(stderr,
                 "septet: --ref %u does not fit an 8-bit reference (0-255); use --udh-ref 16\n",
                 static_cast<unsigned>(options.reference));
    return invalid_input;
  }
  options.form = form_of(line.unpacked);
  return encode(line.text, line.settings, std::cout);
}

}  // namespace

auto add_encode_command(CLI::App& app) -> command {
  return add_command(
      app, "encode",
      "The parts of TEXT (or of all of stdin) as sent: UDH and user data in hex, TP-UDL, data\n"
      "coding and esm_class. Exit status: 0 encoded, 1 over a limit, 2 invalid input.",
      "  septet encode 'Hello from septet'\n"
      "  septet encode --json --udh-ref 16 --ref 4242 < message.txt\n"
      "  septet encode --unpacked 'For SMPP data_coding 0'\n",
      add_encode_options, run_encode);
}

}  // namespace septet_cli

// septet decode: the text of parts given in hex or as encode's JSON.
#include <unistd.h>

#include <iostream>
#include <string>

#include "../cli_io.hpp"
#include "../numeric_option.hpp"
#include "../wire.hpp"
#include "command.hpp"
#include "shared_options.hpp"

namespace septet_cli {
namespace {

/// The command line of `septet decode`, as parsed.
struct decode_command_line {
  unsigned data_coding = 0;
  bool unpacked = false;
  std::string udhi = "auto";
};

void add_decode_options(CLI::App& subcommand, decode_command_line& line) {
  subcommand
      .add_option("--data-coding", line.data_coding, "Data coding scheme of the parts (0, 8, ...)")
      ->check(whole_number(0, 255));
  subcommand.add_flag("--unpacked", line.unpacked,
                      "Septets are one per octet (SMPP data_coding 0)");
  subcommand
      .add_option("--udhi", line.udhi,
                  "Parts start with a UDH: auto (when there is more than one part), yes, no")
      ->check(CLI::IsMember({"auto", "yes", "no"}));
}

auto run_decode(decode_command_line& line) -> exit_status {
  decode_settings settings;
  settings.data_coding = static_cast<std::uint8_t>(line.data_coding);
  settings.form = form_of(line.unpacked);
  settings.udhi = line.udhi == "yes"  ? udhi_mode::yes
                  : line.udhi == "no" ? udhi_mode::no
                                      : udhi_mode::automatic;
  settings.newline = isatty(STDOUT_FILENO) == 1;
  std::string parts;
  if (!read_input("-", parts)) {
    return invalid_input;
  }
  return decode(parts, settings, std::cout);
}

}  // namespace

auto add_decode_command(CLI::App& app) -> command {
  return add_command(
      app, "decode",
      "Reassembles parts read from stdin, one per line as hex (UDH followed by user data, any\n"
      "order; HEX:UDL gives TP-UDL, which makes GSM 7-bit exact), or the JSON of\n"
      "'septet encode --json'; prints the text.",
      "  septet decode < parts.hex          # one part a line: UDH and UD in hex, or HEX:UDL\n"
      "  septet encode --json 'Any text' | septet decode\n"
      "  echo 00480069 | septet decode --data-coding 8 --udhi no\n",
      add_decode_options, run_decode);
}

}  // namespace septet_cli

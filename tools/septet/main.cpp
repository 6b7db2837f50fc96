// septet: command-line front end of the septet library.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <septet/version.hpp>
#include <string>

#include "inspect.hpp"

namespace {

auto read_all_stdin() -> std::string {
  std::ios::sync_with_stdio(false);
  return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
}

auto use_color(const std::string& mode) -> bool {
  if (mode == "always") {
    return true;
  }
  if (mode == "never") {
    return false;
  }
  return isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
}

}  // namespace

auto main(int argc, char** argv) -> int {
  CLI::App app{"septet " SEPTET_VERSION_STRING
               ": what a carrier will send and bill for an SMS text (GSM 03.38 / UCS-2)"};
  app.set_version_flag("--version", SEPTET_VERSION_STRING);
  app.require_subcommand(1);

  auto* inspect = app.add_subcommand(
      "inspect",
      "Encoding, units, parts and non-GSM characters of TEXT (or of all of stdin, verbatim).\n"
      "Exit status: 0 within limits, 1 over a limit, 2 invalid UTF-8 or usage error.");
  septet_cli::inspect_settings settings;
  std::string text;
  std::size_t udh_octets = settings.options.udh_octets;
  bool grapheme_safe = false;
  std::string color = "auto";
  inspect->add_flag("--json", settings.json, "Print one JSON object");
  inspect
      ->add_option("--udh-octets", udh_octets,
                   "UDH octets per part of a concatenated message (6: 153/67, 7: 152/66)")
      ->check(CLI::Range(std::size_t{0}, septet::max_udh_octets));
  inspect->add_flag("--grapheme-safe", grapheme_safe,
                    "Keep grapheme clusters (emoji sequences, combining marks, flags) whole");
  inspect->add_option("--max-characters", settings.options.max_characters,
                      "Body cap in UTF-16 units (0: none)");
  inspect->add_option("--max-parts", settings.options.max_parts, "Cap on parts (0: none)");
  inspect->add_option("--color", color, "Highlight non-GSM characters: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  auto* text_option = inspect->add_option("text", text, "Message text (default: stdin)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : septet_cli::invalid_input;
  }

  if (text_option->count() == 0) {
    text = read_all_stdin();
  }
  settings.options.udh_octets = udh_octets;
  settings.options.boundary =
      grapheme_safe ? septet::boundary_policy::grapheme : septet::boundary_policy::code_point;
  settings.color = !settings.json && use_color(color);
  return septet_cli::inspect(text, settings, std::cout);
}

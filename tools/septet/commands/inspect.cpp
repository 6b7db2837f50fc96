// septet inspect: encoding, units, parts and non-GSM characters of a text.
#include "../inspect.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <septet/national_choice.hpp>
#include <septet/profile.hpp>
#include <string>
#include <vector>

#include "../comma_list.hpp"
#include "../numeric_option.hpp"
#include "command.hpp"
#include "shared_options.hpp"

namespace septet_cli {
namespace {

/// The command line of `septet inspect`, as parsed.
struct inspect_command_line {
  inspect_settings settings;
  std::string text;
  std::size_t udh_octets = settings.options.udh_octets;
  bool grapheme_safe = false;
  std::string color = "auto";
  std::string profile_name = "default";
  std::string national = "none";
  bool transliterate_always = false;
  bool transliterate_if_fewer = false;
  CLI::Option* udh_option = nullptr;
  CLI::Option* text_argument = nullptr;
};

void add_profile_option(CLI::App& subcommand, std::string& profile_name) {
  std::vector<std::string> profile_names;
  std::string profile_help = "Capacity profile of the route:";
  for (const auto& p : septet::profiles) {
    profile_names.emplace_back(p.name);
    profile_help += "\n  " + std::string(p.name) + ": " + std::string(p.description);
  }
  subcommand.add_option("--profile", profile_name, profile_help)
      ->check(CLI::IsMember(profile_names));
}

void add_inspect_options(CLI::App& subcommand, inspect_command_line& line) {
  add_json_flag(subcommand, line.settings.json);
  line.udh_option =
      subcommand
          .add_option("--udh-octets", line.udh_octets,
                      "UDH octets per part of a concatenated message (6: 153/67, 7: 152/66)")
          ->check(whole_number(0, septet::max_udh_octets));
  add_profile_option(subcommand, line.profile_name);
  subcommand.add_option(
      "--national", line.national,
      "National language tables to consider (TS 23.038 Annex A): none, auto (all),\n"
      "or a comma-separated list of tr, es, pt, bn, gu, hi, kn, ml, or, pa, ta, te, "
      "ur; any locking-shift table with any single-shift table of those languages,\n"
      "mixed or not: the pair that sends the fewest parts is used and announced in the UDH");
  subcommand.add_flag("--transliterate", line.transliterate_always,
                      "Replace look-alikes (curly quotes, dashes, NBSP, ...) by GSM characters "
                      "(docs/transliteration.md) and inspect the result");
  subcommand.add_flag("--transliterate-if-fewer-parts", line.transliterate_if_fewer,
                      "As --transliterate, but only when that sends fewer parts");
  add_grapheme_safe_flag(subcommand, line.grapheme_safe,
                         "Keep grapheme clusters (emoji sequences, combining marks, flags) whole");
  add_length_caps(subcommand, line.settings.options);
  subcommand.add_option("--color", line.color, "Highlight non-GSM characters: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  line.text_argument = add_text_argument(subcommand, line.text);
}

/// The profile's capacities, with the caps and UDH size given on the command line.
void apply_profile(inspect_command_line& line) {
  auto& options = line.settings.options;
  const auto chosen = septet::find_profile(line.profile_name);
  const auto max_characters = options.max_characters;
  const auto max_parts = options.max_parts;
  options = chosen->opts;
  options.max_characters = max_characters;
  options.max_parts = max_parts;
  if (line.udh_option->count() > 0) {
    options.udh_octets = line.udh_octets;
  }
}

/// The languages of --national; false, with the reason on stderr, for an unknown one.
auto read_national(const std::string& national, std::vector<septet::national_language>& languages)
    -> bool {
  if (national == "auto") {
    languages.assign(septet::all_national_languages.begin(), septet::all_national_languages.end());
    return true;
  }
  if (national == "none") {
    return true;
  }
  for (const auto& name : split_commas(national, true)) {
    const auto language = septet::national_language_named(name);
    if (!language || *language == septet::national_language::none) {
      std::fprintf(stderr, "septet: --national: unknown language '%s'\n", name.c_str());
      return false;
    }
    languages.push_back(*language);
  }
  return true;
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

auto run_inspect(inspect_command_line& line) -> exit_status {
  if (!read_text_argument(*line.text_argument, line.text)) {
    return invalid_input;
  }
  apply_profile(line);
  auto& settings = line.settings;
  if (!read_national(line.national, settings.national)) {
    return invalid_input;
  }
  settings.options.boundary = boundary_of(line.grapheme_safe);
  settings.transliterate = line.transliterate_always     ? transliterate_setting::always
                           : line.transliterate_if_fewer ? transliterate_setting::if_fewer_parts
                                                         : transliterate_setting::off;
  settings.color = !settings.json && use_color(line.color);
  return inspect(line.text, settings, std::cout);
}

}  // namespace

auto add_inspect_command(CLI::App& app) -> command {
  return add_command(
      app, "inspect",
      "Encoding, units, parts and non-GSM characters of TEXT (or of all of stdin, verbatim).\n"
      "Exit status: 0 within limits, 1 over a limit, 2 invalid UTF-8 or usage error.",
      "  septet inspect 'Hi €, see you at 5'\n"
      "  septet inspect --json < message.txt\n"
      "  septet inspect --national auto 'Merhaba Ğüzel şehir'\n"
      "  septet inspect --transliterate 'It’s “quoted”'\n",
      add_inspect_options, run_inspect);
}

}  // namespace septet_cli

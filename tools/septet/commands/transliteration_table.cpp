// septet transliteration-table: the look-alike table as Markdown (docs/transliteration.md).
#include <iostream>

#include "../inspect.hpp"
#include "command.hpp"

namespace septet_cli {

auto add_transliteration_table_command(CLI::App& app) -> command {
  auto* subcommand = app.add_subcommand(
      "transliteration-table",
      "Prints the look-alike table --transliterate uses, as Markdown (docs/transliteration.md is\n"
      "this output).");
  add_examples(*subcommand,
               "  septet transliteration-table\n"
               "  septet transliteration-table | grep U+2019\n");
  return {subcommand, [] {
            print_transliteration_table(std::cout);
            return ok;
          }};
}

}  // namespace septet_cli

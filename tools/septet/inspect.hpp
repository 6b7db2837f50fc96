#ifndef SEPTET_TOOLS_INSPECT_HPP
#define SEPTET_TOOLS_INSPECT_HPP

#include <cstddef>
#include <iosfwd>
#include <septet/options.hpp>
#include <string_view>
#include <vector>

#include "exit_status.hpp"

namespace septet_cli {

enum class transliterate_setting { off, always, if_fewer_parts };

struct inspect_settings {
  septet::options options;
  bool json = false;
  bool color = false;
  /// off: only suggest; always / if_fewer_parts: inspect the transliterated text.
  transliterate_setting transliterate = transliterate_setting::off;
  /// Languages whose national tables may be used; the best pair is picked (none: default tables).
  std::vector<septet::national_language> national;
};

/// Prints the inspection of `text` to `out`; returns the exit status.
auto inspect(std::string_view text, const inspect_settings& settings, std::ostream& out)
    -> exit_status;

/// The transliteration table as Markdown, generated from the library's data.
void print_transliteration_table(std::ostream& out);

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_INSPECT_HPP

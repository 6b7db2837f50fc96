// The JSON examples of the Sinch seeds, verbatim, from tests/data/sinch_seed_examples.txt (its
// path is SEPTET_SEED_EXAMPLES, set by tests/CMakeLists.txt).
#ifndef SEPTET_TESTS_SINCH_SEED_EXAMPLES_HPP
#define SEPTET_TESTS_SINCH_SEED_EXAMPLES_HPP

#include <fstream>
#include <string>
#include <string_view>

namespace septet_test {

/// The example called `name` ("== name" in the data file), without its trailing blank lines;
/// empty when there is none.
inline auto seed_example(std::string_view name) -> std::string {
  std::ifstream in(SEPTET_SEED_EXAMPLES);
  std::string line;
  std::string text;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.starts_with("== ")) {
      if (inside) {
        break;
      }
      inside = line.substr(3) == name;
      continue;
    }
    if (inside && !line.starts_with("#")) {
      text += line + "\n";
    }
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

}  // namespace septet_test

#endif  // SEPTET_TESTS_SINCH_SEED_EXAMPLES_HPP

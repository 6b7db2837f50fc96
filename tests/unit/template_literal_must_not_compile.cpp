// Must NOT compile: a malformed placeholder in a literal template is a compile-time error
// (tests/CMakeLists.txt builds this and expects the failure to name the check).
#include <septet/message_template.hpp>

constexpr septet::message_template broken = "Hello ${first name}!";

auto main() -> int {
  return static_cast<int>(broken.placeholders());
}

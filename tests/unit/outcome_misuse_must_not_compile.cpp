// Must NOT compile: reading the value of a failed outcome in a constant expression
// (tests/CMakeLists.txt builds this and expects the failure to name outcome_misused).
#include <septet/msisdn.hpp>

constexpr auto digits = septet::parse_msisdn("+0") -> digits();

auto main() -> int {
  return static_cast<int>(digits.size());
}

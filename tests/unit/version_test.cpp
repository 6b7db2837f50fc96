#include <septet/version.hpp>
#include <string_view>

auto main() -> int {
  return std::string_view(SEPTET_VERSION_STRING) == SEPTET_PROJECT_VERSION ? 0 : 1;
}

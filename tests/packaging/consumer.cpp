// A downstream program: the package must give it the headers, C++20 and utfcpp.
#include <septet/septet.hpp>

static_assert(septet::analyze("Hello \xE2\x82\xAC").parts == 1);
static_assert(septet::analyze("Hello \xE2\x82\xAC").units == 8);

auto main() -> int {
  const auto a = septet::analyze(std::string("caf\xC3\xA9 \xF0\x9F\x98\x80"));
  return a.encoding == septet::encoding::ucs2 && a.units == 7 ? 0 : 1;
}

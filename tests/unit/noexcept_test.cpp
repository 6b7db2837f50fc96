// Built with -fno-exceptions: the core must compile and work without exceptions.
#include <array>
#include <septet/septet.hpp>

auto main() -> int {
  const auto a = septet::analyze("Hello \xE2\x82\xAC, \xF0\x9F\x98\x80");
  std::array<septet::part, 4> parts{};
  const auto split = septet::segment("Hello", std::span{parts});
  septet::counter c;
  (void)c.append("abc");
  const bool ok = a.ok() && a.encoding == septet::encoding::ucs2 && a.units == 11 && split.ok() &&
                  split.count == 1 && c.analysis().units == 3;
  return ok ? 0 : 1;
}

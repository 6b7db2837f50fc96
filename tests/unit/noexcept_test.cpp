// Built with -fno-exceptions: the core must compile and work without exceptions, and reading a
// failed outcome's value still stops the program ("misuse" as the argument) instead of giving an
// empty value.
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstring>
#include <septet/septet.hpp>

namespace {

extern "C" void stopped_by_abort(int /*signal*/) {
  constexpr char said[] = "aborted on a failed outcome's value\n";
  (void)!write(STDOUT_FILENO, said, sizeof said - 1);
  _exit(0);
}

auto read_a_failed_value() -> int {
  (void)std::signal(SIGABRT, stopped_by_abort);
  const auto number = septet::parse_msisdn("not a number");
  return static_cast<int>(number->digits().size()) + 2;  // reached only if nothing stopped it
}

}  // namespace

auto main(int argc, char** argv) -> int {
  if (argc > 1 && std::strcmp(argv[1], "misuse") == 0) {
    return read_a_failed_value();
  }
  const auto a = septet::analyze("Hello \xE2\x82\xAC, \xF0\x9F\x98\x80");
  std::array<septet::part, 4> parts{};
  const auto split = septet::segment("Hello", std::span{parts});
  septet::counter c;
  (void)c.append("abc");
  const bool ok = a.ok() && a.encoding == septet::encoding::ucs2 && a.units == 11 && split.ok() &&
                  split.count == 1 && c.analysis().units == 3;
  return ok ? 0 : 1;
}

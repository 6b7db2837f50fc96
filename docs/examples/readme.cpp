#include <cstdio>
#include <septet/septet.hpp>

static_assert(septet::analyze(u8"Hi \u20AC").units == 5);  // the euro sign costs 2 septets

int main() {
  const auto a = septet::analyze(u8"Caf\u00E9 \U0001F600 at 8?");  // one emoji: UCS-2
  std::printf("%s: %zu units, %zu part(s), first non-GSM at byte %zu\n",
              septet::to_string(a.encoding).data(), a.units, a.parts, a.first_non_gsm->offset);
}

// The incremental counter, fed chunks of sizes the input chooses, equals analyze of the whole.
#include <septet/septet.hpp>

#include "fuzz_check.hpp"
#include "fuzz_options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) {
    return 0;
  }
  const septet::options opts = fuzz_options(data[0]);
  const std::uint8_t chunking = data[1];
  const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  septet::counter c(opts);
  std::size_t pos = 0;
  std::size_t step = 0;
  while (pos < text.size()) {
    const std::size_t take =
        std::min<std::size_t>(1 + ((chunking >> (step % 8)) & 7U), text.size() - pos);
    (void)c.append(text.substr(pos, take));
    pos += take;
    ++step;
  }
  const auto got = c.analysis();
  const auto want = septet::analyze(text, opts);
  SEPTET_FUZZ_CHECK(got.status == want.status && got.encoding == want.encoding &&
                    got.characters == want.characters && got.units == want.units &&
                    got.parts == want.parts && got.units_remaining == want.units_remaining &&
                    got.non_gsm_count == want.non_gsm_count && got.limits == want.limits &&
                    got.first_non_gsm == want.first_non_gsm);
  SEPTET_FUZZ_CHECK(c.size() == text.size());
  return 0;
}

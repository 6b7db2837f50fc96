// The constexpr UTF-8 decoder, utfcpp (run-time validate) and the fast analysis path must find the
// same first invalid sequence, and valid text must re-encode to itself.
#include <septet/septet.hpp>
#include <string>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t pos = 0;
  std::size_t count = 0;
  septet::result by_constexpr_decoder{septet::errc::ok, 0};
  std::string reencoded(size + 4, '\0');
  std::size_t written = 0;
  while (pos < size) {
    const auto step = septet::detail::decode_utf8(text.data() + pos, text.data() + size);
    if (step.error != septet::errc::ok) {
      by_constexpr_decoder = {step.error, pos};
      break;
    }
    written = septet::put_utf8(step.code_point, reencoded, written);
    pos += step.length;
    ++count;
  }
  if (by_constexpr_decoder.ok()) {
    by_constexpr_decoder.count = count;
    SEPTET_FUZZ_CHECK(written == size && reencoded.compare(0, size, text) == 0);
  }
  SEPTET_FUZZ_CHECK(septet::validate(text) == by_constexpr_decoder);
  const std::u8string_view as_u8(reinterpret_cast<const char8_t*>(data), size);
  SEPTET_FUZZ_CHECK(septet::validate(as_u8) == by_constexpr_decoder);
  const auto a = septet::analyze(text);
  SEPTET_FUZZ_CHECK(a.ok() == by_constexpr_decoder.ok());
  if (!a.ok()) {
    SEPTET_FUZZ_CHECK(a.status == by_constexpr_decoder);
  } else {
    SEPTET_FUZZ_CHECK(a.characters == count);
  }
  return 0;
}

// GSM 7-bit: text -> septets -> text is the identity for encodable text; septets -> packed ->
// septets is the identity for every fill.
#include <septet/septet.hpp>
#include <vector>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto septets = septet::gsm7::encode(text);
  if (septets.ok()) {
    const auto back = septet::gsm7::decode(septets.value());
    SEPTET_FUZZ_CHECK(back.ok() && back.value() == text);
    SEPTET_FUZZ_CHECK(septets->size() == septet::analyze(text, {}).units);
  } else {
    SEPTET_FUZZ_CHECK(septets.error().ec == septet::errc::not_gsm7 ||
                      septet::is_encoding_error(septets.error().ec));
  }
  std::vector<std::uint8_t> raw(data, data + size);
  for (auto& s : raw) {
    s &= 0x7FU;
  }
  const std::size_t fill = size % 7;
  std::vector<std::uint8_t> packed(septet::gsm7::packed_size(raw.size(), fill));
  SEPTET_FUZZ_CHECK(septet::gsm7::pack(raw, packed, fill).ok());
  std::vector<std::uint8_t> unpacked(raw.size());
  SEPTET_FUZZ_CHECK(septet::gsm7::unpack(packed, raw.size(), unpacked, fill).ok());
  SEPTET_FUZZ_CHECK(unpacked == raw);
  // Any septets decode without error, and their decoding encodes back to septets that decode
  // to the same text (escapes are canonicalised).
  const auto shown = septet::gsm7::decode(raw);
  SEPTET_FUZZ_CHECK(shown.ok());
  const auto again = septet::gsm7::encode(shown.value());
  SEPTET_FUZZ_CHECK(again.ok() && septet::gsm7::decode(again.value()).value() == shown.value());
  return 0;
}

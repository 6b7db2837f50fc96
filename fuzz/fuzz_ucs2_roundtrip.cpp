// UCS-2 (UTF-16BE): octets that decode re-encode to themselves; valid text round-trips.
#include <septet/septet.hpp>
#include <vector>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> octets(data, size);
  const auto text = septet::ucs2::decode(octets);
  if (text.ok()) {
    const auto back = septet::ucs2::encode(text.value());
    SEPTET_FUZZ_CHECK(back.ok() &&
                      std::equal(back->begin(), back->end(), octets.begin(), octets.end()));
  } else {
    SEPTET_FUZZ_CHECK(text.error().ec == septet::errc::invalid_user_data ||
                      text.error().ec == septet::errc::utf16_unpaired_surrogate);
    SEPTET_FUZZ_CHECK(text.error().count < size);
  }
  const std::string_view utf8(reinterpret_cast<const char*>(data), size);
  const auto encoded = septet::ucs2::encode(utf8);
  if (encoded.ok()) {
    const auto decoded = septet::ucs2::decode(encoded.value());
    SEPTET_FUZZ_CHECK(decoded.ok() && decoded.value() == utf8);
  }
  return 0;
}

// encode_parts then reassemble, with parts shuffled, dropped or repeated as the input says:
// the text comes back, or the missing / duplicate part is named; national tables (mixed pairs
// too) from the flag byte's high bits. The parts are those of the general path.
#include <algorithm>
#include <array>
#include <septet/septet.hpp>
#include <vector>

#include "fuzz_check.hpp"
#include "fuzz_options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) {
    return 0;
  }
  const std::uint8_t flags = data[0];
  const std::uint8_t shuffle = data[1];
  const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  septet::encode_options enc;
  enc.reference_size =
      (flags & 1U) != 0 ? septet::reference_size::bits16 : septet::reference_size::bits8;
  enc.form = (flags & 2U) != 0 ? septet::septet_form::unpacked : septet::septet_form::packed;
  enc.reference = shuffle;
  enc.text.max_characters = 0;
  enc.text.national = fuzz_national(static_cast<std::uint8_t>(flags >> 5U));
  const auto parts = septet::encode_parts(text, enc);
  // A message that fits one part is encoded without analysing it first: the general path
  // (analysis, split, then the parts' user data) gives the same result and parts, under a body
  // cap too.
  septet::encode_options capped = enc;
  capped.text.max_characters = shuffle;  // 0: none
  std::array<septet::encoded_part, 2> direct{};
  std::array<septet::encoded_part, 2> general{};
  const septet::result got = septet::encode_parts(text, std::span{direct}, capped);
  const septet::result expected = septet::detail::encode_text_parts(
      septet::detail::analyzed_text(text, septet::detail::wire_text_options(capped)),
      std::span{general}, capped);
  SEPTET_FUZZ_CHECK(got == expected);
  for (std::size_t i = 0; expected.ok() && i < expected.count; ++i) {
    SEPTET_FUZZ_CHECK(std::ranges::equal(direct[i].bytes(), general[i].bytes()) &&
                      direct[i].udh_size == general[i].udh_size &&
                      direct[i].udl == general[i].udl && direct[i].text == general[i].text &&
                      direct[i].data_coding == general[i].data_coding &&
                      direct[i].esm_class == general[i].esm_class);
  }
  if (!parts.ok()) {
    return 0;
  }
  std::vector<septet::received_part> in;
  for (const auto& p : parts.value()) {
    SEPTET_FUZZ_CHECK(p.size <= (enc.form == septet::septet_form::packed ? 140U : 160U));
    in.push_back({p.bytes(), p.data_coding, p.udh_size != 0,
                  (flags & 4U) != 0 ? septet::unknown_length : p.udl, enc.form});
  }
  std::rotate(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(shuffle % in.size()), in.end());
  const bool unknown_udl = (flags & 4U) != 0;
  if ((flags & 8U) != 0 && in.size() > 1) {
    in.erase(in.begin());
    const auto r = septet::reassemble(in);
    SEPTET_FUZZ_CHECK(r.error().ec == septet::errc::missing_part);
  } else if ((flags & 16U) != 0 && in.size() > 1) {
    in.push_back(in.front());
    const auto r = septet::reassemble(in);
    SEPTET_FUZZ_CHECK(r.error().ec == septet::errc::duplicate_part);
  } else {
    const auto r = septet::reassemble(in);
    SEPTET_FUZZ_CHECK(r.ok());
    // Without TP-UDL a part ending in '@' on a 7-spare-bit boundary is ambiguous, by design.
    SEPTET_FUZZ_CHECK(r.value() == text ||
                      (unknown_udl && enc.form == septet::septet_form::packed));
  }
  return 0;
}

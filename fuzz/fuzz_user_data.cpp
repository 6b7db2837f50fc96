// Received user data of any shape: UDH parsing and part decoding never crash and report errors
// at offsets inside the data.
#include <array>
#include <septet/septet.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) {
    return 0;
  }
  const std::uint8_t dcs = data[0];
  const std::uint8_t flags = data[1];
  const std::span<const std::uint8_t> user_data(data + 2, size - 2);
  const auto udh = septet::parse_udh(user_data);
  if (udh.ok()) {
    SEPTET_FUZZ_CHECK(udh->size >= 1 && udh->size <= user_data.size());
    if (udh->concat) {
      SEPTET_FUZZ_CHECK(udh->concat->sequence >= 1 && udh->concat->sequence <= udh->concat->total);
    }
  } else {
    SEPTET_FUZZ_CHECK(udh.error().ec == septet::errc::invalid_udh);
  }
  septet::received_part in;
  in.user_data = user_data;
  in.data_coding = dcs;
  in.udhi = (flags & 1U) != 0;
  in.form = (flags & 2U) != 0 ? septet::septet_form::unpacked : septet::septet_form::packed;
  in.udl = (flags & 4U) != 0 ? septet::unknown_length : std::size_t{flags} >> 2U;
  std::array<char, 1024> out{};
  const auto r = septet::decode_part(in, std::span{out});
  if (r.ok()) {
    SEPTET_FUZZ_CHECK(r.count <= out.size());
    SEPTET_FUZZ_CHECK(septet::validate(std::string_view(out.data(), r.count)).ok());
  }
  const auto whole = septet::reassemble(std::span{&in, 1});
  SEPTET_FUZZ_CHECK(!whole.ok() || septet::validate(std::string_view(whole.value())).ok());
  return 0;
}

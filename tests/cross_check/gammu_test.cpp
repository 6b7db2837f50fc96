// Cross-check against Debian's libgammu: for the same text and concatenation reference, the
// user data, TP-UDL and data coding septet produces must equal what Gammu encodes into an
// SMS-SUBMIT PDU.
#include <gammu.h>
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <septet/septet.hpp>
#include <string>
#include <vector>

#include "test_text.hpp"

namespace {

struct gammu_part {
  std::vector<std::uint8_t> user_data;  // UDH + UD as in the PDU
  std::size_t udl = 0;
  std::uint8_t dcs = 0;
};

/// Gammu's own multipart encoder (automatic GSM/UCS-2 choice, 8-bit reference) plus its PDU
/// encoder; returns the parts and the reference Gammu picked.
auto gammu_encode(const std::string& text, std::uint8_t& reference) -> std::vector<gammu_part> {
  std::vector<unsigned char> unicode((text.size() + 1) * 2 + 2, 0);
  DecodeUTF8(unicode.data(), text.c_str(), text.size());
  GSM_MultiPartSMSInfo info;
  GSM_ClearMultiPartSMSInfo(&info);
  info.EntriesNum = 1;
  info.Entries[0].ID = SMS_ConcatenatedAutoTextLong;
  info.Entries[0].Buffer = unicode.data();
  info.UnicodeCoding = FALSE;
  auto multi = std::make_unique<GSM_MultiSMSMessage>();
  std::memset(multi.get(), 0, sizeof(GSM_MultiSMSMessage));
  EXPECT_EQ(GSM_EncodeMultiPartSMS(nullptr, &info, multi.get()), ERR_NONE);
  std::vector<gammu_part> parts;
  for (int i = 0; i < multi->Number; ++i) {
    GSM_SMSMessage& sms = multi->SMS[i];
    sms.PDU = SMS_Submit;
    std::vector<unsigned char> frame(1024, 0);
    int length = 0;
    EXPECT_EQ(GSM_EncodeSMSFrame(nullptr, &sms, frame.data(), PHONE_SMSSubmit, &length, TRUE),
              ERR_NONE);
    gammu_part part;
    part.udl = frame[PHONE_SMSSubmit.TPUDL];
    part.dcs = frame[PHONE_SMSSubmit.TPDCS];
    part.user_data.assign(frame.begin() + PHONE_SMSSubmit.Text, frame.begin() + length);
    if (sms.UDH.Length >= 6) {
      reference = sms.UDH.Text[3];
    }
    parts.push_back(std::move(part));
  }
  return parts;
}

void expect_same_as_gammu(const std::string& text) {
  SCOPED_TRACE(text.size() > 60 ? text.substr(0, 60) + "..." : text);
  std::uint8_t reference = 0;
  const auto expected = gammu_encode(text, reference);
  septet::encode_options enc;
  enc.reference = reference;
  const auto parts = septet::encode_parts(text, enc);
  ASSERT_TRUE(parts.ok()) << septet::name(parts.error().ec);
  ASSERT_EQ(parts->size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto bytes = parts.value()[i].bytes();
    EXPECT_EQ(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), expected[i].user_data)
        << "part " << i + 1;
    EXPECT_EQ(parts.value()[i].udl, expected[i].udl) << "part " << i + 1;
    EXPECT_EQ(parts.value()[i].data_coding, expected[i].dcs) << "part " << i + 1;
  }
}

TEST(gammu_test, single_part_gsm) {
  expect_same_as_gammu("hellohello");
  expect_same_as_gammu(
      "How are you? @home $5 \xC2\xA3"
      "3 \xC3\xA9t\xC3\xA9 \xCE\x94");
  expect_same_as_gammu("Extension: {[|]} ~ \\ ^ \xE2\x82\xAC");
  expect_same_as_gammu(septet_test::repeat("x", 160));
}

TEST(gammu_test, multipart_gsm) {
  expect_same_as_gammu(septet_test::repeat("a", 161));
  expect_same_as_gammu(septet_test::repeat("The quick brown fox jumps over the lazy dog. ", 9));
  expect_same_as_gammu(septet_test::repeat("0123456789", 100));
  expect_same_as_gammu(septet_test::repeat("a", 150) + "[brackets] " +
                       septet_test::repeat("b", 200));
}

TEST(gammu_test, escape_pair_across_the_boundary_moves_whole) {
  expect_same_as_gammu(septet_test::repeat("a", 152) + "]" + septet_test::repeat("b", 100));
  expect_same_as_gammu(septet_test::repeat("a", 152) + std::string(septet_test::euro) + "tail");
}

TEST(gammu_test, ucs2) {
  expect_same_as_gammu("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
  expect_same_as_gammu("Hi \xF0\x9F\x98\x80 there");
  expect_same_as_gammu(septet_test::repeat(septet_test::zhe, 71));
  expect_same_as_gammu(septet_test::repeat("\xE4\xBD\xA0\xE5\xA5\xBD", 100));
}

TEST(gammu_test, surrogate_pair_across_the_boundary_moves_whole) {
  expect_same_as_gammu(septet_test::repeat(septet_test::zhe, 66) +
                       std::string(septet_test::grinning) +
                       septet_test::repeat(septet_test::zhe, 9));
}

}  // namespace

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <septet/septet.hpp>
#include <string>
#include <vector>

#include "test_text.hpp"

namespace {

using septet::errc;
using septet::result;
using septet_test::hex;
using septet_test::received;
using septet_test::repeat;

auto packed_hex(std::string_view text, std::size_t fill = 0) -> std::string {
  const auto septets = septet::gsm7::encode(text);
  EXPECT_TRUE(septets.ok());
  std::vector<std::uint8_t> octets(septet::gsm7::packed_size(septets->size(), fill));
  EXPECT_TRUE(septet::gsm7::pack(septets.value(), octets, fill).ok());
  return hex(octets);
}

TEST(wire_test, packing_matches_published_vectors) {
  // 3GPP TS 23.038 / the classic GSM 03.38 examples.
  EXPECT_EQ(packed_hex("hellohello"), "E8329BFD4697D9EC37");
  EXPECT_EQ(packed_hex("Hello"), "C8329BFD06");
  EXPECT_EQ(packed_hex("How are you?"), "C8F71D14969741F977FD07");
  // Eight septets fill seven octets exactly.
  EXPECT_EQ(packed_hex("12345678"), "31D98C56B3DD70");
  // After a 6-octet UDH one fill bit comes first: 'h' (0x68) shifted left by one.
  EXPECT_EQ(packed_hex("h", 1), "D0");
  EXPECT_EQ(packed_hex("hi", 1), "D069");
}

TEST(wire_test, septets_with_escapes_and_at_sign) {
  const auto septets =
      septet::gsm7::encode(std::string("@") + std::string(septet_test::euro) + "[a");
  ASSERT_TRUE(septets.ok());
  EXPECT_EQ(septets.value(), (std::vector<std::uint8_t>{0x00, 0x1B, 0x65, 0x1B, 0x3C, 0x61}));
  EXPECT_EQ(septet::gsm7::encode("a\xE2\x80\x9C"
                                 "b")
                .error(),
            (result{errc::not_gsm7, 1}));
  std::array<std::uint8_t, 2> small{};
  EXPECT_EQ(septet::gsm7::encode("abc", std::span{small}), (result{errc::output_too_small, 3}));
}

TEST(wire_test, gsm7_decoding_rules) {
  const std::vector<std::uint8_t> septets = {0x48, 0x1B, 0x1B, 0x1B, 0x41, 0x1B, 0x65, 0x00, 0x1B};
  const auto text = septet::gsm7::decode(septets);
  ASSERT_TRUE(text.ok());
  // ESC ESC -> space, ESC 'A' -> 'A', ESC 0x65 -> euro, '@', lone trailing ESC -> space.
  EXPECT_EQ(text.value(), "H A\xE2\x82\xAC@ ");
  const std::vector<std::uint8_t> bad = {0x41, 0x80};
  EXPECT_EQ(septet::gsm7::decode(bad).error(), (result{errc::invalid_septet, 1}));
  std::array<char, 2> small{};
  EXPECT_EQ(septet::gsm7::decode(septets, std::span{small}), (result{errc::output_too_small, 8}));
}

TEST(wire_test, unpack_inverts_pack_for_every_fill) {
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> septet(0, 127);
  for (std::size_t n = 0; n < 40; ++n) {
    std::vector<std::uint8_t> septets(n);
    for (auto& s : septets) {
      s = static_cast<std::uint8_t>(septet(rng));
    }
    for (std::size_t fill = 0; fill < 7; ++fill) {
      std::vector<std::uint8_t> octets(septet::gsm7::packed_size(n, fill));
      ASSERT_EQ(septet::gsm7::pack(septets, octets, fill), (result{errc::ok, octets.size()}));
      std::vector<std::uint8_t> back(n);
      ASSERT_EQ(septet::gsm7::unpack(octets, n, back, fill), (result{errc::ok, n}));
      EXPECT_EQ(back, septets) << n << " septets, fill " << fill;
    }
  }
  const std::vector<std::uint8_t> too_short = {0xE8, 0x32};
  std::array<std::uint8_t, 8> out{};
  EXPECT_EQ(septet::gsm7::unpack(too_short, 3, std::span{out}).ec, errc::invalid_user_data);
}

// Parts are not cleared before they are written (that took a fifth of a short message's time):
// encoding into a buffer that held other parts gives the same parts as a fresh one.
TEST(wire_test, a_reused_buffer_gives_the_same_parts_as_a_fresh_one) {
  const std::vector<std::string> texts = {
      repeat("\xD0\x96", 200), "Hi", repeat("z", 400), "ok", "\xE2\x82\xAC 5", repeat("a", 161)};
  std::array<septet::encoded_part, 8> reused{};
  for (auto& p : reused) {
    p.octets.fill(0xEE);
    p.size = p.udh_size = p.udl = 99;
    p.esm_class = septet::esm_class_udhi;
    p.data_coding = septet::data_coding_ucs2;
  }
  for (const auto& text : texts) {
    for (const auto form : {septet::septet_form::packed, septet::septet_form::unpacked}) {
      septet::encode_options enc;
      enc.form = form;
      std::array<septet::encoded_part, 8> fresh{};
      const auto a = septet::encode_parts(text, std::span{reused}, enc);
      const auto b = septet::encode_parts(text, std::span{fresh}, enc);
      ASSERT_EQ(a, b) << text;
      for (std::size_t i = 0; i < b.count; ++i) {
        EXPECT_EQ(hex(reused[i].bytes()), hex(fresh[i].bytes())) << text << " part " << i;
        EXPECT_EQ(reused[i].udh_size, fresh[i].udh_size);
        EXPECT_EQ(reused[i].udl, fresh[i].udl);
        EXPECT_EQ(reused[i].data_coding, fresh[i].data_coding);
        EXPECT_EQ(reused[i].esm_class, fresh[i].esm_class);
        EXPECT_EQ(reused[i].text, fresh[i].text);
      }
    }
  }
}

TEST(wire_test, pack_writes_nothing_past_its_octets_and_names_a_bad_septet) {
  // Eight septets at a time at run time: the same octets as constant evaluation, nothing stored
  // past them in a larger output, and a value above 0x7F named by its index.
  for (std::size_t n = 0; n < 70; ++n) {
    std::vector<std::uint8_t> septets(n);
    for (std::size_t i = 0; i < n; ++i) {
      septets[i] = static_cast<std::uint8_t>((i * 53 + 7) & 0x7FU);
    }
    for (std::size_t fill = 0; fill < 7; ++fill) {
      const std::size_t size = septet::gsm7::packed_size(n, fill);
      std::vector<std::uint8_t> out(size + 16, 0xAA);
      ASSERT_EQ(septet::gsm7::pack(septets, out, fill), (result{errc::ok, size}));
      for (std::size_t i = size; i < out.size(); ++i) {
        ASSERT_EQ(out[i], 0xAA) << n << " septets, fill " << fill << ", octet " << i;
      }
      std::vector<std::uint8_t> bit_by_bit(size, 0);
      for (std::size_t i = 0, bit = fill; i < n; ++i, bit += 7) {
        for (std::size_t b = 0; b < 7; ++b) {
          if ((septets[i] >> b) & 1U) {
            bit_by_bit[(bit + b) / 8] |= static_cast<std::uint8_t>(1U << ((bit + b) % 8));
          }
        }
      }
      ASSERT_TRUE(std::equal(bit_by_bit.begin(), bit_by_bit.end(), out.begin()))
          << n << " septets, fill " << fill;
      // The wire encoder's form, free to write past the octets: the last word of septets packed
      // at once, the same octets.
      std::vector<std::uint8_t> roomy(size + 16, 0xAA);
      ASSERT_EQ(septet::detail::pack_at_run_time(septets, roomy, fill), (result{errc::ok, size}));
      ASSERT_TRUE(std::equal(bit_by_bit.begin(), bit_by_bit.end(), roomy.begin()))
          << n << " septets, fill " << fill << ", roomy output";
    }
    if (n > 13) {
      septets[13] = 0x80;
      std::vector<std::uint8_t> out(septet::gsm7::packed_size(n, 1));
      EXPECT_EQ(septet::gsm7::pack(septets, out, 1), (result{errc::invalid_septet, 13}));
    }
  }
}

TEST(wire_test, septet_count_without_udl) {
  // 7 septets leave 7 spare bits in 7 octets: without TP-UDL they read as padding.
  const std::vector<std::uint8_t> seven = {0xC1, 0xE0, 0x70, 0x38, 0x1C, 0x0E, 0x01};  // "AAAAAAA"
  EXPECT_EQ(septet::gsm7::septets_in(seven), 7U);
  const std::vector<std::uint8_t> eight = {0x31, 0xD9, 0x8C, 0x56, 0xB3, 0xDD, 0x70};  // "12345678"
  EXPECT_EQ(septet::gsm7::septets_in(eight), 8U);
}

TEST(wire_test, ucs2_is_utf16_big_endian) {
  const auto octets = septet::ucs2::encode(std::string("A") + std::string(septet_test::grinning));
  ASSERT_TRUE(octets.ok());
  EXPECT_EQ(hex(octets.value()), "0041D83DDE00");
  const auto text = septet::ucs2::decode(octets.value());
  EXPECT_EQ(text.value(), std::string("A") + std::string(septet_test::grinning));
  const std::vector<std::uint8_t> lone = {0x00, 0x41, 0xDE, 0x00};
  EXPECT_EQ(septet::ucs2::decode(lone).error(), (result{errc::utf16_unpaired_surrogate, 2}));
  const std::vector<std::uint8_t> odd = {0x00, 0x41, 0x00};
  EXPECT_EQ(septet::ucs2::decode(odd).error(), (result{errc::invalid_user_data, 2}));
}

TEST(wire_test, udh_write_and_parse) {
  std::array<std::uint8_t, 16> out{};
  const septet::concatenation c8{0xA5, 3, 2, septet::reference_size::bits8};
  ASSERT_EQ(septet::write_udh(c8, {}, std::span{out}), (result{errc::ok, 6}));
  EXPECT_EQ(hex(std::span{out}.first(6)), "050003A50302");
  const auto parsed = septet::parse_udh(std::span{out}.first(6));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->concat, c8);

  const std::array<std::uint8_t, 1> port{0x42};
  const septet::information_element extra[] = {{0x70, port}};
  const septet::concatenation c16{0x1234, 2, 1, septet::reference_size::bits16};
  ASSERT_EQ(septet::write_udh(c16, extra, std::span{out}), (result{errc::ok, 10}));
  EXPECT_EQ(hex(std::span{out}.first(10)), "09080412340201700142");
  const auto parsed16 = septet::parse_udh(std::span{out}.first(10));
  ASSERT_TRUE(parsed16.ok());
  EXPECT_EQ(parsed16->concat, c16);
  EXPECT_EQ(parsed16->elements, 2U);

  const std::vector<std::vector<std::uint8_t>> malformed = {
      {},                                    // no UDHL
      {0x05, 0x00, 0x03, 0x01},              // UDHL past the data
      {0x04, 0x00, 0x03, 0x01, 0x02},        // element past the UDHL
      {0x05, 0x00, 0x03, 0x01, 0x00, 0x01},  // total 0
      {0x05, 0x00, 0x03, 0x01, 0x02, 0x03},  // sequence > total
      {0x05, 0x00, 0x02, 0x01, 0x02, 0x00},  // 8-bit concatenation IE of length 2
      {0x0A, 0x00, 0x03, 0x01, 0x02, 0x01, 0x00, 0x03, 0x01, 0x02, 0x01},  // two concatenation IEs
  };
  for (const auto& m : malformed) {
    EXPECT_EQ(septet::parse_udh(m).error().ec, errc::invalid_udh) << hex(m);
  }
  const septet::information_element concat_as_extra[] = {{0x00, port}};
  EXPECT_EQ(septet::write_udh(std::nullopt, concat_as_extra, std::span{out}).ec,
            errc::invalid_option);
}

TEST(wire_test, encode_parts_single_gsm_part) {
  const auto parts = septet::encode_parts("hellohello");
  ASSERT_TRUE(parts.ok());
  ASSERT_EQ(parts->size(), 1U);
  const auto& p = parts.value()[0];
  EXPECT_EQ(p.udh_size, 0U);
  EXPECT_EQ(p.esm_class, 0);
  EXPECT_EQ(p.data_coding, septet::data_coding_gsm7);
  EXPECT_EQ(p.udl, 10U);
  EXPECT_EQ(hex(p.user_data()), "E8329BFD4697D9EC37");
}

TEST(wire_test, encode_parts_three_gsm_parts) {
  const std::string text = repeat("a", 152) + "]" + repeat("b", 160);
  septet::encode_options enc;
  enc.reference = 0x2A;
  const auto parts = septet::encode_parts(text, enc);
  ASSERT_TRUE(parts.ok());
  ASSERT_EQ(parts->size(), 3U);
  EXPECT_EQ(hex(parts.value()[0].udh()), "0500032A0301");
  EXPECT_EQ(hex(parts.value()[2].udh()), "0500032A0303");
  EXPECT_EQ(parts.value()[0].esm_class, septet::esm_class_udhi);
  EXPECT_EQ(parts.value()[0].udl, 7U + 152U);  // UDH = 6 octets + 1 fill bit = 7 septets
  EXPECT_EQ(parts.value()[0].size, 6U + septet::gsm7::packed_size(152, 1));
  EXPECT_EQ(parts.value()[1].udl, 7U + 153U);
  EXPECT_EQ(parts.value()[1].size, 140U);
  const auto back = septet::reassemble(received(parts.value()));
  ASSERT_TRUE(back.ok()) << septet::name(back.error().ec);
  EXPECT_EQ(back.value(), text);
}

TEST(wire_test, encode_parts_ucs2_with_16bit_reference) {
  const std::string text = repeat(septet_test::zhe, 65) + std::string(septet_test::grinning) +
                           repeat(septet_test::zhe, 70);
  septet::encode_options enc;
  enc.reference_size = septet::reference_size::bits16;
  enc.reference = 0xBEEF;
  const auto parts = septet::encode_parts(text, enc);
  ASSERT_TRUE(parts.ok());
  ASSERT_EQ(parts->size(), 3U);  // 66 + 66 + 5 units
  EXPECT_EQ(parts.value()[0].data_coding, septet::data_coding_ucs2);
  EXPECT_EQ(hex(parts.value()[0].udh()), "060804BEEF0301");
  EXPECT_EQ(parts.value()[0].text.units, 65U);  // the emoji would not fit: it starts part 2
  EXPECT_EQ(parts.value()[1].text.units, 66U);
  EXPECT_EQ(parts.value()[0].udl, 7U + 130U);
  const auto back = septet::reassemble(received(parts.value()));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value(), text);
}

TEST(wire_test, extra_elements_shrink_every_part) {
  const std::array<std::uint8_t, 4> ports{0x0B, 0x84, 0x23, 0xF0};
  const septet::information_element extra[] = {{0x05, ports}};
  septet::encode_options enc;
  enc.extra_elements = extra;
  // One part: UDH of 1 + 6 octets, 8 septets of header, 152 left.
  const auto single = septet::encode_parts(repeat("a", 152), enc);
  ASSERT_TRUE(single.ok());
  ASSERT_EQ(single->size(), 1U);
  EXPECT_EQ(hex(single.value()[0].udh()), "0605040B8423F0");
  EXPECT_EQ(single.value()[0].udl, 160U);
  EXPECT_EQ(septet::encode_parts(repeat("a", 153), enc).value().size(), 2U);
  // Two parts: UDH 1 + 5 + 6 = 12 octets: floor(128 * 8 / 7) = 146 septets per part.
  const auto two = septet::encode_parts(repeat("a", 200), enc);
  ASSERT_EQ(two->size(), 2U);
  EXPECT_EQ(two.value()[0].text.units, 146U);
  EXPECT_EQ(two.value()[0].udh_size, 12U);
  EXPECT_EQ(septet::reassemble(received(two.value())).value(), repeat("a", 200));
}

TEST(wire_test, unpacked_form_for_smpp) {
  septet::encode_options enc;
  enc.form = septet::septet_form::unpacked;
  const auto parts = septet::encode_parts(std::string("@") + std::string(septet_test::euro), enc);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ(hex(parts.value()[0].bytes()), "001B65");
  const septet::received_part in{parts.value()[0].bytes(), 0x00, false, septet::unknown_length,
                                 septet::septet_form::unpacked};
  std::array<char, 8> out{};
  const auto r = septet::decode_part(in, std::span{out});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(std::string(out.data(), r.count), std::string("@") + std::string(septet_test::euro));
}

TEST(wire_test, reassembly_in_any_order_with_typed_errors) {
  const std::string text = repeat("x", 400);
  septet::encode_options enc;
  enc.reference = 7;
  const auto parts = septet::encode_parts(text, enc);
  ASSERT_EQ(parts->size(), 3U);
  auto in = received(parts.value(), false);
  std::swap(in[0], in[2]);
  EXPECT_EQ(septet::reassemble(in).value(), text);

  auto missing = in;
  missing.erase(missing.begin() + 1);  // sequence 2
  EXPECT_EQ(septet::reassemble(missing).error(), (result{errc::missing_part, 2}));
  auto duplicate = in;
  duplicate.push_back(in[0]);  // sequence 3 again
  EXPECT_EQ(septet::reassemble(duplicate).error(), (result{errc::duplicate_part, 3}));

  enc.reference = 8;
  const auto other = septet::encode_parts(text, enc);
  auto mixed = in;
  mixed[1] = received(other.value())[1];
  EXPECT_EQ(septet::reassemble(mixed).error(), (result{errc::mismatched_parts, 1}));
  auto binary = in;
  binary[0].data_coding = 0x04;
  EXPECT_EQ(septet::reassemble(binary).error().ec, errc::unsupported_data_coding);
}

TEST(wire_test, round_trips_for_gsm_and_ucs2_texts) {
  const std::vector<std::string> texts = {
      "",
      "@",
      "hello",
      repeat("@", 7),  // ends with 7 spare bits: decodes right with TP-UDL
      "Curly {braces} [and] ~tilde~ |pipe| ^caret^ \\back\\ \f form feed \xE2\x82\xAC",
      repeat("]", 153),
      repeat("abcdefg", 50) + "\r\n" + repeat("\xC3\xA9\xC3\xA0", 40),
      repeat(std::string(septet_test::grinning) + "a", 80),
      "\xCE\x94\xCE\xA6 Greek caps and \xD0\xB6 Cyrillic",
      repeat(std::string(septet_test::zhe), 300),
  };
  for (const auto& text : texts) {
    for (const auto size : {septet::reference_size::bits8, septet::reference_size::bits16}) {
      for (const auto form : {septet::septet_form::packed, septet::septet_form::unpacked}) {
        septet::encode_options enc;
        enc.reference_size = size;
        enc.form = form;
        const auto parts = septet::encode_parts(text, enc);
        ASSERT_TRUE(parts.ok()) << text;
        std::vector<septet::received_part> in;
        for (const auto& p : parts.value()) {
          in.push_back({p.bytes(), p.data_coding, p.udh_size != 0, p.udl, form});
        }
        const auto back = septet::reassemble(in);
        ASSERT_TRUE(back.ok()) << septet::name(back.error().ec) << " at " << back.error().count;
        EXPECT_EQ(back.value(), text);
        for (const auto& p : parts.value()) {
          EXPECT_LE(p.size, form == septet::septet_form::packed ? 140U : 160U);
        }
      }
    }
  }
}

TEST(wire_test, data_coding_schemes) {
  EXPECT_EQ(septet::alphabet_of(0x00), septet::alphabet::gsm7);
  EXPECT_EQ(septet::alphabet_of(0x08), septet::alphabet::ucs2);
  EXPECT_EQ(septet::alphabet_of(0x04), septet::alphabet::eight_bit);
  EXPECT_EQ(septet::alphabet_of(0xF0), septet::alphabet::gsm7);  // class 0, GSM 7-bit
  EXPECT_EQ(septet::alphabet_of(0xF4), septet::alphabet::eight_bit);
  EXPECT_EQ(septet::alphabet_of(0x18), septet::alphabet::ucs2);  // class meaning, UCS-2
  EXPECT_FALSE(septet::alphabet_of(0x20).has_value());           // compressed
}

}  // namespace

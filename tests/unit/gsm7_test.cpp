#include <gtest/gtest.h>

#include <septet/gsm7.hpp>
#include <string_view>

namespace {

// 3GPP TS 23.038 figure 6.2.1, transcribed column by column (septets 0x00-0x0F, 0x10-0x1F, ...)
// independently of the library table; 0xFFFF marks the escape cell 0x1B.
constexpr std::u16string_view columns[8] = {
    u"@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5",
    u"\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\uFFFF\u00C6\u00E6\u00DF\u00C9",
    u" !\"#\u00A4%&'()*+,-./",
    u"0123456789:;<=>?",
    u"\u00A1ABCDEFGHIJKLMNO",
    u"PQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7",
    u"\u00BFabcdefghijklmno",
    u"pqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0",
};

TEST(gsm7_test, every_default_alphabet_cell_round_trips) {
  for (std::uint8_t septet = 0; septet < 128; ++septet) {
    const char16_t expected = columns[septet / 16][septet % 16];
    SCOPED_TRACE(::testing::Message() << "septet 0x" << std::hex << int{septet});
    ASSERT_EQ(columns[septet / 16].size(), 16U);
    if (expected == 0xFFFF) {
      EXPECT_EQ(septet, septet::gsm7::escape);
      continue;
    }
    EXPECT_EQ(septet::gsm7::character(septet), char32_t{expected});
    const auto code = septet::gsm7::lookup(expected);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(code->septet, septet);
    EXPECT_FALSE(code->extension);
    EXPECT_EQ(septet::gsm7::septets(expected), 1U);
  }
}

struct extension_cell {
  std::uint8_t septet;
  char32_t character;
};

// TS 23.038 table 6.2.1.1.
constexpr extension_cell extension_cells[] = {
    {0x0A, U'\f'}, {0x14, U'^'}, {0x28, U'{'}, {0x29, U'}'}, {0x2F, U'\\'},
    {0x3C, U'['},  {0x3D, U'~'}, {0x3E, U']'}, {0x40, U'|'}, {0x65, U'\u20AC'},
};

TEST(gsm7_test, every_extension_cell_round_trips_and_costs_two_septets) {
  for (const auto& cell : extension_cells) {
    SCOPED_TRACE(::testing::Message() << "extension 0x" << std::hex << int{cell.septet});
    EXPECT_EQ(septet::gsm7::escaped_character(cell.septet), cell.character);
    const auto code = septet::gsm7::lookup(cell.character);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(code->septet, cell.septet);
    EXPECT_TRUE(code->extension);
    EXPECT_EQ(septet::gsm7::septets(cell.character), 2U);
  }
}

TEST(gsm7_test, exactly_137_code_points_are_gsm) {
  std::size_t basic = 0;
  std::size_t extended = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    const std::size_t cost = septet::gsm7::septets(cp);
    basic += cost == 1 ? 1 : 0;
    extended += cost == 2 ? 1 : 0;
  }
  EXPECT_EQ(basic, 127U);
  EXPECT_EQ(extended, 10U);
}

TEST(gsm7_test, look_alikes_and_controls_are_not_gsm) {
  constexpr char32_t not_gsm[] = {
      U'\u00E7' /* small c cedilla */,
      U'`',
      U'\u00A0' /* NBSP */,
      U'\t',
      U'\x1B',
      U'\u2018',
      U'\u2019',
      U'\u201C',
      U'\u201D',
      U'\0',
      U'\u0391' /* Greek capital alpha */,
      U'\u00E1' /* a acute */,
      U'\u20AD',
      U'\U0001F600',
  };
  for (const char32_t cp : not_gsm) {
    SCOPED_TRACE(::testing::Message() << "U+" << std::hex << static_cast<unsigned>(cp));
    EXPECT_FALSE(septet::gsm7::is_gsm7(cp));
    EXPECT_EQ(septet::gsm7::septets(cp), 0U);
  }
  EXPECT_EQ(septet::gsm7::lookup(U'\u00C7')->septet, 0x09);
}

TEST(gsm7_test, odd_escapes_decode_per_23038) {
  // ESC ESC shows a space; ESC + a code absent from the extension table shows the default
  // alphabet character; a lone escape septet shows a space.
  EXPECT_EQ(septet::gsm7::escaped_character(0x1B), U' ');
  EXPECT_EQ(septet::gsm7::escaped_character(0x41), U'A');
  EXPECT_EQ(septet::gsm7::escaped_character(0x00), U'@');
  EXPECT_EQ(septet::gsm7::escaped_character(0x09), U'\u00C7');
  EXPECT_EQ(septet::gsm7::character(0x1B), U' ');
}

}  // namespace

// National language tables in use: every table's cells round-trip through lookup, encode and
// decode; analysis, segmentation and the wire format honour the tables and the UDH they add;
// and choose_national_tables picks the pair that sends the fewest parts.
#include <gtest/gtest.h>

#include <septet/septet.hpp>
#include <string>

#include "test_text.hpp"

namespace {

using septet::national_language;
using septet::national_tables;

TEST(National, EveryCellRoundTrips) {
  for (std::size_t i = 1; i < 14; ++i) {
    const auto language = static_cast<national_language>(i);
    for (const bool locking : {true, false}) {
      const auto* table = locking ? septet::detail::locking_table(language)
                                  : septet::detail::single_shift_table(language);
      if (table == nullptr) {
        continue;
      }
      const national_tables tables = locking ? national_tables{language, national_language::none}
                                             : national_tables{national_language::none, language};
      for (std::size_t s = 0; s < 128; ++s) {
        const char32_t cp = (*table)[s];
        if (cp == 0) {
          continue;
        }
        SCOPED_TRACE(std::string(septet::to_string(language)) +
                     (locking ? " locking " : " single ") + std::to_string(s));
        const auto found = septet::gsm7::lookup(cp, tables);
        ASSERT_TRUE(found);
        // A character also in the alphabet is sent from there (one septet, no escape).
        if (!locking && found->extension == false) {
          continue;
        }
        EXPECT_EQ(found->extension, !locking);
        // Duplicated cells (the Indic single-shift '*' and '¡') encode as the first one.
        EXPECT_EQ((*table)[found->septet], cp);
        EXPECT_LE(found->septet, s);
        const std::uint8_t septets[2] = {septet::gsm7::escape, found->septet};
        const auto sent = locking ? std::span<const std::uint8_t>(septets + 1, 1)
                                  : std::span<const std::uint8_t>(septets, 2);
        std::array<char, 8> text{};
        const auto decoded = septet::gsm7::decode(sent, std::span{text}, tables);
        ASSERT_TRUE(decoded.ok());
        EXPECT_EQ(std::string(text.data(), decoded.count), septet_test::utf8_of(cp));
      }
    }
  }
}

TEST(National, TurkishCharactersCostLessWithTheirTables) {
  // ş and ğ are in neither default table; Turkish has them in both of its tables.
  const std::string text = "Başarılı doğru";
  EXPECT_EQ(septet::analyze(text).encoding, septet::encoding::ucs2);
  septet::options opts;
  opts.national = {national_language::turkish, national_language::none};
  const auto locking = septet::analyze(text, opts);
  EXPECT_EQ(locking.encoding, septet::encoding::gsm7);
  EXPECT_EQ(locking.units, 14U);  // ş ı ı ğ are all in the Turkish locking table: 1 each
  // One 3-octet IE plus the UDHL: 4 octets, (140 - 4) * 8 / 7 = 155 septets in one part.
  EXPECT_EQ(locking.capacity, (septet::capacity{155, 149}));
  opts.national = {national_language::none, national_language::turkish};
  const auto single = septet::analyze(text, opts);
  EXPECT_EQ(single.encoding, septet::encoding::gsm7);
  EXPECT_EQ(single.units, 18U);  // each of the four costs ESC + septet
  opts.national = {national_language::turkish, national_language::turkish};
  EXPECT_EQ(septet::analyze(text, opts).capacity, (septet::capacity{152, 146}));
}

TEST(National, InvalidTablesAreRefused) {
  septet::options opts;
  opts.national = {national_language::spanish, national_language::none};  // no Spanish locking
  EXPECT_EQ(septet::analyze("hola", opts).status.ec, septet::errc::invalid_option);
  opts.national = {static_cast<national_language>(42), national_language::none};
  EXPECT_EQ(septet::analyze("hola", opts).status.ec, septet::errc::invalid_option);
}

TEST(National, ChoosesTheBestPair) {
  const auto three_times = [](const std::string& line) { return line + " " + line + " " + line; };
  const auto check = [](const std::string& text, national_language language,
                        national_tables expected, std::size_t default_parts,
                        std::size_t chosen_parts) {
    SCOPED_TRACE(text);
    const std::array<national_language, 1> allowed = {language};
    const auto plain = septet::analyze(text);
    EXPECT_EQ(plain.encoding, septet::encoding::ucs2);
    EXPECT_EQ(plain.parts, default_parts);
    const auto choice = septet::choose_national_tables(text, allowed);
    EXPECT_EQ(choice.tables, expected);
    EXPECT_EQ(choice.result.encoding, septet::encoding::gsm7);
    EXPECT_EQ(choice.result.parts, chosen_parts);
    septet::options opts;
    opts.national = expected;
    EXPECT_EQ(septet::analyze(text, opts).units, choice.result.units);
  };
  // Turkish, 185 characters: 3 UCS-2 parts. Every pair needs 2 GSM parts; the locking table
  // alone leaves the most room (2 x 149 - 185 = 113; single shift: 92, both: 107).
  check(three_times("Çiçekler şimdi %50 indirimli! Kaçırmayın, mağazada görüşelüm."),
        national_language::turkish, {national_language::turkish, national_language::none}, 3, 2);
  // Spanish, 179 characters: á í ó ú are in its single-shift table (there is no Spanish
  // locking table): 194 septets, 2 parts.
  check(three_times("¿Qué tal? La acción más rápida del día: última oportunidad."),
        national_language::spanish, {national_language::none, national_language::spanish}, 3, 2);
  // Portuguese, 176 characters: the locking table holds ç ã õ ê á, one septet each.
  check(three_times("Atenção: promoção válida até amanhã. Você ganhou um cupão!"),
        national_language::portuguese, {national_language::portuguese, national_language::none}, 3,
        2);
  const std::array<national_language, 1> turkish = {national_language::turkish};
  septet::national_choice choice;

  // Plain GSM text needs no tables: the default wins the tie (no UDH to pay for).
  choice = septet::choose_national_tables("Hello there", septet::all_national_languages);
  EXPECT_EQ(choice.tables, national_tables{});
  // Nothing helps emoji: UCS-2 with the default tables.
  choice = septet::choose_national_tables("ş 🎉", turkish);
  EXPECT_EQ(choice.tables, national_tables{});
  EXPECT_EQ(choice.result.encoding, septet::encoding::ucs2);
}

TEST(National, ThePickIsTheBestOfEveryAllowedPair) {
  // Brute force over every pair of one language's tables on random Turkish-flavoured texts.
  const std::string alphabet[] = {"a", "b", " ", "ş", "ğ", "ı", "ç", "[", "€", "Ç", "İ", "e"};
  std::uint32_t seed = 7;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>((seed = seed * 1103515245U + 12345U) >> 16U) % 400;
    for (int i = 0; i < length; ++i) {
      seed = seed * 1103515245U + 12345U;
      text += alphabet[(seed >> 16U) % std::size(alphabet)];
    }
    const std::array<national_language, 1> turkish = {national_language::turkish};
    const auto choice = septet::choose_national_tables(text, turkish);
    for (const auto locking : {national_language::none, national_language::turkish}) {
      for (const auto single : {national_language::none, national_language::turkish}) {
        septet::options opts;
        opts.national = {locking, single};
        const auto a = septet::analyze(text, opts);
        ASSERT_LE(choice.result.parts, a.parts) << text;
      }
    }
  }
}

// The choice prices pairs from per-table counts and analyses only those that could win; on
// mixed texts it must pick exactly what analysing every pair of every language would (ties:
// fewer tables, then the lower language numbers, locking first).
TEST(National, PricingPairsFromCountsChangesNoChoice) {
  const std::string alphabet[] = {"a",
                                  " ",
                                  "\xC5\x9F" /* ş */,
                                  "\xC3\xA7" /* ç */,
                                  "\xE2\x82\xAC" /* € */,
                                  "\xE0\xA6\x95" /* Bengali ka */,
                                  "\xE0\xA5\xA4" /* danda */,
                                  "\xE0\xA4\x95" /* Hindi ka */,
                                  "\xD0\x96" /* Zhe */,
                                  "\xF0\x9F\x8E\x89" /* emoji */,
                                  "\xC3\xA1" /* á */,
                                  "\xC3\xB5" /* õ */,
                                  "%"};
  std::uint32_t seed = 11;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>((seed = seed * 1103515245U + 12345U) >> 16U) % 300;
    // Mostly two flavours, so that some texts stay GSM under some pair.
    const auto flavour = (seed >> 8U) % std::size(alphabet);
    const auto second = (seed >> 4U) % std::size(alphabet);
    for (int i = 0; i < length; ++i) {
      seed = seed * 1103515245U + 12345U;
      const auto pick = (seed >> 16U) % (3 * std::size(alphabet));
      text += alphabet[pick < std::size(alphabet) ? pick
                       : pick % 3 == 0            ? 0
                       : pick % 3 == 1            ? flavour
                                                  : second];
    }
    septet::national_choice every{{}, septet::analyze(text)};
    for (std::size_t l = 0; l < 14; ++l) {
      for (std::size_t s = 0; s < 14; ++s) {
        const national_tables tables{static_cast<national_language>(l),
                                     static_cast<national_language>(s)};
        if ((l != 0 && !septet::has_locking_table(tables.locking)) ||
            (s != 0 && !septet::has_single_shift_table(tables.single_shift))) {
          continue;
        }
        septet::options opts;
        opts.national = tables;
        const auto a = septet::analyze(text, opts);
        const bool tie = !septet::detail::sends_better(every.result, a);
        if (septet::detail::sends_better(a, every.result) ||
            (tie && septet::detail::tie_rank(tables) < septet::detail::tie_rank(every.tables))) {
          every = {tables, a};
        }
      }
    }
    const auto choice = septet::choose_national_tables(text, septet::all_national_languages);
    ASSERT_EQ(choice.tables.locking, every.tables.locking) << text;
    ASSERT_EQ(choice.tables.single_shift, every.tables.single_shift) << text;
    ASSERT_EQ(choice.result.parts, every.result.parts) << text;
  }
}

TEST(National, BengaliWithDandasGoesAsOneGsmPart) {
  // No Bengali table holds the danda (U+0964), the end of almost every Bengali sentence, nor
  // '%'; the Gujarati single-shift table (the first by number of those that do) has both.
  const std::string text =
      "আজই কিনুন। সব পণ্যে 50% ছাড়। অফার সীমিত সময়ের জন্য, এখনই দোকানে আসুন এবং উপহার নিন।";
  const auto plain = septet::analyze(text);
  EXPECT_EQ(plain.encoding, septet::encoding::ucs2);
  EXPECT_EQ(plain.parts, 2U);
  const std::array<national_language, 1> bengali = {national_language::bengali};
  EXPECT_EQ(septet::choose_national_tables(text, bengali).result.encoding, septet::encoding::ucs2);
  const auto choice = septet::choose_national_tables(text, septet::all_national_languages);
  EXPECT_EQ(choice.tables,
            (national_tables{national_language::bengali, national_language::gujarati}));
  EXPECT_EQ(septet::to_string(choice.tables.locking), "bn");
  EXPECT_EQ(septet::to_string(choice.tables.single_shift), "gu");
  EXPECT_EQ(choice.result.encoding, septet::encoding::gsm7);
  EXPECT_EQ(choice.result.parts, 1U);
  EXPECT_EQ(choice.result.units, choice.result.characters + 4);  // 3 dandas and '%' escaped
}

TEST(National, TurkishAndPortugueseLettersTakeAMixedPair) {
  // ş İ ı are only in Turkish tables, ã õ ê only in Portuguese ones: no one language's pair
  // holds the text, the Turkish locking table with the Portuguese single-shift table does.
  const std::string text =
      "Sevgili müşterimiz, İstanbul şubemizde promoção especial: você ganha um cupão de 50% até "
      "amanhã! Çok teşekkürler.";
  const std::array<national_language, 2> allowed = {national_language::turkish,
                                                    national_language::portuguese};
  const auto choice = septet::choose_national_tables(text, allowed);
  EXPECT_EQ(choice.tables,
            (national_tables{national_language::turkish, national_language::portuguese}));
  EXPECT_EQ(choice.result.encoding, septet::encoding::gsm7);
  EXPECT_EQ(choice.result.parts, 1U);
  EXPECT_EQ(septet::analyze(text).parts, 2U);
}

TEST(National, MixedPairsRoundTripThroughTheWire) {
  // Each IE carries its own language; the receiver reads them separately.
  const std::pair<std::string, national_tables> cases[] = {
      {"আজই কিনুন। সব পণ্যে 50% ছাড়। অফার সীমিত সময়ের জন্য। ",
       {national_language::bengali, national_language::gujarati}},
      {"İstanbul şubemizde promoção: você ganha um cupão até amanhã! ",
       {national_language::turkish, national_language::portuguese}},
      {"नमस्ते, promoção amanhã! ", {national_language::hindi, national_language::portuguese}},
  };
  for (const auto& [line, tables] : cases) {
    std::string text;
    for (int i = 0; i < 6; ++i) {
      text += line;  // several parts
    }
    SCOPED_TRACE(text);
    septet::encode_options enc;
    enc.text.national = tables;
    enc.text.max_characters = 0;
    enc.reference = 0x17;
    ASSERT_EQ(septet::analyze(text, enc.text).encoding, septet::encoding::gsm7);
    const auto parts = septet::encode_parts(text, enc);
    ASSERT_TRUE(parts.ok()) << septet::to_string(parts.error().ec);
    ASSERT_GT(parts->size(), 1U);
    // UDHL 11: concatenation, then locking shift and single shift, each with its language.
    const auto udh = parts.value()[0].udh();
    ASSERT_EQ(udh.size(), 12U);
    EXPECT_EQ(udh[6], 0x25);
    EXPECT_EQ(udh[8], static_cast<std::uint8_t>(tables.locking));
    EXPECT_EQ(udh[9], 0x24);
    EXPECT_EQ(udh[11], static_cast<std::uint8_t>(tables.single_shift));
    const auto back = septet::reassemble(septet_test::received(parts.value()));
    ASSERT_TRUE(back.ok()) << septet::to_string(back.error().ec);
    EXPECT_EQ(back.value(), text);
  }
}

TEST(National, SegmentsAndWireFormatCarryTheTables) {
  // 200 'ş': GSM only with Turkish tables; the locking table makes them one septet each.
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "ş";
  }
  septet::encode_options enc;
  enc.text.national = {national_language::turkish, national_language::none};
  enc.reference = 0x42;
  const auto parts = septet::encode_parts(text, enc);
  ASSERT_TRUE(parts.ok()) << septet::to_string(parts.error().ec);
  ASSERT_EQ(parts->size(), 2U);  // 149 + 51
  const auto& first = parts.value()[0];
  // UDH: UDHL 8, concatenation (00 03 42 02 01), locking shift (25 01 01).
  const std::array<std::uint8_t, 9> udh = {8, 0x00, 3, 0x42, 2, 1, 0x25, 1, 1};
  ASSERT_EQ(first.udh_size, udh.size());
  EXPECT_TRUE(std::equal(udh.begin(), udh.end(), first.udh().begin()));
  EXPECT_EQ(first.text.units, 149U);
  EXPECT_LE(first.size, 140U);
  // And back: the receiver reads the tables from the UDH.
  const auto back = septet::reassemble(septet_test::received(parts.value()));
  ASSERT_TRUE(back.ok()) << septet::to_string(back.error().ec);
  EXPECT_EQ(back.value(), text);
  // A single part still needs the IE: UDHL 3, locking shift, and the UDHI bit.
  const auto one = septet::encode_parts(std::string("ş") + "ey", enc);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1U);
  EXPECT_EQ(one.value()[0].udh_size, 4U);
  EXPECT_EQ(one.value()[0].esm_class, septet::esm_class_udhi);
}

TEST(National, IndicTextRoundTripsPacked) {
  // Devanagari is 3 UTF-8 bytes per character and one septet in the Hindi locking table: the
  // decoded text is larger than three bytes per octet of packed user data.
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += "\u0928\u092E\u0938";  // नमस: one septet each in the Hindi locking table
  }
  const national_tables tables{national_language::hindi, national_language::none};
  septet::options opts;
  opts.national = tables;
  opts.max_characters = 0;
  ASSERT_EQ(septet::analyze(text, opts).encoding, septet::encoding::gsm7);
  septet::encode_options enc;
  enc.text = opts;
  const auto parts = septet::encode_parts(text, enc);
  ASSERT_TRUE(parts.ok()) << septet::to_string(parts.error().ec);
  const auto back = septet::reassemble(septet_test::received(parts.value()));
  ASSERT_TRUE(back.ok()) << septet::to_string(back.error().ec);
  EXPECT_EQ(back.value(), text);
}

TEST(National, ConstantEvaluation) {
  constexpr auto turkish = [] {
    septet::options opts;
    opts.national = {national_language::turkish, national_language::turkish};
    return septet::analyze(std::string_view("şeker"), opts);
  }();
  static_assert(turkish.encoding == septet::encoding::gsm7);
  static_assert(turkish.units == 5);
  static_assert(septet::gsm7::lookup(
                    U'\u011F', national_tables{national_language::turkish, national_language::none})
                    ->septet == 0x0C);
}

}  // namespace

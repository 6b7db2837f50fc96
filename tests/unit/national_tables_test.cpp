#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <map>
#include <septet/detail/national_tables.hpp>
#include <set>
#include <string>
#include <vector>

// Spot checks of the TS 23.038 Annex A national language tables.
//
// The expected cells come from CyberChef's transcription of the 3GPP TS 23.038 V16.0.0 tables
// (gchq/CyberChef, src/core/lib/Gsm7.mjs), a source independent of the ones the header was
// transcribed from (the gsmcodecs V18.0.0 look-up tables, checked against Android's GsmAlphabet).
// A few CyberChef cells are its own typos (Tamil/Telugu locking 0x11, Oriya single 0x20, Telugu
// single 0x1C, Portuguese single 0x05) and Kannada locking 0x24 repeats a typo of the spec text;
// those cells are not used as spot checks, and the cells the sources disagree on are pinned in
// `disputed_cells` below with the reason for the value chosen.
namespace {

namespace detail = septet::detail;
using septet::national_language;

constexpr char32_t undefined = 0;

TEST(national_tables_test, turkish_locking_spot_checks) {
  EXPECT_EQ(detail::turkish_locking[0x00], U'@');
  EXPECT_EQ(detail::turkish_locking[0x04], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::turkish_locking[0x07], U'\u0131');  // latin small letter dotless i
  EXPECT_EQ(detail::turkish_locking[0x0B], U'\u011E');  // latin capital letter g with breve
  EXPECT_EQ(detail::turkish_locking[0x0C], U'\u011F');  // latin small letter g with breve
  EXPECT_EQ(detail::turkish_locking[0x0D], U'\r');
  EXPECT_EQ(detail::turkish_locking[0x16], U'\u03A0');  // greek capital letter pi
  EXPECT_EQ(detail::turkish_locking[0x1C], U'\u015E');  // latin capital letter s with cedilla
  EXPECT_EQ(detail::turkish_locking[0x1D], U'\u015F');  // latin small letter s with cedilla
  EXPECT_EQ(detail::turkish_locking[0x22], U'"');
  EXPECT_EQ(detail::turkish_locking[0x2B], U'+');
  EXPECT_EQ(detail::turkish_locking[0x34], U'4');
  EXPECT_EQ(detail::turkish_locking[0x3D], U'=');
  EXPECT_EQ(detail::turkish_locking[0x40], U'\u0130');  // latin capital letter i with dot above
  EXPECT_EQ(detail::turkish_locking[0x48], U'H');
  EXPECT_EQ(detail::turkish_locking[0x51], U'Q');
  EXPECT_EQ(detail::turkish_locking[0x5A], U'Z');
  EXPECT_EQ(detail::turkish_locking[0x60], U'\u00E7');  // latin small letter c with cedilla
  EXPECT_EQ(detail::turkish_locking[0x64], U'd');
  EXPECT_EQ(detail::turkish_locking[0x6D], U'm');
  EXPECT_EQ(detail::turkish_locking[0x76], U'v');
  EXPECT_EQ(detail::turkish_locking[0x7F], U'\u00E0');  // latin small letter a with grave
}

TEST(national_tables_test, turkish_single_spot_checks) {
  EXPECT_EQ(detail::turkish_single[0x00], undefined);
  EXPECT_EQ(detail::turkish_single[0x0A], U'\f');
  EXPECT_EQ(detail::turkish_single[0x14], U'^');
  EXPECT_EQ(detail::turkish_single[0x28], U'{');
  EXPECT_EQ(detail::turkish_single[0x29], U'}');
  EXPECT_EQ(detail::turkish_single[0x2F], U'\\');
  EXPECT_EQ(detail::turkish_single[0x3C], U'[');
  EXPECT_EQ(detail::turkish_single[0x3D], U'~');
  EXPECT_EQ(detail::turkish_single[0x3E], U']');
  EXPECT_EQ(detail::turkish_single[0x3F], undefined);
  EXPECT_EQ(detail::turkish_single[0x40], U'|');
  EXPECT_EQ(detail::turkish_single[0x47], U'\u011E');  // latin capital letter g with breve
  EXPECT_EQ(detail::turkish_single[0x49], U'\u0130');  // latin capital letter i with dot above
  EXPECT_EQ(detail::turkish_single[0x53], U'\u015E');  // latin capital letter s with cedilla
  EXPECT_EQ(detail::turkish_single[0x63], U'\u00E7');  // latin small letter c with cedilla
  EXPECT_EQ(detail::turkish_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::turkish_single[0x67], U'\u011F');  // latin small letter g with breve
  EXPECT_EQ(detail::turkish_single[0x69], U'\u0131');  // latin small letter dotless i
  EXPECT_EQ(detail::turkish_single[0x73], U'\u015F');  // latin small letter s with cedilla
  EXPECT_EQ(detail::turkish_single[0x7F], undefined);
}

TEST(national_tables_test, spanish_single_spot_checks) {
  EXPECT_EQ(detail::spanish_single[0x00], undefined);
  EXPECT_EQ(detail::spanish_single[0x09], U'\u00E7');  // latin small letter c with cedilla
  EXPECT_EQ(detail::spanish_single[0x0A], U'\f');
  EXPECT_EQ(detail::spanish_single[0x14], U'^');
  EXPECT_EQ(detail::spanish_single[0x28], U'{');
  EXPECT_EQ(detail::spanish_single[0x29], U'}');
  EXPECT_EQ(detail::spanish_single[0x2F], U'\\');
  EXPECT_EQ(detail::spanish_single[0x3C], U'[');
  EXPECT_EQ(detail::spanish_single[0x3D], U'~');
  EXPECT_EQ(detail::spanish_single[0x3E], U']');
  EXPECT_EQ(detail::spanish_single[0x40], U'|');
  EXPECT_EQ(detail::spanish_single[0x41], U'\u00C1');  // latin capital letter a with acute
  EXPECT_EQ(detail::spanish_single[0x42], undefined);
  EXPECT_EQ(detail::spanish_single[0x49], U'\u00CD');  // latin capital letter i with acute
  EXPECT_EQ(detail::spanish_single[0x4F], U'\u00D3');  // latin capital letter o with acute
  EXPECT_EQ(detail::spanish_single[0x55], U'\u00DA');  // latin capital letter u with acute
  EXPECT_EQ(detail::spanish_single[0x61], U'\u00E1');  // latin small letter a with acute
  EXPECT_EQ(detail::spanish_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::spanish_single[0x69], U'\u00ED');  // latin small letter i with acute
  EXPECT_EQ(detail::spanish_single[0x6F], U'\u00F3');  // latin small letter o with acute
  EXPECT_EQ(detail::spanish_single[0x75], U'\u00FA');  // latin small letter u with acute
  EXPECT_EQ(detail::spanish_single[0x7F], undefined);
}

TEST(national_tables_test, portuguese_locking_spot_checks) {
  EXPECT_EQ(detail::portuguese_locking[0x00], U'@');
  EXPECT_EQ(detail::portuguese_locking[0x04], U'\u00EA');  // latin small letter e with circumflex
  EXPECT_EQ(detail::portuguese_locking[0x07], U'\u00ED');  // latin small letter i with acute
  EXPECT_EQ(detail::portuguese_locking[0x08], U'\u00F3');  // latin small letter o with acute
  EXPECT_EQ(detail::portuguese_locking[0x0B], U'\u00D4');  // latin capital letter o with circumflex
  EXPECT_EQ(detail::portuguese_locking[0x0C], U'\u00F4');  // latin small letter o with circumflex
  EXPECT_EQ(detail::portuguese_locking[0x0F], U'\u00E1');  // latin small letter a with acute
  EXPECT_EQ(detail::portuguese_locking[0x12], U'\u00AA');  // feminine ordinal indicator
  EXPECT_EQ(detail::portuguese_locking[0x14], U'\u00C0');  // latin capital letter a with grave
  EXPECT_EQ(detail::portuguese_locking[0x15], U'\u221E');  // infinity
  EXPECT_EQ(detail::portuguese_locking[0x17], U'\\');
  EXPECT_EQ(detail::portuguese_locking[0x18], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::portuguese_locking[0x1A], U'|');
  EXPECT_EQ(detail::portuguese_locking[0x1C], U'\u00C2');  // latin capital letter a with circumflex
  EXPECT_EQ(detail::portuguese_locking[0x1E], U'\u00CA');  // latin capital letter e with circumflex
  EXPECT_EQ(detail::portuguese_locking[0x24], U'\u00BA');  // masculine ordinal indicator
  EXPECT_EQ(detail::portuguese_locking[0x5B], U'\u00C3');  // latin capital letter a with tilde
  EXPECT_EQ(detail::portuguese_locking[0x5C], U'\u00D5');  // latin capital letter o with tilde
  EXPECT_EQ(detail::portuguese_locking[0x60], U'~');
  EXPECT_EQ(detail::portuguese_locking[0x7B], U'\u00E3');  // latin small letter a with tilde
  EXPECT_EQ(detail::portuguese_locking[0x7D], U'`');
  EXPECT_EQ(detail::portuguese_locking[0x7F], U'\u00E0');  // latin small letter a with grave
}

TEST(national_tables_test, portuguese_single_spot_checks) {
  EXPECT_EQ(detail::portuguese_single[0x00], undefined);
  EXPECT_EQ(detail::portuguese_single[0x09], U'\u00E7');  // latin small letter c with cedilla
  EXPECT_EQ(detail::portuguese_single[0x0A], U'\f');
  EXPECT_EQ(detail::portuguese_single[0x0B], U'\u00D4');  // latin capital letter o with circumflex
  EXPECT_EQ(detail::portuguese_single[0x0E], U'\u00C1');  // latin capital letter a with acute
  EXPECT_EQ(detail::portuguese_single[0x0F], U'\u00E1');  // latin small letter a with acute
  EXPECT_EQ(detail::portuguese_single[0x12], U'\u03A6');  // greek capital letter phi
  EXPECT_EQ(detail::portuguese_single[0x15], U'\u03A9');  // greek capital letter omega
  EXPECT_EQ(detail::portuguese_single[0x16], U'\u03A0');  // greek capital letter pi
  EXPECT_EQ(detail::portuguese_single[0x17], U'\u03A8');  // greek capital letter psi
  EXPECT_EQ(detail::portuguese_single[0x19], U'\u0398');  // greek capital letter theta
  EXPECT_EQ(detail::portuguese_single[0x1F], U'\u00CA');  // latin capital letter e with circumflex
  EXPECT_EQ(detail::portuguese_single[0x41], U'\u00C0');  // latin capital letter a with grave
  EXPECT_EQ(detail::portuguese_single[0x45], undefined);
  EXPECT_EQ(detail::portuguese_single[0x49], U'\u00CD');  // latin capital letter i with acute
  EXPECT_EQ(detail::portuguese_single[0x55], U'\u00DA');  // latin capital letter u with acute
  EXPECT_EQ(detail::portuguese_single[0x5B], U'\u00C3');  // latin capital letter a with tilde
  EXPECT_EQ(detail::portuguese_single[0x5C], U'\u00D5');  // latin capital letter o with tilde
  EXPECT_EQ(detail::portuguese_single[0x69], U'\u00ED');  // latin small letter i with acute
  EXPECT_EQ(detail::portuguese_single[0x6F], U'\u00F3');  // latin small letter o with acute
  EXPECT_EQ(detail::portuguese_single[0x75], U'\u00FA');  // latin small letter u with acute
  EXPECT_EQ(detail::portuguese_single[0x7B], U'\u00E3');  // latin small letter a with tilde
  EXPECT_EQ(detail::portuguese_single[0x7C], U'\u00F5');  // latin small letter o with tilde
  EXPECT_EQ(detail::portuguese_single[0x7E], undefined);
  EXPECT_EQ(detail::portuguese_single[0x7F], U'\u00E2');  // latin small letter a with circumflex
}

TEST(national_tables_test, bengali_locking_spot_checks) {
  EXPECT_EQ(detail::bengali_locking[0x00], U'\u0981');  // bengali sign candrabindu
  EXPECT_EQ(detail::bengali_locking[0x01], U'\u0982');  // bengali sign anusvara
  EXPECT_EQ(detail::bengali_locking[0x04], U'\u0986');  // bengali letter aa
  EXPECT_EQ(detail::bengali_locking[0x07], U'\u0989');  // bengali letter u
  EXPECT_EQ(detail::bengali_locking[0x0C], undefined);
  EXPECT_EQ(detail::bengali_locking[0x0F], U'\u098F');  // bengali letter e
  EXPECT_EQ(detail::bengali_locking[0x14], U'\u0994');  // bengali letter au
  EXPECT_EQ(detail::bengali_locking[0x18], U'\u0998');  // bengali letter gha
  EXPECT_EQ(detail::bengali_locking[0x1C], U'\u099B');  // bengali letter cha
  EXPECT_EQ(detail::bengali_locking[0x22], U'\u099F');  // bengali letter tta
  EXPECT_EQ(detail::bengali_locking[0x26], U'\u09A3');  // bengali letter nna
  EXPECT_EQ(detail::bengali_locking[0x29], U'(');
  EXPECT_EQ(detail::bengali_locking[0x2F], U'\u09A8');  // bengali letter na
  EXPECT_EQ(detail::bengali_locking[0x40], U'\u09AC');  // bengali letter ba
  EXPECT_EQ(detail::bengali_locking[0x44], U'\u09B0');  // bengali letter ra
  EXPECT_EQ(detail::bengali_locking[0x47], undefined);
  EXPECT_EQ(detail::bengali_locking[0x4C], U'\u09B8');  // bengali letter sa
  EXPECT_EQ(detail::bengali_locking[0x4F], U'\u09BD');  // bengali sign avagraha
  EXPECT_EQ(detail::bengali_locking[0x53], U'\u09C1');  // bengali vowel sign u
  EXPECT_EQ(detail::bengali_locking[0x56], U'\u09C4');  // bengali vowel sign vocalic rr
  EXPECT_EQ(detail::bengali_locking[0x5C], undefined);
  EXPECT_EQ(detail::bengali_locking[0x5E], U'\u09CC');  // bengali vowel sign au
  EXPECT_EQ(detail::bengali_locking[0x7B], U'\u09D7');  // bengali au length mark
  EXPECT_EQ(detail::bengali_locking[0x7E], U'\u09F0');  // bengali letter ra with middle diagonal
  EXPECT_EQ(detail::bengali_locking[0x7F], U'\u09F1');  // bengali letter ra with lower diagonal
}

TEST(national_tables_test, bengali_single_spot_checks) {
  EXPECT_EQ(detail::bengali_single[0x00], U'@');
  EXPECT_EQ(detail::bengali_single[0x01], U'\u00A3');  // pound sign
  EXPECT_EQ(detail::bengali_single[0x04], U'\u00BF');  // inverted question mark
  EXPECT_EQ(detail::bengali_single[0x07], U'%');
  EXPECT_EQ(detail::bengali_single[0x0C], U'+');
  EXPECT_EQ(detail::bengali_single[0x0D], undefined);
  EXPECT_EQ(detail::bengali_single[0x11], U'=');
  EXPECT_EQ(detail::bengali_single[0x16], U'_');
  EXPECT_EQ(detail::bengali_single[0x19], U'\u09E6');  // bengali digit zero
  EXPECT_EQ(detail::bengali_single[0x1E], U'\u09EA');  // bengali digit four
  EXPECT_EQ(detail::bengali_single[0x22], U'\u09EE');  // bengali digit eight
  EXPECT_EQ(detail::bengali_single[0x26], U'\u09E1');  // bengali letter vocalic ll
  EXPECT_EQ(detail::bengali_single[0x2B], U'\u09F2');  // bengali rupee mark
  EXPECT_EQ(detail::bengali_single[0x30], U'\u09F6');  // bengali currency numerator three
  EXPECT_EQ(detail::bengali_single[0x34], U'\u09FA');  // bengali isshar
  EXPECT_EQ(detail::bengali_single[0x44], U'D');
  EXPECT_EQ(detail::bengali_single[0x47], U'G');
  EXPECT_EQ(detail::bengali_single[0x4B], U'K');
  EXPECT_EQ(detail::bengali_single[0x4F], U'O');
  EXPECT_EQ(detail::bengali_single[0x53], U'S');
  EXPECT_EQ(detail::bengali_single[0x56], U'V');
  EXPECT_EQ(detail::bengali_single[0x5A], U'Z');
  EXPECT_EQ(detail::bengali_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::bengali_single[0x69], undefined);
  EXPECT_EQ(detail::bengali_single[0x7F], undefined);
}

TEST(national_tables_test, gujarati_locking_spot_checks) {
  EXPECT_EQ(detail::gujarati_locking[0x00], U'\u0A81');  // gujarati sign candrabindu
  EXPECT_EQ(detail::gujarati_locking[0x01], U'\u0A82');  // gujarati sign anusvara
  EXPECT_EQ(detail::gujarati_locking[0x04], U'\u0A86');  // gujarati letter aa
  EXPECT_EQ(detail::gujarati_locking[0x08], U'\u0A8A');  // gujarati letter uu
  EXPECT_EQ(detail::gujarati_locking[0x0E], undefined);
  EXPECT_EQ(detail::gujarati_locking[0x0F], U'\u0A8F');  // gujarati letter e
  EXPECT_EQ(detail::gujarati_locking[0x14], U'\u0A94');  // gujarati letter au
  EXPECT_EQ(detail::gujarati_locking[0x17], U'\u0A97');  // gujarati letter ga
  EXPECT_EQ(detail::gujarati_locking[0x1C], U'\u0A9B');  // gujarati letter cha
  EXPECT_EQ(detail::gujarati_locking[0x22], U'\u0A9F');  // gujarati letter tta
  EXPECT_EQ(detail::gujarati_locking[0x26], U'\u0AA3');  // gujarati letter nna
  EXPECT_EQ(detail::gujarati_locking[0x2A], U'\u0AA5');  // gujarati letter tha
  EXPECT_EQ(detail::gujarati_locking[0x3D], U'\u0AAA');  // gujarati letter pa
  EXPECT_EQ(detail::gujarati_locking[0x42], U'\u0AAE');  // gujarati letter ma
  EXPECT_EQ(detail::gujarati_locking[0x45], undefined);
  EXPECT_EQ(detail::gujarati_locking[0x47], U'\u0AB3');  // gujarati letter lla
  EXPECT_EQ(detail::gujarati_locking[0x4C], U'\u0AB8');  // gujarati letter sa
  EXPECT_EQ(detail::gujarati_locking[0x50], U'\u0ABE');  // gujarati vowel sign aa
  EXPECT_EQ(detail::gujarati_locking[0x53], U'\u0AC1');  // gujarati vowel sign u
  EXPECT_EQ(detail::gujarati_locking[0x57], U'\u0AC5');  // gujarati vowel sign candra e
  EXPECT_EQ(detail::gujarati_locking[0x5C], undefined);
  EXPECT_EQ(detail::gujarati_locking[0x5D], U'\u0ACB');  // gujarati vowel sign o
  EXPECT_EQ(detail::gujarati_locking[0x7B], U'\u0AE0');  // gujarati letter vocalic rr
  EXPECT_EQ(detail::gujarati_locking[0x7E], U'\u0AE3');  // gujarati vowel sign vocalic ll
  EXPECT_EQ(detail::gujarati_locking[0x7F], U'\u0AF1');  // gujarati rupee sign
}

TEST(national_tables_test, gujarati_single_spot_checks) {
  EXPECT_EQ(detail::gujarati_single[0x00], U'@');
  EXPECT_EQ(detail::gujarati_single[0x01], U'\u00A3');  // pound sign
  EXPECT_EQ(detail::gujarati_single[0x03], U'\u00A5');  // yen sign
  EXPECT_EQ(detail::gujarati_single[0x06], U'\u00A4');  // currency sign
  EXPECT_EQ(detail::gujarati_single[0x09], U'\'');
  EXPECT_EQ(detail::gujarati_single[0x0D], undefined);
  EXPECT_EQ(detail::gujarati_single[0x0E], U'-');
  EXPECT_EQ(detail::gujarati_single[0x12], U'>');
  EXPECT_EQ(detail::gujarati_single[0x16], U'_');
  EXPECT_EQ(detail::gujarati_single[0x19], U'\u0964');  // devanagari danda
  EXPECT_EQ(detail::gujarati_single[0x1D], U'\u0AE7');  // gujarati digit one
  EXPECT_EQ(detail::gujarati_single[0x20], U'\u0AEA');  // gujarati digit four
  EXPECT_EQ(detail::gujarati_single[0x23], U'\u0AED');  // gujarati digit seven
  EXPECT_EQ(detail::gujarati_single[0x41], U'A');
  EXPECT_EQ(detail::gujarati_single[0x44], U'D');
  EXPECT_EQ(detail::gujarati_single[0x47], U'G');
  EXPECT_EQ(detail::gujarati_single[0x4A], U'J');
  EXPECT_EQ(detail::gujarati_single[0x4E], U'N');
  EXPECT_EQ(detail::gujarati_single[0x51], U'Q');
  EXPECT_EQ(detail::gujarati_single[0x54], U'T');
  EXPECT_EQ(detail::gujarati_single[0x57], U'W');
  EXPECT_EQ(detail::gujarati_single[0x5A], U'Z');
  EXPECT_EQ(detail::gujarati_single[0x62], undefined);
  EXPECT_EQ(detail::gujarati_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::gujarati_single[0x7F], undefined);
}

TEST(national_tables_test, hindi_locking_spot_checks) {
  EXPECT_EQ(detail::hindi_locking[0x00], U'\u0901');  // devanagari sign candrabindu
  EXPECT_EQ(detail::hindi_locking[0x01], U'\u0902');  // devanagari sign anusvara
  EXPECT_EQ(detail::hindi_locking[0x04], U'\u0906');  // devanagari letter aa
  EXPECT_EQ(detail::hindi_locking[0x09], U'\u090B');  // devanagari letter vocalic r
  EXPECT_EQ(detail::hindi_locking[0x0F], U'\u090F');  // devanagari letter e
  EXPECT_EQ(detail::hindi_locking[0x13], U'\u0913');  // devanagari letter o
  EXPECT_EQ(detail::hindi_locking[0x17], U'\u0917');  // devanagari letter ga
  EXPECT_EQ(detail::hindi_locking[0x1D], U'\u091C');  // devanagari letter ja
  EXPECT_EQ(detail::hindi_locking[0x23], U'\u0920');  // devanagari letter ttha
  EXPECT_EQ(detail::hindi_locking[0x27], U'\u0924');  // devanagari letter ta
  EXPECT_EQ(detail::hindi_locking[0x2B], U'\u0926');  // devanagari letter da
  EXPECT_EQ(detail::hindi_locking[0x3E], U'\u092B');  // devanagari letter pha
  EXPECT_EQ(detail::hindi_locking[0x43], U'\u092F');  // devanagari letter ya
  EXPECT_EQ(detail::hindi_locking[0x47], U'\u0933');  // devanagari letter lla
  EXPECT_EQ(detail::hindi_locking[0x4B], U'\u0937');  // devanagari letter ssa
  EXPECT_EQ(detail::hindi_locking[0x50], U'\u093E');  // devanagari vowel sign aa
  EXPECT_EQ(detail::hindi_locking[0x54], U'\u0942');  // devanagari vowel sign uu
  EXPECT_EQ(detail::hindi_locking[0x58], U'\u0946');  // devanagari vowel sign short e
  EXPECT_EQ(detail::hindi_locking[0x5C], U'\u094A');  // devanagari vowel sign short o
  EXPECT_EQ(detail::hindi_locking[0x7B], U'\u0972');  // devanagari letter candra a
  EXPECT_EQ(detail::hindi_locking[0x7E], U'\u097E');  // devanagari letter ddda
  EXPECT_EQ(detail::hindi_locking[0x7F], U'\u097F');  // devanagari letter bba
}

TEST(national_tables_test, hindi_single_spot_checks) {
  EXPECT_EQ(detail::hindi_single[0x00], U'@');
  EXPECT_EQ(detail::hindi_single[0x01], U'\u00A3');  // pound sign
  EXPECT_EQ(detail::hindi_single[0x04], U'\u00BF');  // inverted question mark
  EXPECT_EQ(detail::hindi_single[0x08], U'&');
  EXPECT_EQ(detail::hindi_single[0x0D], undefined);
  EXPECT_EQ(detail::hindi_single[0x0E], U'-');
  EXPECT_EQ(detail::hindi_single[0x12], U'>');
  EXPECT_EQ(detail::hindi_single[0x17], U'#');
  EXPECT_EQ(detail::hindi_single[0x1C], U'\u0966');  // devanagari digit zero
  EXPECT_EQ(detail::hindi_single[0x20], U'\u096A');  // devanagari digit four
  EXPECT_EQ(detail::hindi_single[0x24], U'\u096E');  // devanagari digit eight
  EXPECT_EQ(detail::hindi_single[0x2A], U'\u0953');  // devanagari grave accent
  EXPECT_EQ(detail::hindi_single[0x30], U'\u095B');  // devanagari letter za
  EXPECT_EQ(detail::hindi_single[0x34], U'\u095F');  // devanagari letter yya
  EXPECT_EQ(detail::hindi_single[0x38], U'\u0963');  // devanagari vowel sign vocalic ll
  EXPECT_EQ(detail::hindi_single[0x42], U'B');
  EXPECT_EQ(detail::hindi_single[0x46], U'F');
  EXPECT_EQ(detail::hindi_single[0x4A], U'J');
  EXPECT_EQ(detail::hindi_single[0x4E], U'N');
  EXPECT_EQ(detail::hindi_single[0x52], U'R');
  EXPECT_EQ(detail::hindi_single[0x56], U'V');
  EXPECT_EQ(detail::hindi_single[0x5A], U'Z');
  EXPECT_EQ(detail::hindi_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::hindi_single[0x6C], undefined);
  EXPECT_EQ(detail::hindi_single[0x7F], undefined);
}

TEST(national_tables_test, kannada_locking_spot_checks) {
  EXPECT_EQ(detail::kannada_locking[0x00], undefined);
  EXPECT_EQ(detail::kannada_locking[0x01], U'\u0C82');  // kannada sign anusvara
  EXPECT_EQ(detail::kannada_locking[0x02], U'\u0C83');  // kannada sign visarga
  EXPECT_EQ(detail::kannada_locking[0x05], U'\u0C87');  // kannada letter i
  EXPECT_EQ(detail::kannada_locking[0x09], U'\u0C8B');  // kannada letter vocalic r
  EXPECT_EQ(detail::kannada_locking[0x10], U'\u0C90');  // kannada letter ai
  EXPECT_EQ(detail::kannada_locking[0x14], U'\u0C94');  // kannada letter au
  EXPECT_EQ(detail::kannada_locking[0x18], U'\u0C98');  // kannada letter gha
  EXPECT_EQ(detail::kannada_locking[0x1D], U'\u0C9C');  // kannada letter ja
  EXPECT_EQ(detail::kannada_locking[0x23], U'\u0CA0');  // kannada letter ttha
  EXPECT_EQ(detail::kannada_locking[0x28], U')');
  EXPECT_EQ(detail::kannada_locking[0x2D], U'\u0CA7');  // kannada letter dha
  EXPECT_EQ(detail::kannada_locking[0x3C], undefined);
  EXPECT_EQ(detail::kannada_locking[0x3E], U'\u0CAB');  // kannada letter pha
  EXPECT_EQ(detail::kannada_locking[0x43], U'\u0CAF');  // kannada letter ya
  EXPECT_EQ(detail::kannada_locking[0x47], U'\u0CB3');  // kannada letter lla
  EXPECT_EQ(detail::kannada_locking[0x4C], U'\u0CB8');  // kannada letter sa
  EXPECT_EQ(detail::kannada_locking[0x50], U'\u0CBE');  // kannada vowel sign aa
  EXPECT_EQ(detail::kannada_locking[0x54], U'\u0CC2');  // kannada vowel sign uu
  EXPECT_EQ(detail::kannada_locking[0x58], U'\u0CC6');  // kannada vowel sign e
  EXPECT_EQ(detail::kannada_locking[0x5B], undefined);
  EXPECT_EQ(detail::kannada_locking[0x5D], U'\u0CCB');  // kannada vowel sign oo
  EXPECT_EQ(detail::kannada_locking[0x7B], U'\u0CD6');  // kannada ai length mark
  EXPECT_EQ(detail::kannada_locking[0x7E], U'\u0CE2');  // kannada vowel sign vocalic l
  EXPECT_EQ(detail::kannada_locking[0x7F], U'\u0CE3');  // kannada vowel sign vocalic ll
}

TEST(national_tables_test, kannada_single_spot_checks) {
  EXPECT_EQ(detail::kannada_single[0x00], U'@');
  EXPECT_EQ(detail::kannada_single[0x01], U'\u00A3');  // pound sign
  EXPECT_EQ(detail::kannada_single[0x03], U'\u00A5');  // yen sign
  EXPECT_EQ(detail::kannada_single[0x07], U'%');
  EXPECT_EQ(detail::kannada_single[0x0B], U'*');
  EXPECT_EQ(detail::kannada_single[0x0D], undefined);
  EXPECT_EQ(detail::kannada_single[0x0F], U'/');
  EXPECT_EQ(detail::kannada_single[0x12], U'>');
  EXPECT_EQ(detail::kannada_single[0x17], U'#');
  EXPECT_EQ(detail::kannada_single[0x1A], U'\u0965');  // devanagari double danda
  EXPECT_EQ(detail::kannada_single[0x1E], U'\u0CE8');  // kannada digit two
  EXPECT_EQ(detail::kannada_single[0x21], U'\u0CEB');  // kannada digit five
  EXPECT_EQ(detail::kannada_single[0x25], U'\u0CEF');  // kannada digit nine
  EXPECT_EQ(detail::kannada_single[0x2A], U'\u0CF2');  // kannada sign upadhmaniya
  EXPECT_EQ(detail::kannada_single[0x43], U'C');
  EXPECT_EQ(detail::kannada_single[0x46], U'F');
  EXPECT_EQ(detail::kannada_single[0x4A], U'J');
  EXPECT_EQ(detail::kannada_single[0x4D], U'M');
  EXPECT_EQ(detail::kannada_single[0x50], U'P');
  EXPECT_EQ(detail::kannada_single[0x53], U'S');
  EXPECT_EQ(detail::kannada_single[0x57], U'W');
  EXPECT_EQ(detail::kannada_single[0x5A], U'Z');
  EXPECT_EQ(detail::kannada_single[0x63], undefined);
  EXPECT_EQ(detail::kannada_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::kannada_single[0x7F], undefined);
}

TEST(national_tables_test, malayalam_locking_spot_checks) {
  EXPECT_EQ(detail::malayalam_locking[0x00], undefined);
  EXPECT_EQ(detail::malayalam_locking[0x01], U'\u0D02');  // malayalam sign anusvara
  EXPECT_EQ(detail::malayalam_locking[0x02], U'\u0D03');  // malayalam sign visarga
  EXPECT_EQ(detail::malayalam_locking[0x05], U'\u0D07');  // malayalam letter i
  EXPECT_EQ(detail::malayalam_locking[0x09], U'\u0D0B');  // malayalam letter vocalic r
  EXPECT_EQ(detail::malayalam_locking[0x10], U'\u0D10');  // malayalam letter ai
  EXPECT_EQ(detail::malayalam_locking[0x15], U'\u0D15');  // malayalam letter ka
  EXPECT_EQ(detail::malayalam_locking[0x18], U'\u0D18');  // malayalam letter gha
  EXPECT_EQ(detail::malayalam_locking[0x1D], U'\u0D1C');  // malayalam letter ja
  EXPECT_EQ(detail::malayalam_locking[0x23], U'\u0D20');  // malayalam letter ttha
  EXPECT_EQ(detail::malayalam_locking[0x27], U'\u0D24');  // malayalam letter ta
  EXPECT_EQ(detail::malayalam_locking[0x2B], U'\u0D26');  // malayalam letter da
  EXPECT_EQ(detail::malayalam_locking[0x3C], undefined);
  EXPECT_EQ(detail::malayalam_locking[0x3E], U'\u0D2B');  // malayalam letter pha
  EXPECT_EQ(detail::malayalam_locking[0x43], U'\u0D2F');  // malayalam letter ya
  EXPECT_EQ(detail::malayalam_locking[0x47], U'\u0D33');  // malayalam letter lla
  EXPECT_EQ(detail::malayalam_locking[0x4B], U'\u0D37');  // malayalam letter ssa
  EXPECT_EQ(detail::malayalam_locking[0x50], U'\u0D3E');  // malayalam vowel sign aa
  EXPECT_EQ(detail::malayalam_locking[0x53], U'\u0D41');  // malayalam vowel sign u
  EXPECT_EQ(detail::malayalam_locking[0x58], U'\u0D46');  // malayalam vowel sign e
  EXPECT_EQ(detail::malayalam_locking[0x5B], undefined);
  EXPECT_EQ(detail::malayalam_locking[0x5D], U'\u0D4B');  // malayalam vowel sign oo
  EXPECT_EQ(detail::malayalam_locking[0x7B], U'\u0D60');  // malayalam letter vocalic rr
  EXPECT_EQ(detail::malayalam_locking[0x7E], U'\u0D63');  // malayalam vowel sign vocalic ll
  EXPECT_EQ(detail::malayalam_locking[0x7F], U'\u0D79');  // malayalam date mark
}

TEST(national_tables_test, malayalam_single_spot_checks) {
  EXPECT_EQ(detail::malayalam_single[0x00], U'@');
  EXPECT_EQ(detail::malayalam_single[0x01], U'\u00A3');  // pound sign
  EXPECT_EQ(detail::malayalam_single[0x04], U'\u00BF');  // inverted question mark
  EXPECT_EQ(detail::malayalam_single[0x07], U'%');
  EXPECT_EQ(detail::malayalam_single[0x0C], U'+');
  EXPECT_EQ(detail::malayalam_single[0x0D], undefined);
  EXPECT_EQ(detail::malayalam_single[0x11], U'=');
  EXPECT_EQ(detail::malayalam_single[0x16], U'_');
  EXPECT_EQ(detail::malayalam_single[0x19], U'\u0964');  // devanagari danda
  EXPECT_EQ(detail::malayalam_single[0x1E], U'\u0D68');  // malayalam digit two
  EXPECT_EQ(detail::malayalam_single[0x22], U'\u0D6C');  // malayalam digit six
  EXPECT_EQ(detail::malayalam_single[0x26], U'\u0D70');  // malayalam number ten
  EXPECT_EQ(detail::malayalam_single[0x2B], U'\u0D73');  // malayalam fraction one quarter
  EXPECT_EQ(detail::malayalam_single[0x30], U'\u0D7B');  // malayalam letter chillu n
  EXPECT_EQ(detail::malayalam_single[0x34], U'\u0D7F');  // malayalam letter chillu k
  EXPECT_EQ(detail::malayalam_single[0x44], U'D');
  EXPECT_EQ(detail::malayalam_single[0x47], U'G');
  EXPECT_EQ(detail::malayalam_single[0x4B], U'K');
  EXPECT_EQ(detail::malayalam_single[0x4F], U'O');
  EXPECT_EQ(detail::malayalam_single[0x53], U'S');
  EXPECT_EQ(detail::malayalam_single[0x56], U'V');
  EXPECT_EQ(detail::malayalam_single[0x5A], U'Z');
  EXPECT_EQ(detail::malayalam_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::malayalam_single[0x69], undefined);
  EXPECT_EQ(detail::malayalam_single[0x7F], undefined);
}

TEST(national_tables_test, oriya_locking_spot_checks) {
  EXPECT_EQ(detail::oriya_locking[0x00], U'\u0B01');  // oriya sign candrabindu
  EXPECT_EQ(detail::oriya_locking[0x01], U'\u0B02');  // oriya sign anusvara
  EXPECT_EQ(detail::oriya_locking[0x04], U'\u0B06');  // oriya letter aa
  EXPECT_EQ(detail::oriya_locking[0x07], U'\u0B09');  // oriya letter u
  EXPECT_EQ(detail::oriya_locking[0x0C], undefined);
  EXPECT_EQ(detail::oriya_locking[0x0F], U'\u0B0F');  // oriya letter e
  EXPECT_EQ(detail::oriya_locking[0x15], U'\u0B15');  // oriya letter ka
  EXPECT_EQ(detail::oriya_locking[0x18], U'\u0B18');  // oriya letter gha
  EXPECT_EQ(detail::oriya_locking[0x1D], U'\u0B1C');  // oriya letter ja
  EXPECT_EQ(detail::oriya_locking[0x23], U'\u0B20');  // oriya letter ttha
  EXPECT_EQ(detail::oriya_locking[0x26], U'\u0B23');  // oriya letter nna
  EXPECT_EQ(detail::oriya_locking[0x2A], U'\u0B25');  // oriya letter tha
  EXPECT_EQ(detail::oriya_locking[0x3D], U'\u0B2A');  // oriya letter pa
  EXPECT_EQ(detail::oriya_locking[0x42], U'\u0B2E');  // oriya letter ma
  EXPECT_EQ(detail::oriya_locking[0x45], undefined);
  EXPECT_EQ(detail::oriya_locking[0x46], U'\u0B32');  // oriya letter la
  EXPECT_EQ(detail::oriya_locking[0x4B], U'\u0B37');  // oriya letter ssa
  EXPECT_EQ(detail::oriya_locking[0x4F], U'\u0B3D');  // oriya sign avagraha
  EXPECT_EQ(detail::oriya_locking[0x52], U'\u0B40');  // oriya vowel sign ii
  EXPECT_EQ(detail::oriya_locking[0x56], U'\u0B44');  // oriya vowel sign vocalic rr
  EXPECT_EQ(detail::oriya_locking[0x5C], undefined);
  EXPECT_EQ(detail::oriya_locking[0x5E], U'\u0B4C');  // oriya vowel sign au
  EXPECT_EQ(detail::oriya_locking[0x7B], U'\u0B57');  // oriya au length mark
  EXPECT_EQ(detail::oriya_locking[0x7E], U'\u0B62');  // oriya vowel sign vocalic l
  EXPECT_EQ(detail::oriya_locking[0x7F], U'\u0B63');  // oriya vowel sign vocalic ll
}

TEST(national_tables_test, oriya_single_spot_checks) {
  EXPECT_EQ(detail::oriya_single[0x00], U'@');
  EXPECT_EQ(detail::oriya_single[0x01], U'\u00A3');  // pound sign
  EXPECT_EQ(detail::oriya_single[0x03], U'\u00A5');  // yen sign
  EXPECT_EQ(detail::oriya_single[0x07], U'%');
  EXPECT_EQ(detail::oriya_single[0x0B], U'*');
  EXPECT_EQ(detail::oriya_single[0x0D], undefined);
  EXPECT_EQ(detail::oriya_single[0x0F], U'/');
  EXPECT_EQ(detail::oriya_single[0x13], U'\u00A1');  // inverted exclamation mark
  EXPECT_EQ(detail::oriya_single[0x17], U'#');
  EXPECT_EQ(detail::oriya_single[0x1A], U'\u0965');  // devanagari double danda
  EXPECT_EQ(detail::oriya_single[0x1F], U'\u0B69');  // oriya digit three
  EXPECT_EQ(detail::oriya_single[0x23], U'\u0B6D');  // oriya digit seven
  EXPECT_EQ(detail::oriya_single[0x26], U'\u0B5C');  // oriya letter rra
  EXPECT_EQ(detail::oriya_single[0x2B], U'\u0B70');  // oriya isshar
  EXPECT_EQ(detail::oriya_single[0x43], U'C');
  EXPECT_EQ(detail::oriya_single[0x46], U'F');
  EXPECT_EQ(detail::oriya_single[0x49], U'I');
  EXPECT_EQ(detail::oriya_single[0x4D], U'M');
  EXPECT_EQ(detail::oriya_single[0x50], U'P');
  EXPECT_EQ(detail::oriya_single[0x53], U'S');
  EXPECT_EQ(detail::oriya_single[0x57], U'W');
  EXPECT_EQ(detail::oriya_single[0x5A], U'Z');
  EXPECT_EQ(detail::oriya_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::oriya_single[0x66], undefined);
  EXPECT_EQ(detail::oriya_single[0x7F], undefined);
}

TEST(national_tables_test, punjabi_locking_spot_checks) {
  EXPECT_EQ(detail::punjabi_locking[0x00], U'\u0A01');  // gurmukhi sign adak bindi
  EXPECT_EQ(detail::punjabi_locking[0x01], U'\u0A02');  // gurmukhi sign bindi
  EXPECT_EQ(detail::punjabi_locking[0x03], U'\u0A05');  // gurmukhi letter a
  EXPECT_EQ(detail::punjabi_locking[0x07], U'\u0A09');  // gurmukhi letter u
  EXPECT_EQ(detail::punjabi_locking[0x09], undefined);
  EXPECT_EQ(detail::punjabi_locking[0x10], U'\u0A10');  // gurmukhi letter ai
  EXPECT_EQ(detail::punjabi_locking[0x15], U'\u0A15');  // gurmukhi letter ka
  EXPECT_EQ(detail::punjabi_locking[0x19], U'\u0A19');  // gurmukhi letter nga
  EXPECT_EQ(detail::punjabi_locking[0x1D], U'\u0A1C');  // gurmukhi letter ja
  EXPECT_EQ(detail::punjabi_locking[0x23], U'\u0A20');  // gurmukhi letter ttha
  EXPECT_EQ(detail::punjabi_locking[0x26], U'\u0A23');  // gurmukhi letter nna
  EXPECT_EQ(detail::punjabi_locking[0x29], U'(');
  EXPECT_EQ(detail::punjabi_locking[0x2F], U'\u0A28');  // gurmukhi letter na
  EXPECT_EQ(detail::punjabi_locking[0x40], U'\u0A2C');  // gurmukhi letter ba
  EXPECT_EQ(detail::punjabi_locking[0x43], U'\u0A2F');  // gurmukhi letter ya
  EXPECT_EQ(detail::punjabi_locking[0x48], undefined);
  EXPECT_EQ(detail::punjabi_locking[0x49], U'\u0A35');  // gurmukhi letter va
  EXPECT_EQ(detail::punjabi_locking[0x4D], U'\u0A39');  // gurmukhi letter ha
  EXPECT_EQ(detail::punjabi_locking[0x52], U'\u0A40');  // gurmukhi vowel sign ii
  EXPECT_EQ(detail::punjabi_locking[0x59], U'\u0A47');  // gurmukhi vowel sign ee
  EXPECT_EQ(detail::punjabi_locking[0x5C], undefined);
  EXPECT_EQ(detail::punjabi_locking[0x5E], U'\u0A4C');  // gurmukhi vowel sign au
  EXPECT_EQ(detail::punjabi_locking[0x7C], U'\u0A71');  // gurmukhi addak
  EXPECT_EQ(detail::punjabi_locking[0x7E], U'\u0A73');  // gurmukhi ura
  EXPECT_EQ(detail::punjabi_locking[0x7F], U'\u0A74');  // gurmukhi ek onkar
}

TEST(national_tables_test, punjabi_single_spot_checks) {
  EXPECT_EQ(detail::punjabi_single[0x00], U'@');
  EXPECT_EQ(detail::punjabi_single[0x01], U'\u00A3');  // pound sign
  EXPECT_EQ(detail::punjabi_single[0x03], U'\u00A5');  // yen sign
  EXPECT_EQ(detail::punjabi_single[0x07], U'%');
  EXPECT_EQ(detail::punjabi_single[0x0B], U'*');
  EXPECT_EQ(detail::punjabi_single[0x0D], undefined);
  EXPECT_EQ(detail::punjabi_single[0x10], U'<');
  EXPECT_EQ(detail::punjabi_single[0x13], U'\u00A1');  // inverted exclamation mark
  EXPECT_EQ(detail::punjabi_single[0x18], U'*');
  EXPECT_EQ(detail::punjabi_single[0x1C], U'\u0A66');  // gurmukhi digit zero
  EXPECT_EQ(detail::punjabi_single[0x1F], U'\u0A69');  // gurmukhi digit three
  EXPECT_EQ(detail::punjabi_single[0x23], U'\u0A6D');  // gurmukhi digit seven
  EXPECT_EQ(detail::punjabi_single[0x26], U'\u0A59');  // gurmukhi letter khha
  EXPECT_EQ(detail::punjabi_single[0x2C], U'\u0A5E');  // gurmukhi letter fa
  EXPECT_EQ(detail::punjabi_single[0x42], U'B');
  EXPECT_EQ(detail::punjabi_single[0x45], U'E');
  EXPECT_EQ(detail::punjabi_single[0x49], U'I');
  EXPECT_EQ(detail::punjabi_single[0x4C], U'L');
  EXPECT_EQ(detail::punjabi_single[0x50], U'P');
  EXPECT_EQ(detail::punjabi_single[0x53], U'S');
  EXPECT_EQ(detail::punjabi_single[0x57], U'W');
  EXPECT_EQ(detail::punjabi_single[0x5A], U'Z');
  EXPECT_EQ(detail::punjabi_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::punjabi_single[0x66], undefined);
  EXPECT_EQ(detail::punjabi_single[0x7F], undefined);
}

TEST(national_tables_test, tamil_locking_spot_checks) {
  EXPECT_EQ(detail::tamil_locking[0x00], undefined);
  EXPECT_EQ(detail::tamil_locking[0x01], U'\u0B82');  // tamil sign anusvara
  EXPECT_EQ(detail::tamil_locking[0x02], U'\u0B83');  // tamil sign visarga
  EXPECT_EQ(detail::tamil_locking[0x04], U'\u0B86');  // tamil letter aa
  EXPECT_EQ(detail::tamil_locking[0x07], U'\u0B89');  // tamil letter u
  EXPECT_EQ(detail::tamil_locking[0x0F], U'\u0B8F');  // tamil letter ee
  EXPECT_EQ(detail::tamil_locking[0x13], U'\u0B93');  // tamil letter oo
  EXPECT_EQ(detail::tamil_locking[0x19], U'\u0B99');  // tamil letter nga
  EXPECT_EQ(detail::tamil_locking[0x1F], U'\u0B9E');  // tamil letter nya
  EXPECT_EQ(detail::tamil_locking[0x27], U'\u0BA4');  // tamil letter ta
  EXPECT_EQ(detail::tamil_locking[0x2A], undefined);
  EXPECT_EQ(detail::tamil_locking[0x2F], U'\u0BA8');  // tamil letter na
  EXPECT_EQ(detail::tamil_locking[0x42], U'\u0BAE');  // tamil letter ma
  EXPECT_EQ(detail::tamil_locking[0x44], U'\u0BB0');  // tamil letter ra
  EXPECT_EQ(detail::tamil_locking[0x47], U'\u0BB3');  // tamil letter lla
  EXPECT_EQ(detail::tamil_locking[0x4A], U'\u0BB6');  // tamil letter sha
  EXPECT_EQ(detail::tamil_locking[0x4D], U'\u0BB9');  // tamil letter ha
  EXPECT_EQ(detail::tamil_locking[0x52], U'\u0BC0');  // tamil vowel sign ii
  EXPECT_EQ(detail::tamil_locking[0x58], U'\u0BC6');  // tamil vowel sign e
  EXPECT_EQ(detail::tamil_locking[0x5B], undefined);
  EXPECT_EQ(detail::tamil_locking[0x5C], U'\u0BCA');  // tamil vowel sign o
  EXPECT_EQ(detail::tamil_locking[0x5F], U'\u0BCD');  // tamil sign virama
  EXPECT_EQ(detail::tamil_locking[0x7C], U'\u0BF0');  // tamil number ten
  EXPECT_EQ(detail::tamil_locking[0x7E], U'\u0BF2');  // tamil number one thousand
  EXPECT_EQ(detail::tamil_locking[0x7F], U'\u0BF9');  // tamil rupee sign
}

TEST(national_tables_test, tamil_single_spot_checks) {
  EXPECT_EQ(detail::tamil_single[0x00], U'@');
  EXPECT_EQ(detail::tamil_single[0x01], U'\u00A3');  // pound sign
  EXPECT_EQ(detail::tamil_single[0x03], U'\u00A5');  // yen sign
  EXPECT_EQ(detail::tamil_single[0x07], U'%');
  EXPECT_EQ(detail::tamil_single[0x0B], U'*');
  EXPECT_EQ(detail::tamil_single[0x0D], undefined);
  EXPECT_EQ(detail::tamil_single[0x10], U'<');
  EXPECT_EQ(detail::tamil_single[0x13], U'\u00A1');  // inverted exclamation mark
  EXPECT_EQ(detail::tamil_single[0x18], U'*');
  EXPECT_EQ(detail::tamil_single[0x1C], U'\u0BE6');  // tamil digit zero
  EXPECT_EQ(detail::tamil_single[0x20], U'\u0BEA');  // tamil digit four
  EXPECT_EQ(detail::tamil_single[0x23], U'\u0BED');  // tamil digit seven
  EXPECT_EQ(detail::tamil_single[0x27], U'\u0BF4');  // tamil month sign
  EXPECT_EQ(detail::tamil_single[0x2C], U'\u0BF7');  // tamil credit sign
  EXPECT_EQ(detail::tamil_single[0x42], U'B');
  EXPECT_EQ(detail::tamil_single[0x45], U'E');
  EXPECT_EQ(detail::tamil_single[0x49], U'I');
  EXPECT_EQ(detail::tamil_single[0x4C], U'L');
  EXPECT_EQ(detail::tamil_single[0x50], U'P');
  EXPECT_EQ(detail::tamil_single[0x53], U'S');
  EXPECT_EQ(detail::tamil_single[0x57], U'W');
  EXPECT_EQ(detail::tamil_single[0x5A], U'Z');
  EXPECT_EQ(detail::tamil_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::tamil_single[0x66], undefined);
  EXPECT_EQ(detail::tamil_single[0x7F], undefined);
}

TEST(national_tables_test, telugu_locking_spot_checks) {
  EXPECT_EQ(detail::telugu_locking[0x00], U'\u0C01');  // telugu sign candrabindu
  EXPECT_EQ(detail::telugu_locking[0x01], U'\u0C02');  // telugu sign anusvara
  EXPECT_EQ(detail::telugu_locking[0x04], U'\u0C06');  // telugu letter aa
  EXPECT_EQ(detail::telugu_locking[0x08], U'\u0C0A');  // telugu letter uu
  EXPECT_EQ(detail::telugu_locking[0x0C], undefined);
  EXPECT_EQ(detail::telugu_locking[0x0F], U'\u0C0F');  // telugu letter ee
  EXPECT_EQ(detail::telugu_locking[0x14], U'\u0C14');  // telugu letter au
  EXPECT_EQ(detail::telugu_locking[0x17], U'\u0C17');  // telugu letter ga
  EXPECT_EQ(detail::telugu_locking[0x1C], U'\u0C1B');  // telugu letter cha
  EXPECT_EQ(detail::telugu_locking[0x22], U'\u0C1F');  // telugu letter tta
  EXPECT_EQ(detail::telugu_locking[0x26], U'\u0C23');  // telugu letter nna
  EXPECT_EQ(detail::telugu_locking[0x2A], U'\u0C25');  // telugu letter tha
  EXPECT_EQ(detail::telugu_locking[0x3D], U'\u0C2A');  // telugu letter pa
  EXPECT_EQ(detail::telugu_locking[0x42], U'\u0C2E');  // telugu letter ma
  EXPECT_EQ(detail::telugu_locking[0x46], U'\u0C32');  // telugu letter la
  EXPECT_EQ(detail::telugu_locking[0x48], undefined);
  EXPECT_EQ(detail::telugu_locking[0x4B], U'\u0C37');  // telugu letter ssa
  EXPECT_EQ(detail::telugu_locking[0x50], U'\u0C3E');  // telugu vowel sign aa
  EXPECT_EQ(detail::telugu_locking[0x53], U'\u0C41');  // telugu vowel sign u
  EXPECT_EQ(detail::telugu_locking[0x58], U'\u0C46');  // telugu vowel sign e
  EXPECT_EQ(detail::telugu_locking[0x5B], undefined);
  EXPECT_EQ(detail::telugu_locking[0x5D], U'\u0C4B');  // telugu vowel sign oo
  EXPECT_EQ(detail::telugu_locking[0x7B], U'\u0C56');  // telugu ai length mark
  EXPECT_EQ(detail::telugu_locking[0x7E], U'\u0C62');  // telugu vowel sign vocalic l
  EXPECT_EQ(detail::telugu_locking[0x7F], U'\u0C63');  // telugu vowel sign vocalic ll
}

TEST(national_tables_test, telugu_single_spot_checks) {
  EXPECT_EQ(detail::telugu_single[0x00], U'@');
  EXPECT_EQ(detail::telugu_single[0x01], U'\u00A3');  // pound sign
  EXPECT_EQ(detail::telugu_single[0x03], U'\u00A5');  // yen sign
  EXPECT_EQ(detail::telugu_single[0x07], U'%');
  EXPECT_EQ(detail::telugu_single[0x0B], U'*');
  EXPECT_EQ(detail::telugu_single[0x0D], undefined);
  EXPECT_EQ(detail::telugu_single[0x10], U'<');
  EXPECT_EQ(detail::telugu_single[0x13], U'\u00A1');  // inverted exclamation mark
  EXPECT_EQ(detail::telugu_single[0x18], U'*');
  EXPECT_EQ(detail::telugu_single[0x1F], U'\u0C69');  // telugu digit three
  EXPECT_EQ(detail::telugu_single[0x23], U'\u0C6D');  // telugu digit seven
  EXPECT_EQ(detail::telugu_single[0x26], U'\u0C58');  // telugu letter tsa
  EXPECT_EQ(detail::telugu_single[0x2C], U'\u0C7A');
  EXPECT_EQ(detail::telugu_single[0x30], U'\u0C7D');
  EXPECT_EQ(detail::telugu_single[0x42], U'B');
  EXPECT_EQ(detail::telugu_single[0x45], U'E');
  EXPECT_EQ(detail::telugu_single[0x49], U'I');
  EXPECT_EQ(detail::telugu_single[0x4C], U'L');
  EXPECT_EQ(detail::telugu_single[0x50], U'P');
  EXPECT_EQ(detail::telugu_single[0x53], U'S');
  EXPECT_EQ(detail::telugu_single[0x57], U'W');
  EXPECT_EQ(detail::telugu_single[0x5A], U'Z');
  EXPECT_EQ(detail::telugu_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::telugu_single[0x67], undefined);
  EXPECT_EQ(detail::telugu_single[0x7F], undefined);
}

TEST(national_tables_test, urdu_locking_spot_checks) {
  EXPECT_EQ(detail::urdu_locking[0x00], U'\u0627');  // arabic letter alef
  EXPECT_EQ(detail::urdu_locking[0x01], U'\u0622');  // arabic letter alef with madda above
  EXPECT_EQ(detail::urdu_locking[0x04], U'\u0680');  // arabic letter beheh
  EXPECT_EQ(detail::urdu_locking[0x09], U'\u067F');  // arabic letter teheh
  EXPECT_EQ(detail::urdu_locking[0x0F], U'\u067C');  // arabic letter teh with ring
  EXPECT_EQ(detail::urdu_locking[0x13], U'\u0684');  // arabic letter dyeh
  EXPECT_EQ(detail::urdu_locking[0x17], U'\u0687');  // arabic letter tcheheh
  EXPECT_EQ(detail::urdu_locking[0x1D], U'\u0688');  // arabic letter ddal
  EXPECT_EQ(detail::urdu_locking[0x23], U'\u068D');  // arabic letter ddahal
  EXPECT_EQ(detail::urdu_locking[0x27], U'\u0693');  // arabic letter reh with ring
  EXPECT_EQ(detail::urdu_locking[0x2B], U'\u0632');  // arabic letter zain
  EXPECT_EQ(detail::urdu_locking[0x3E], U'\u0634');  // arabic letter sheen
  EXPECT_EQ(detail::urdu_locking[0x43], U'\u0638');  // arabic letter zah
  EXPECT_EQ(detail::urdu_locking[0x47], U'\u06A9');  // arabic letter keheh
  EXPECT_EQ(detail::urdu_locking[0x4B], U'\u06B3');  // arabic letter gueh
  EXPECT_EQ(detail::urdu_locking[0x50], U'\u06BA');  // arabic letter noon ghunna
  EXPECT_EQ(detail::urdu_locking[0x54], U'\u06C4');  // arabic letter waw with ring
  EXPECT_EQ(detail::urdu_locking[0x58], U'\u0621');  // arabic letter hamza
  EXPECT_EQ(detail::urdu_locking[0x5C], U'\u064D');  // arabic kasratan
  EXPECT_EQ(detail::urdu_locking[0x7B], U'\u0655');  // arabic hamza below
  EXPECT_EQ(detail::urdu_locking[0x7E], U'\u0656');  // arabic subscript alef
  EXPECT_EQ(detail::urdu_locking[0x7F], U'\u0670');  // arabic letter superscript alef
}

TEST(national_tables_test, urdu_single_spot_checks) {
  EXPECT_EQ(detail::urdu_single[0x00], U'@');
  EXPECT_EQ(detail::urdu_single[0x01], U'\u00A3');  // pound sign
  EXPECT_EQ(detail::urdu_single[0x04], U'\u00BF');  // inverted question mark
  EXPECT_EQ(detail::urdu_single[0x08], U'&');
  EXPECT_EQ(detail::urdu_single[0x0D], undefined);
  EXPECT_EQ(detail::urdu_single[0x0E], U'-');
  EXPECT_EQ(detail::urdu_single[0x13], U'\u00A1');  // inverted exclamation mark
  EXPECT_EQ(detail::urdu_single[0x18], U'*');
  EXPECT_EQ(detail::urdu_single[0x1D], U'\u06F1');  // extended arabic-indic digit one
  EXPECT_EQ(detail::urdu_single[0x21], U'\u06F5');  // extended arabic-indic digit five
  EXPECT_EQ(detail::urdu_single[0x25], U'\u06F9');  // extended arabic-indic digit nine
  EXPECT_EQ(detail::urdu_single[0x2B], U'\u060F');  // arabic sign misra
  EXPECT_EQ(detail::urdu_single[0x31], U'\u0614');  // arabic sign takhallus
  EXPECT_EQ(detail::urdu_single[0x35], U'\u0652');  // arabic sukun
  EXPECT_EQ(detail::urdu_single[0x39], U'\u0672');  // arabic letter alef with wavy hamza above
  EXPECT_EQ(detail::urdu_single[0x41], U'A');
  EXPECT_EQ(detail::urdu_single[0x45], U'E');
  EXPECT_EQ(detail::urdu_single[0x49], U'I');
  EXPECT_EQ(detail::urdu_single[0x4E], U'N');
  EXPECT_EQ(detail::urdu_single[0x52], U'R');
  EXPECT_EQ(detail::urdu_single[0x56], U'V');
  EXPECT_EQ(detail::urdu_single[0x5A], U'Z');
  EXPECT_EQ(detail::urdu_single[0x65], U'\u20AC');  // euro sign
  EXPECT_EQ(detail::urdu_single[0x6D], undefined);
  EXPECT_EQ(detail::urdu_single[0x7F], undefined);
}
TEST(national_tables_test, disputed_cells) {
  // Indic and Urdu locking tables: 0x2C is the comma (CyberChef, Android, warthog618/sms; one
  // V18 transcription shows an apostrophe), and the spec prints ")" at 0x28 and "(" at 0x29.
  for (const auto* table :
       {&detail::bengali_locking, &detail::gujarati_locking, &detail::hindi_locking,
        &detail::kannada_locking, &detail::malayalam_locking, &detail::oriya_locking,
        &detail::punjabi_locking, &detail::tamil_locking, &detail::telugu_locking,
        &detail::urdu_locking}) {
    EXPECT_EQ((*table)[0x2C], U',');
    EXPECT_EQ((*table)[0x28], U')');
    EXPECT_EQ((*table)[0x29], U'(');
  }
  // The spec text has U+0CAA (PA) here, repeating cell 0x3D; Android and warthog618/sms correct
  // it to DDA, which the other Indic tables that have DDA also put at 0x24.
  EXPECT_EQ(detail::kannada_locking[0x24], U'\u0CA1');
  EXPECT_EQ(detail::kannada_locking[0x3D], U'\u0CAA');
  // CyberChef, Android and warthog618/sms; one V18 transcription leaves the cell blank.
  EXPECT_EQ(detail::telugu_single[0x65], U'\u20AC');
  // V9.1.1 typos, fixed in later versions (CyberChef's V16 tables have the fixed values).
  EXPECT_EQ(detail::tamil_single[0x24], U'\u0BEE');
  EXPECT_EQ(detail::telugu_single[0x22], U'\u0C6C');
  EXPECT_EQ(detail::telugu_single[0x23], U'\u0C6D');
  // U+0B91 and U+0C11 are unassigned in Unicode; CyberChef's values there are typos.
  EXPECT_EQ(detail::tamil_locking[0x11], undefined);
  EXPECT_EQ(detail::telugu_locking[0x11], undefined);
}

struct named_table {
  const char* name;
  const detail::national_table* table;
  bool single_shift;
};

const std::vector<named_table>& all_tables() {
  static const std::vector<named_table> tables = {
      {"turkish_locking", &detail::turkish_locking, false},
      {"turkish_single", &detail::turkish_single, true},
      {"spanish_single", &detail::spanish_single, true},
      {"portuguese_locking", &detail::portuguese_locking, false},
      {"portuguese_single", &detail::portuguese_single, true},
      {"bengali_locking", &detail::bengali_locking, false},
      {"bengali_single", &detail::bengali_single, true},
      {"gujarati_locking", &detail::gujarati_locking, false},
      {"gujarati_single", &detail::gujarati_single, true},
      {"hindi_locking", &detail::hindi_locking, false},
      {"hindi_single", &detail::hindi_single, true},
      {"kannada_locking", &detail::kannada_locking, false},
      {"kannada_single", &detail::kannada_single, true},
      {"malayalam_locking", &detail::malayalam_locking, false},
      {"malayalam_single", &detail::malayalam_single, true},
      {"oriya_locking", &detail::oriya_locking, false},
      {"oriya_single", &detail::oriya_single, true},
      {"punjabi_locking", &detail::punjabi_locking, false},
      {"punjabi_single", &detail::punjabi_single, true},
      {"tamil_locking", &detail::tamil_locking, false},
      {"tamil_single", &detail::tamil_single, true},
      {"telugu_locking", &detail::telugu_locking, false},
      {"telugu_single", &detail::telugu_single, true},
      {"urdu_locking", &detail::urdu_locking, false},
      {"urdu_single", &detail::urdu_single, true},
  };
  return tables;
}

TEST(national_tables_test, cells_every_table_shares) {
  for (const auto& [name, table, single_shift] : all_tables()) {
    SCOPED_TRACE(name);
    EXPECT_EQ((*table)[0x1B], undefined);  // escape (locking) or reserved ESC ESC (single shift)
    if (single_shift) {
      EXPECT_EQ((*table)[0x0A], U'\f');
      EXPECT_EQ((*table)[0x0D], undefined);  // CR2: a control with no code point
      EXPECT_EQ((*table)[0x65], U'\u20AC');
    } else {
      EXPECT_EQ((*table)[0x0A], U'\n');
      EXPECT_EQ((*table)[0x0D], U'\r');
      EXPECT_EQ((*table)[0x20], U' ');
    }
  }
}

// Reverse lookups map a code point back to one septet, so within a table no code point may occupy
// two cells. The one exception is printed in the spec itself: every Indic and Urdu single-shift
// table has "*" at 0x0B and 0x18 and U+00A1 at 0x13 and 0x15. Those pairs are listed exactly, so
// any other repeat (a transcription slip, say) still fails.
TEST(national_tables_test, no_code_point_occupies_two_cells) {
  const std::map<char32_t, std::vector<std::size_t>> spec_repeats = {
      {U'*', {0x0B, 0x18}},
      {U'\u00A1', {0x13, 0x15}},
  };
  for (const auto& [name, table, single_shift] : all_tables()) {
    SCOPED_TRACE(name);
    std::map<char32_t, std::vector<std::size_t>> cells;
    for (std::size_t septet = 0; septet < table->size(); ++septet) {
      if ((*table)[septet] != 0) {
        cells[(*table)[septet]].push_back(septet);
      }
    }
    std::map<char32_t, std::vector<std::size_t>> repeats;
    for (const auto& [code_point, septets] : cells) {
      if (septets.size() > 1) {
        repeats.emplace(code_point, septets);
      }
    }
    const std::string language = std::string(name).substr(0, std::string(name).find('_'));
    const bool latin = language == "turkish" || language == "spanish" || language == "portuguese";
    if (single_shift && !latin) {
      EXPECT_EQ(repeats, spec_repeats);
    } else {
      EXPECT_TRUE(repeats.empty());
    }
  }
}

TEST(national_tables_test, lookup_by_language) {
  EXPECT_EQ(detail::locking_table(national_language::none), nullptr);
  EXPECT_EQ(detail::single_shift_table(national_language::none), nullptr);
  EXPECT_EQ(detail::locking_table(national_language::spanish), nullptr);
  EXPECT_EQ(detail::single_shift_table(national_language::spanish), &detail::spanish_single);
  EXPECT_EQ(detail::locking_table(national_language::turkish), &detail::turkish_locking);
  EXPECT_EQ(detail::single_shift_table(national_language::turkish), &detail::turkish_single);
  EXPECT_EQ(detail::locking_table(national_language::portuguese), &detail::portuguese_locking);
  EXPECT_EQ(detail::locking_table(national_language::bengali), &detail::bengali_locking);
  EXPECT_EQ(detail::single_shift_table(national_language::gujarati), &detail::gujarati_single);
  EXPECT_EQ(detail::locking_table(national_language::hindi), &detail::hindi_locking);
  EXPECT_EQ(detail::single_shift_table(national_language::kannada), &detail::kannada_single);
  EXPECT_EQ(detail::locking_table(national_language::malayalam), &detail::malayalam_locking);
  EXPECT_EQ(detail::single_shift_table(national_language::oriya), &detail::oriya_single);
  EXPECT_EQ(detail::locking_table(national_language::punjabi), &detail::punjabi_locking);
  EXPECT_EQ(detail::single_shift_table(national_language::tamil), &detail::tamil_single);
  EXPECT_EQ(detail::locking_table(national_language::telugu), &detail::telugu_locking);
  EXPECT_EQ(detail::single_shift_table(national_language::urdu), &detail::urdu_single);
  // Identifiers 14 and up are not assigned by the spec.
  EXPECT_EQ(detail::locking_table(static_cast<national_language>(14)), nullptr);
  EXPECT_EQ(detail::single_shift_table(static_cast<national_language>(0xFF)), nullptr);

  // Every identifier 1-13 has a single-shift table, and all but Spanish a locking one; no two
  // identifiers share a table.
  std::set<const detail::national_table*> seen;
  for (unsigned id = 1; id <= 13; ++id) {
    const auto language = static_cast<national_language>(id);
    const auto* single = detail::single_shift_table(language);
    const auto* locking = detail::locking_table(language);
    EXPECT_NE(single, nullptr) << id;
    EXPECT_TRUE(seen.insert(single).second) << id;
    if (language == national_language::spanish) {
      continue;
    }
    EXPECT_NE(locking, nullptr) << id;
    EXPECT_TRUE(seen.insert(locking).second) << id;
  }
  EXPECT_EQ(seen.size(), all_tables().size());
}

static_assert(detail::locking_table(national_language::urdu) == &detail::urdu_locking);
static_assert((*detail::single_shift_table(national_language::turkish))[0x47] == U'\u011E');
static_assert(static_cast<unsigned>(national_language::urdu) == 13);

}  // namespace

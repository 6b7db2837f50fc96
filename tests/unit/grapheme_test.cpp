#include <gtest/gtest.h>

#include <septet/grapheme.hpp>
#include <string>
#include <vector>

namespace {

TEST(grapheme_test, property_lookup) {
  using septet::grapheme_property;
  EXPECT_EQ(septet::grapheme_property_of(U'a'), grapheme_property::other);
  EXPECT_EQ(septet::grapheme_property_of(U'\r'), grapheme_property::cr);
  EXPECT_EQ(septet::grapheme_property_of(0x0301), grapheme_property::extend);
  EXPECT_EQ(septet::grapheme_property_of(0x200D), grapheme_property::zwj);
  EXPECT_EQ(septet::grapheme_property_of(0x1F1F8), grapheme_property::regional_indicator);
  EXPECT_EQ(septet::grapheme_property_of(0x1F600), grapheme_property::extended_pictographic);
  EXPECT_EQ(septet::grapheme_property_of(0x1F3FD), grapheme_property::extend);  // modifier
  EXPECT_EQ(septet::grapheme_property_of(0xAC00), grapheme_property::lv);
  EXPECT_EQ(septet::grapheme_property_of(0x10FFFF), grapheme_property::other);
}

}  // namespace

// The error table: every code has its own stable name and a category, and the names are what
// JSON output and the WebAssembly module show.
#include <gtest/gtest.h>

#include <septet/error.hpp>
#include <set>
#include <string>

namespace {

using septet::errc;
using septet::error_category;

TEST(ErrorTable, NamesAreUniqueAndDescribed) {
  std::set<std::string_view> names;
  for (const auto& entry : septet::detail::error_table) {
    EXPECT_EQ(septet::name(entry.code), entry.name);
    EXPECT_FALSE(septet::to_string(entry.code).empty());
    EXPECT_TRUE(names.insert(entry.name).second) << entry.name;
  }
  EXPECT_EQ(septet::name(errc::utf8_truncated), "utf8_truncated");
  EXPECT_EQ(septet::to_string(errc::missing_part), "part missing from the concatenated message");
  EXPECT_EQ(septet::name(static_cast<errc>(200)), "unknown");
}

TEST(ErrorTable, EachCodeBelongsToItsLayer) {
  EXPECT_EQ(septet::category(errc::ok), error_category::none);
  EXPECT_EQ(septet::category(errc::utf16_unpaired_surrogate), error_category::encoding);
  EXPECT_EQ(septet::category(errc::body_too_long), error_category::limit);
  EXPECT_EQ(septet::category(errc::invalid_udh), error_category::wire);
  EXPECT_EQ(septet::category(errc::duplicate_part), error_category::reassembly);
  EXPECT_EQ(septet::category(errc::invalid_msisdn), error_category::address);
  EXPECT_EQ(septet::category(errc::unmatched_parameter), error_category::parameters);
  static_assert(septet::is_encoding_error(errc::invalid_code_point));
  static_assert(!septet::is_encoding_error(errc::invalid_option));
}

}  // namespace

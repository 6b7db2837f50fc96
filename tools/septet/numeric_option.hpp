#ifndef SEPTET_TOOLS_NUMERIC_OPTION_HPP
#define SEPTET_TOOLS_NUMERIC_OPTION_HPP

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <string_view>

/// The one check every numeric option of the CLI goes through, on the text as typed, before
/// CLI11 converts it: plain decimal digits only (no sign, no 0x, no exponent, no inf or nan), and
/// within the option's range. Without it "-1" wraps to a huge count and an overflowing number is
/// taken as some other value.
namespace septet_cli {

/// Whether `text` is one or more decimal digits and nothing else.
auto is_digits(std::string_view text) -> bool;

/// Whether `text` is a plain decimal: digits, optionally with one point between digits ("12",
/// "0.05"); not a sign, "0x10", "1e3", "inf", "nan", ".5" or "5.". Prices in CSV files are held to
/// it too.
auto is_plain_decimal(std::string_view text) -> bool;

/// A whole number in [min, max].
auto whole_number(std::uint64_t min, std::uint64_t max) -> CLI::Validator;

/// A decimal number (digits with at most one point) in [min, max]; with `above_min`, it must be
/// greater than min.
auto decimal_number(double min, double max, bool above_min = false) -> CLI::Validator;

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_NUMERIC_OPTION_HPP

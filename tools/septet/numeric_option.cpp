#include "numeric_option.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace septet_cli {
namespace {

auto shortest(double value) -> std::string {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

}  // namespace

auto is_digits(std::string_view text) -> bool {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

auto is_plain_decimal(std::string_view text) -> bool {
  const auto point = text.find('.');
  return point == std::string_view::npos
             ? is_digits(text)
             : is_digits(text.substr(0, point)) && is_digits(text.substr(point + 1));
}

auto whole_number(std::uint64_t min, std::uint64_t max) -> CLI::Validator {
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  return {[min, max, range](const std::string& text) -> std::string {
            std::uint64_t value = 0;
            const auto* end = text.data() + text.size();
            const auto parsed = std::from_chars(text.data(), end, value);
            if (!is_digits(text) || parsed.ec != std::errc() || parsed.ptr != end || value < min ||
                value > max) {
              return "'" + text + "' is not a whole number from " + range;
            }
            return {};
          },
          "INT in " + range, "whole_number"};
}

auto decimal_number(double min, double max, bool above_min) -> CLI::Validator {
  const std::string range =
      (above_min ? "above " : "from ") + shortest(min) + " to " + shortest(max);
  return {[min, max, above_min, range](const std::string& text) -> std::string {
            const bool decimal = is_plain_decimal(text);
            const double value = decimal ? std::strtod(text.c_str(), nullptr) : 0.0;
            if (!decimal || value < min || value > max || (above_min && value == min)) {
              return "'" + text + "' is not a decimal number " + range;
            }
            return {};
          },
          "NUMBER " + range, "decimal_number"};
}

}  // namespace septet_cli

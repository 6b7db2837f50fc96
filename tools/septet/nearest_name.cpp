#include "nearest_name.hpp"

#include <algorithm>
#include <cstddef>

namespace septet_cli {
namespace {

/// Edits from `a` to `b`: insertions, deletions, substitutions and swaps of neighbours (the
/// optimal string alignment distance).
auto edits(std::string_view a, std::string_view b) -> std::size_t {
  const std::size_t columns = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * columns);
  const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * columns + j]; };
  for (std::size_t i = 0; i <= a.size(); ++i) {
    at(i, 0) = i;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    at(0, j) = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t change = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + change});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.size(), b.size());
}

}  // namespace

auto nearest_name(std::string_view typed, const std::vector<std::string>& names)
    -> std::optional<std::string> {
  if (typed.empty()) {
    return std::nullopt;
  }
  const auto begins = [&](const std::string& name) { return name.starts_with(typed); };
  if (std::count_if(names.begin(), names.end(), begins) == 1) {
    return *std::find_if(names.begin(), names.end(), begins);
  }
  std::optional<std::string> best;
  std::size_t fewest = std::max<std::size_t>(1, typed.size() / 4) + 1;
  for (const auto& name : names) {
    const std::size_t n = edits(typed, name);
    if (n < fewest) {
      fewest = n;
      best = name;
    }
  }
  return best;
}

}  // namespace septet_cli

#include "nearest_name.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>

namespace septet_cli {
namespace {

auto lower(std::string_view text) -> std::string {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// Edits from `a` to `b` (insertions, deletions, substitutions and swaps of neighbours: the
/// optimal string alignment distance), or more than `most` when there are more: names whose
/// lengths differ by more are not compared, and three rows of the table are kept.
auto edits(std::string_view a, std::string_view b, std::size_t most) -> std::size_t {
  const std::size_t apart = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (apart > most) {
    return most + 1;
  }
  std::array<std::vector<std::size_t>, 3> rows;  // rows i-2, i-1 and i, in turn
  for (auto& row : rows) {
    row.resize(b.size() + 1);
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    rows[0][j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    auto& now = rows[i % 3];
    const auto& before = rows[(i + 2) % 3];
    const auto& two_before = rows[(i + 1) % 3];
    now[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t change = a[i - 1] == b[j - 1] ? 0 : 1;
      now[j] = std::min({before[j] + 1, now[j - 1] + 1, before[j - 1] + change});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        now[j] = std::min(now[j], two_before[j - 2] + 1);
      }
    }
  }
  return rows[a.size() % 3][b.size()];
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
  // Case is ignored here: ${FIRSTNAME} meant column 'firstname'.
  const std::string wanted = lower(typed);
  const std::size_t allowed = std::max<std::size_t>(1, typed.size() / 4);
  std::optional<std::string> best;
  std::size_t fewest = allowed + 1;
  for (const auto& name : names) {
    const std::size_t n = edits(wanted, lower(name), allowed);
    if (n < fewest) {
      fewest = n;
      best = name;
    }
  }
  return best;
}

}  // namespace septet_cli

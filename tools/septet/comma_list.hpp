#ifndef SEPTET_TOOLS_COMMA_LIST_HPP
#define SEPTET_TOOLS_COMMA_LIST_HPP

#include <string>
#include <string_view>
#include <vector>

namespace septet_cli {

/// The pieces of "a,b,c" (query parameters, --to lists, --national). Empty pieces are dropped
/// unless `keep_empty`, for callers that must refuse "a,,b".
inline auto split_commas(std::string_view text, bool keep_empty = false)
    -> std::vector<std::string> {
  std::vector<std::string> out;
  for (std::size_t start = 0;;) {
    const auto comma = text.find(',', start);
    const auto piece =
        text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
    if (keep_empty || !piece.empty()) {
      out.emplace_back(piece);
    }
    if (comma == std::string_view::npos) {
      return out;
    }
    start = comma + 1;
  }
}

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_COMMA_LIST_HPP

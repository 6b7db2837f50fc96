#ifndef SEPTET_TOOLS_NEAREST_NAME_HPP
#define SEPTET_TOOLS_NEAREST_NAME_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace septet_cli {

/// The name among `names` that `typed` most likely meant: the only one that `typed` begins (a
/// name cut short), else the closest by edits (a letter added, dropped, changed or two swapped), if
/// it is close enough to be a typing slip: at most 1 edit in 4 letters, at least 1, case aside.
auto nearest_name(std::string_view typed, const std::vector<std::string>& names)
    -> std::optional<std::string>;

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_NEAREST_NAME_HPP

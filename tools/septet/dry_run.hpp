#ifndef SEPTET_TOOLS_DRY_RUN_HPP
#define SEPTET_TOOLS_DRY_RUN_HPP

#include <iosfwd>
#include <septet/sinch/dry_run.hpp>
#include <string_view>

#include "exit_status.hpp"

namespace septet_cli {

struct dry_run_settings {
  septet::sinch::dry_run_options options;
};

/// `septet dry-run`: Sinch's dry-run JSON on `out`, failing recipients as JSON lines on stderr.
auto dry_run(std::string_view request, const dry_run_settings& settings, std::ostream& out)
    -> exit_status;

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_DRY_RUN_HPP

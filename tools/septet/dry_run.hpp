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

/// The recipients a dry run found Sinch would fail, and the groups whose members it could not
/// count, each as one JSON line on stderr; whether every recipient was counted and none fails.
/// `septet dry-run` and `septet send --dry-run` both report with it.
auto report_recipients(const septet::sinch::dry_run_result& result) -> bool;

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_DRY_RUN_HPP

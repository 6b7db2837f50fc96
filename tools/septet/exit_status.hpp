#ifndef SEPTET_TOOLS_EXIT_STATUS_HPP
#define SEPTET_TOOLS_EXIT_STATUS_HPP

/// The exit statuses of every septet command. Scripts act on them (README.md, docs/sinch.md), so
/// the numbers never change.
namespace septet_cli {

enum exit_status : int {
  ok = 0,
  /// The text is over a limit (inspect, encode); every figure is still printed.
  over_limit = 1,
  /// Not everything went through: recipients that would fail (dry-run, estimate), a send that
  /// Sinch or the network refused (sending again is safe).
  some_failed = over_limit,
  /// Invalid input or a usage error; nothing was sent.
  invalid_input = 2,
  /// A send that may have been created: the message names the client_reference to reconcile.
  outcome_unknown = 3,
  /// The output could not be written (a full disk is never a success).
  output_failed = 4,
};

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_EXIT_STATUS_HPP

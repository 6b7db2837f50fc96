#ifndef SEPTET_TOOLS_CLI_IO_HPP
#define SEPTET_TOOLS_CLI_IO_HPP

#include <cstddef>
#include <fstream>
#include <optional>
#include <string>

#include "exit_status.hpp"

/// Every input the CLI reads whole and every output it writes goes through here: reading never
/// throws (a directory, a missing file or a read error is a message), and output that did not
/// reach its destination (a full disk, /dev/full, a closed pipe) is an exit status, never a
/// silent 0.
namespace septet_cli {

/// The whole of a file, or of standard input for "-": the contents, or the error as
/// "PATH: reason".
struct read_result {
  std::string contents;
  std::optional<std::string> error;
};
auto read_whole(const std::string& path) -> read_result;

/// Reads all of `path` ("-": standard input) into `contents`; false, with the reason on stderr,
/// when it cannot.
auto read_input(const std::string& path, std::string& contents) -> bool;

/// Opens `path` for streaming; nullopt, or the error as "PATH: reason" (a directory opens as
/// a stream on Linux and only fails when read, so it is refused here).
auto open_for_reading(const std::string& path, std::ifstream& file) -> std::optional<std::string>;

/// Whether `path` names something on the file system (a file, a directory, a device...).
auto exists(const std::string& path) -> bool;

/// The size of the regular file at `path`; 0 for anything else (a pipe, a device).
auto file_size(const std::string& path) -> std::size_t;

/// Flushes standard output. If anything written to it was lost, says so on stderr and returns
/// output_failed; otherwise returns `status`.
auto finish_output(exit_status status) -> exit_status;

}  // namespace septet_cli

#endif  // SEPTET_TOOLS_CLI_IO_HPP

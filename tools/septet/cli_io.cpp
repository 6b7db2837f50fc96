#include "cli_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace septet_cli {
namespace {

auto reason(int error) -> std::string {
  return error == EISDIR ? "is a directory" : std::strerror(error);
}

auto read_descriptor(int fd, std::string& out) -> int {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got > 0) {
      out.append(buffer, static_cast<std::size_t>(got));
    } else if (got == 0) {
      return 0;
    } else if (errno != EINTR) {
      return errno;
    }
  }
}

}  // namespace

auto read_whole(const std::string& path) -> read_result {
  read_result result;
  if (path == "-") {
    if (const int error = read_descriptor(STDIN_FILENO, result.contents); error != 0) {
      result.error = "standard input: " + reason(error);
    }
    return result;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    result.error = path + ": " + reason(errno);
    return result;
  }
  struct stat info {};
  int error = ::fstat(fd, &info) != 0 ? errno : S_ISDIR(info.st_mode) ? EISDIR : 0;
  if (error == 0) {
    error = read_descriptor(fd, result.contents);
  }
  ::close(fd);
  if (error != 0) {
    result.contents.clear();
    result.error = path + ": " + reason(error);
  }
  return result;
}

auto read_input(const std::string& path, std::string& contents) -> bool {
  auto input = read_whole(path);
  if (input.error) {
    std::fprintf(stderr, "septet: cannot read %s\n", input.error->c_str());
    return false;
  }
  contents = std::move(input.contents);
  return true;
}

auto open_for_reading(const std::string& path, std::ifstream& file) -> std::optional<std::string> {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return path + ": " + reason(errno);
  }
  if (S_ISDIR(info.st_mode)) {
    return path + ": " + reason(EISDIR);
  }
  file.open(path, std::ios::binary);
  if (!file) {
    return path + ": cannot be opened";
  }
  return std::nullopt;
}

auto file_size(const std::string& path) -> std::size_t {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return 0;
  }
  return static_cast<std::size_t>(info.st_size);
}

auto exists(const std::string& path) -> bool {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

auto finish_output(exit_status status) -> exit_status {
  std::cout.flush();
  const bool lost = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
  if (lost) {
    const int error = errno;
    std::fprintf(stderr, "septet: the output could not be written: %s\n",
                 error != 0 ? std::strerror(error) : "write error");
    return output_failed;
  }
  return status;
}

}  // namespace septet_cli

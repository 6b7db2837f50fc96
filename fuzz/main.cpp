// Fallback driver for compilers without libFuzzer: runs every file named on the command line, and
// every file in every directory named, through LLVMFuzzerTestOneInput once.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

auto run_file(const std::filesystem::path& path) -> bool {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return false;
  }
  const std::vector<char> bytes{std::istreambuf_iterator<char>(file),
                                std::istreambuf_iterator<char>()};
  std::vector<std::uint8_t> copy(bytes.begin(), bytes.end());  // exact size, for ASan
  LLVMFuzzerTestOneInput(copy.data(), copy.size());
  return true;
}

}  // namespace

auto main(int argc, char** argv) -> int {
  std::size_t runs = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        if (entry.is_regular_file() && run_file(entry.path())) {
          ++runs;
        }
      }
    } else if (!run_file(path)) {
      return 1;
    } else {
      ++runs;
    }
  }
  std::printf("ran %zu inputs\n", runs);
  return runs > 0 ? 0 : 1;
}

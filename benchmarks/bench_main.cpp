// The benchmarks' main: Google Benchmark's, with the vector path septet reads text with in the
// run's context, and who chose it (so every JSON result says which build and path it measured).
// Besides Google Benchmark's flags, --septet_vector_path=scalar|sse2|avx2|avx512bw|neon pins a path
// (septet::set_vector_path), so that one build compares them.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <septet/septet.hpp>
#include <string>
#include <string_view>

namespace {

/// Who chose the path in use: "compile time" (the compiler's target), "run time" (the widest this
/// CPU runs), or "pinned" (--septet_vector_path).
auto vector_choice(bool pinned) -> std::string {
#if defined(SEPTET_VECTOR_DISPATCH)
  return pinned ? "pinned" : "run time";
#else
  (void)pinned;
  return "compile time";
#endif
}

/// Pins the path a --septet_vector_path= argument names and removes it from argv; false when it
/// names no path this build and CPU run.
auto pin_vector_path(int& argc, char** argv, bool& pinned_any) -> bool {
  constexpr std::string_view flag = "--septet_vector_path=";
  int kept = 1;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (!arg.starts_with(flag)) {
      argv[kept++] = argv[i];
      continue;
    }
    const std::string_view name = arg.substr(flag.size());
    bool pinned = false;
    for (const auto path :
         {septet::vector_path::scalar, septet::vector_path::sse2, septet::vector_path::avx2,
          septet::vector_path::avx512bw, septet::vector_path::neon}) {
      if (septet::to_string(path) == name) {
        pinned = septet::set_vector_path(path).ok();
        pinned_any = pinned_any || pinned;
      }
    }
    if (!pinned) {
      std::fprintf(stderr, "this build or CPU has no vector path %.*s\n",
                   static_cast<int>(name.size()), name.data());
      ok = false;
    }
  }
  argc = kept;
  return ok;
}

}  // namespace

auto main(int argc, char** argv) -> int {
  bool pinned = false;
  if (!pin_vector_path(argc, argv, pinned)) {
    return 1;
  }
  benchmark::AddCustomContext("septet_vector_code",
                              std::string(septet::to_string(septet::vector_path_in_use())));
  benchmark::AddCustomContext("septet_vector_choice", vector_choice(pinned));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

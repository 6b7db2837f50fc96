// The benchmarks' main: Google Benchmark's, with the vector code septet was compiled for in the
// run's context (so every JSON result says which build it measured).
#include <benchmark/benchmark.h>

#include <septet/septet.hpp>

auto main(int argc, char** argv) -> int {
  benchmark::AddCustomContext("septet_vector_code", septet::detail::vector_instruction_set);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

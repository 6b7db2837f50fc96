#!/usr/bin/env bash
# Builds the benchmarks twice: build/bench-baseline for the x86-64 baseline as a distribution
# ships it (Debian's flags from dpkg-buildflags, -O2 among them, and no CMake build type, as
# debhelper builds a package; the vector path is then chosen at run time: SSE2, AVX2 or
# AVX-512BW), with the CLI for benchmarks/estimate_jobs.sh, and build/bench-native in Release
# (-O3) with -march=native. benchmarks/run.sh and benchmarks/peers/run.sh run what it builds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/setup.sh" test
for build in baseline native; do
  native=OFF tools=ON targets=(septet_bench septet_cli)
  [[ $build == native ]] && native=ON tools=OFF targets=(septet_bench)
  flags=(-DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS= -DCMAKE_EXE_LINKER_FLAGS=)
  if [[ $build == baseline ]]; then
    flags=(-DCMAKE_BUILD_TYPE=None
      "-DCMAKE_CXX_FLAGS=$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
      "-DCMAKE_EXE_LINKER_FLAGS=$(dpkg-buildflags --get LDFLAGS)")
  fi
  cmake -S "$root" -B "$root/build/bench-$build" -G Ninja "${flags[@]}" \
    -DSEPTET_BUILD_BENCHMARKS=ON -DSEPTET_BENCH_NATIVE=$native -DSEPTET_BUILD_TESTS=OFF \
    -DSEPTET_BUILD_FUZZERS=OFF -DSEPTET_BUILD_TOOLS=$tools >/dev/null
  cmake --build "$root/build/bench-$build" -j2 --target "${targets[@]}"
done

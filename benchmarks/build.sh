#!/usr/bin/env bash
# Builds the benchmarks twice in Release: build/bench-baseline for the x86-64 baseline (the vector
# path is then chosen at run time: SSE2, AVX2 or AVX-512BW), with the CLI for
# benchmarks/estimate_jobs.sh, and build/bench-native with -march=native. benchmarks/run.sh and
# benchmarks/peers/run.sh run what it builds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/setup.sh" test
for build in baseline native; do
  native=OFF tools=ON targets=(septet_bench septet_cli)
  [[ $build == native ]] && native=ON tools=OFF targets=(septet_bench)
  cmake -S "$root" -B "$root/build/bench-$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSEPTET_BUILD_BENCHMARKS=ON -DSEPTET_BENCH_NATIVE=$native -DSEPTET_BUILD_TESTS=OFF \
    -DSEPTET_BUILD_FUZZERS=OFF -DSEPTET_BUILD_TOOLS=$tools >/dev/null
  cmake --build "$root/build/bench-$build" -j2 --target "${targets[@]}"
done

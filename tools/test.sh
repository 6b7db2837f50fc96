#!/usr/bin/env bash
# One command from a fresh Debian machine to every test passing:
#   bash tools/test.sh
# 1. formatting check, 2. g++ Release build of the CLI (the quick start's), g++ Debug build
# (benchmarks too, and the fast-path test cross-built for AArch64 and run under qemu) + ctest
# (fuzz corpora replayed by a plain
# driver), 3. clang build with AddressSanitizer and UndefinedBehaviorSanitizer + ctest, including
# a short libFuzzer run of every fuzz target (SEPTET_FUZZ_SECONDS, default 20). The last step is
# last so that the output ends with ctest's summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh test

echo "== clang-format"
git ls-files -- '*.hpp' '*.cpp' | xargs clang-format --dry-run -Werror

echo "== g++, Release: the library and CLI as tools/quickstart.sh builds them (-O3 -Werror)"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSEPTET_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j2

echo "== g++, Debug"
cmake -S . -B build/gcc -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=g++ \
  -DSEPTET_BUILD_BENCHMARKS=ON -DSEPTET_AARCH64_TESTS=ON >/dev/null
cmake --build build/gcc -j2
ctest --test-dir build/gcc -j2 --output-on-failure

echo "== clang++, AddressSanitizer + UndefinedBehaviorSanitizer, libFuzzer ${SEPTET_FUZZ_SECONDS:-20} s per target"
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$sanitize" -DCMAKE_EXE_LINKER_FLAGS="$sanitize" \
  -DSEPTET_FUZZ_SECONDS="${SEPTET_FUZZ_SECONDS:-20}" -DSEPTET_WEB_TESTS=OFF >/dev/null
cmake --build build/asan -j2
ctest --test-dir build/asan -j2 --output-on-failure

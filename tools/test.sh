#!/usr/bin/env bash
# One command from a fresh Debian machine to every test passing:
#   bash tools/test.sh
# 1. formatting and layout checks;
# 2. g++ Release build of everything (the configuration a packager builds, with the benchmarks
#    and the fast-path test cross-built for AArch64 and run under qemu) + ctest (fuzz corpora
#    replayed by a plain driver);
# 3. the Debian packages (cpack) installed on a fresh Debian 12, with a find_package and a
#    pkg-config consumer built against them (tests/packaging/fresh_debian.sh);
# 4. clang build with AddressSanitizer and UndefinedBehaviorSanitizer + ctest (all but the fault
#    soak), including a short libFuzzer run of every fuzz target (SEPTET_FUZZ_SECONDS, default 20).
#    The last step is last so that the output ends with ctest's summary line.
# Both builds treat warnings as errors and require every part (nothing skipped for lack of a
# package); neither is the default for people who build septet.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh test
developer=(-DSEPTET_WARNINGS_AS_ERRORS=ON -DSEPTET_REQUIRE_ALL=ON)

echo "== clang-format"
git ls-files -- '*.hpp' '*.cpp' | xargs clang-format --dry-run -Werror
echo "== layout (docs/architecture.md): function lengths, Sinch's limits spelled once"
bash tools/check_layout.sh

echo "== g++, Release: everything, as a packager builds it, then ctest"
cmake -S . -B build/gcc -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
  "${developer[@]}" -DSEPTET_BUILD_BENCHMARKS=ON -DSEPTET_AARCH64_TESTS=ON >/dev/null
cmake --build build/gcc -j2
ctest --test-dir build/gcc -j2 --output-on-failure

echo "== Debian packages (cpack), installed on a fresh Debian 12"
rm -rf build/packages
(cd build/gcc && cpack -G DEB -B "$PWD/../packages" >/dev/null)
rm -rf build/packages/_CPack_Packages
ls build/packages
bash tools/fresh-debian.sh --with build/packages 'sh tests/packaging/fresh_debian.sh /root/with'

echo "== clang++, AddressSanitizer + UndefinedBehaviorSanitizer, libFuzzer ${SEPTET_FUZZ_SECONDS:-20} s per target"
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$sanitize" -DCMAKE_EXE_LINKER_FLAGS="$sanitize" "${developer[@]}" \
  -DSEPTET_FUZZ_SECONDS="${SEPTET_FUZZ_SECONDS:-20}" -DSEPTET_WEB_TESTS=OFF >/dev/null
cmake --build build/asan -j2
# The fault soak (label "soak") ran in the Release build above; here process start-up under the
# sanitizers would make it several minutes.
ctest --test-dir build/asan -j2 --output-on-failure --label-exclude soak

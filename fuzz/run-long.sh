#!/usr/bin/env bash
# Longer local fuzzing of one target with clang's libFuzzer, AddressSanitizer and UBSan:
#   bash fuzz/run-long.sh fuzz_segment 600
# New inputs go to build/fuzz-work/TARGET; crashes to build/fuzz-work/crash-*. Prints libFuzzer's
# final stats (executions, coverage).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run-long.sh TARGET SECONDS}
seconds=${2:-600}
bash tools/setup.sh test
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$sanitize" -DCMAKE_EXE_LINKER_FLAGS="$sanitize" -DSEPTET_BUILD_TESTS=OFF \
  -DSEPTET_BUILD_TOOLS=OFF -DSEPTET_WEB_TESTS=OFF >/dev/null
cmake --build build/fuzz -j2 --target "$target"
dictionary=fuzz/text.dict
case "$target" in
  fuzz_user_data | fuzz_reassembly) dictionary=fuzz/wire.dict ;;
  fuzz_template) dictionary=fuzz/template.dict ;;
  fuzz_sinch_json) dictionary=fuzz/json.dict ;;
esac
mkdir -p "build/fuzz-work/$target"
cd build/fuzz-work
exec "../fuzz/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -dict="../../$dictionary" -print_final_stats=1 "$target" "../../fuzz/corpus/$target"

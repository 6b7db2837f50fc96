#!/usr/bin/env bash
# One command from a fresh Debian machine to the septet CLI inspecting example messages:
#   bash tools/quickstart.sh            # the bundled examples
#   bash tools/quickstart.sh "Hi there"  # your own text
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh run
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSEPTET_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j2 >/dev/null
septet=build/release/tools/septet/septet

if (($# > 0)); then
  "$septet" inspect "$@"
  exit
fi
for example in examples/*.txt; do
  echo "== septet inspect < $example"
  "$septet" inspect <"$example" || true
  echo
done

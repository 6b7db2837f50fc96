#!/usr/bin/env bash
# septet against its peers on one generated corpus, side by side, and the chart for the README:
#   bash benchmarks/peers/run.sh
# Installs what is missing (Debian: libgammu-dev, Google Benchmark, node; npm: split-sms and
# sms-segments-calculator into build/peers, not into the repo), builds septet twice
# (benchmarks/build.sh: for the x86-64 baseline as Debian builds a package, and in Release with
# -march=native), runs the native peers (septet, libgammu, and the byte counts) under Google
# Benchmark and the JavaScript peers (and septet's WebAssembly
# build) in node, then writes docs/peers.md, docs/peers.svg and docs/growth.svg.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/build/peers"
mkdir -p "$work"
bash "$root/benchmarks/build.sh"
bash "$root/web/build.sh" "$work/site" >/dev/null
cd "$work"
[ -f package.json ] || echo '{"name":"septet-peers","private":true}' > package.json
npm install --no-audit --no-fund --silent sms-segments-calculator split-sms >/dev/null
for build in baseline native; do
  "$root/build/bench-$build/benchmarks/septet_bench" --benchmark_filter='bm_corpus_|bm_gammu_' \
    --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    --benchmark_format=json > "native-$build.json"
done
node "$root/web/bench/bench.mjs" "$work/site/septet.mjs" --json > js.json
# Cost growth: analysis time against body length, and estimate time against recipients.
"$root/build/bench-baseline/benchmarks/septet_bench" --benchmark_filter='bm_growth' \
  --benchmark_format=json > growth.json
python3 "$root/benchmarks/peers/report.py" native-baseline.json native-native.json js.json \
  growth.json "$root/docs"

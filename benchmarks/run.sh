#!/usr/bin/env bash
# Every septet benchmark, once built for the x86-64 baseline as Debian builds a package (which
# takes the widest vector path the CPU runs, see <septet/vector_path.hpp>; then again pinned to
# each path) and once for this machine (-march=native: AVX2 or AVX-512BW where the CPU has them), and `septet estimate --jobs`
# (benchmarks/estimate_jobs.sh), then docs/speed.md from those runs:
#   bash benchmarks/run.sh
# Each benchmark is the median of 3 repetitions; the goals' benchmarks are also run with the two
# builds taking turns (best of 5 each).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build/speed"
mkdir -p "$out"
bash "$root/benchmarks/build.sh"
for build in baseline native; do
  "$root/build/bench-$build/benchmarks/septet_bench" --benchmark_min_time=0.2 \
    --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    --benchmark_format=json > "$out/$build.json"
done
# The baseline build once more on each vector path this CPU runs (a path it cannot run is
# refused, and left out), for the mixed text only.
for path in scalar sse2 avx2 avx512bw; do
  "$root/build/bench-baseline/benchmarks/septet_bench" --septet_vector_path="$path" \
    --benchmark_filter='bm_corpus_segment|bm_(analyze|segment)<text_class::mixed>/(2000|1048576)' \
    --benchmark_min_time=0.2 --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    --benchmark_format=json > "$out/baseline-$path.json" || rm -f "$out/baseline-$path.json"
done
# The goals' benchmarks once more, the two builds taking turns for 5 rounds: a slow spell of a
# shared machine then falls on both, and speed_report.py compares the best of each.
goals='bm_corpus_(baseline|scan_sse2|segment|encode_parts)$|bm_short_(scan|encode_parts|gsm_encode_parts)$'
rm -f "$out"/turns-*.json
for round in 1 2 3 4 5; do
  for build in baseline native; do
    "$root/build/bench-$build/benchmarks/septet_bench" --benchmark_filter="$goals" \
      --benchmark_min_time=0.2 --benchmark_format=json > "$out/turns-$build-$round.json"
  done
done
bash "$root/benchmarks/estimate_jobs.sh" "$root/build/bench-baseline/tools/septet/septet" \
  >"$out/estimate_jobs.md"
python3 "$root/benchmarks/speed_report.py" "$out/baseline.json" "$out/native.json" \
  "$root/docs/speed.md" "$out/estimate_jobs.md"
echo "wrote docs/speed.md"

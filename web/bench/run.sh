#!/usr/bin/env bash
# septet's WebAssembly module against the JavaScript peers on one generated corpus, in one node
# process. Installs the peers from npm into build/web-bench (not into the repo), then writes the
# table to docs/web-benchmark.md.
#   bash web/bench/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/build/web-bench"
mkdir -p "$work"
bash "$root/tools/setup.sh" web
bash "$root/web/build.sh" "$work/site" >/dev/null
cd "$work"
[ -f package.json ] || echo '{"name":"septet-web-bench","private":true}' > package.json
npm install --no-audit --no-fund --silent sms-segments-calculator split-sms >/dev/null
node "$root/web/bench/bench.mjs" "$work/site/septet.mjs" | tee "$root/docs/web-benchmark.md"

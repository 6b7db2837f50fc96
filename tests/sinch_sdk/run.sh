#!/usr/bin/env bash
# Starts `septet sandbox --port 0`, runs the Sinch Node SDK test (sdk_test.mjs) against the URL
# it prints, and stops it.   bash run.sh <septet> <node>
set -euo pipefail
septet=$1
node=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
"$septet" sandbox --port 0 >"$work/url" 2>"$work/log" &
pid=$!
stop() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT
for _ in $(seq 200); do
  [[ -s $work/url ]] && break
  sleep 0.05
done
url=$(head -n 1 "$work/url")
if [[ $url != http://* ]]; then
  echo "septet sandbox did not start:" >&2
  cat "$work/log" >&2
  exit 1
fi
"$node" "$here/sdk_test.mjs" "$url"

#!/usr/bin/env bash
# One command from a fresh Debian machine to the septet CLI inspecting example messages, then
# sending one through Sinch's API to a local sandbox (septet sandbox) and reading it back:
#   bash tools/quickstart.sh            # the bundled examples and the send
#   bash tools/quickstart.sh "Hi there"  # your own text
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh run
# SEPTET_REQUIRE_ALL: if anything the CLI needs is missing, stop here and say what.
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSEPTET_BUILD_TESTS=OFF \
  -DSEPTET_BUILD_FUZZERS=OFF -DSEPTET_REQUIRE_ALL=ON >/dev/null
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

# A send end-to-end over real HTTP, against the local Sinch sandbox (no account needed). With a
# real service plan, leave SINCH_BASE_URL unset, set SINCH_REGION (us unless Sinch set your
# account up elsewhere), SINCH_PLAN_ID and SINCH_API_TOKEN (or give --region and --plan).
sandbox_out=$(mktemp)
"$septet" sandbox --port 0 >"$sandbox_out" 2>/dev/null &
sandbox_pid=$!
trap 'kill -INT $sandbox_pid 2>/dev/null; wait $sandbox_pid 2>/dev/null; rm -f "$sandbox_out"' EXIT
for _ in $(seq 50); do
  [[ -s $sandbox_out ]] && break
  sleep 0.1
done
url=$(head -1 "$sandbox_out")
export SINCH_BASE_URL=$url SINCH_PLAN_ID=sandbox-plan SINCH_API_TOKEN=sandbox-token
echo "== SINCH_BASE_URL=$url SINCH_PLAN_ID=sandbox-plan SINCH_API_TOKEN=sandbox-token"
echo "== septet send --to +46700000001,+46700000002 ..."
batch=$("$septet" send --json --from +46700000000 \
  --to +46700000001,+46700000002 --param 'name:+46700000001=Ana' --param 'name:default=there' \
  'Hi ${name}, your parcel is on its way. Track it at https://example.com/t/42')
echo "$batch"
id=$(sed -n 's/^  "id": "\(.*\)",$/\1/p' <<<"$batch")
echo
echo "== septet status $id"
"$septet" status "$id"

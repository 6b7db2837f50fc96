#!/usr/bin/env bash
# The golden outputs of the CLI on the examples: stdout, stderr and the exit status of each case
# below, compared with tests/golden/<case>.out. They were recorded before the "one rule book"
# refactoring (issue #19) and pin what it must not change.
#   bash tests/golden/check.sh path/to/septet            compare
#   bash tests/golden/check.sh path/to/septet --update   record again (review the diff!)
set -uo pipefail
septet=$(realpath "$1")
update=${2:-}
cd "$(dirname "$0")/../.."
golden=tests/golden
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

template='Hello ${name}, your code is ${code}.'
estimate=(estimate --no-progress --template "$template" --recipients examples/recipients.csv
  --prices examples/prices.csv --rate 30 --default name=there --max-parts 1)
cases=(
  "inspect-1|inspect --json|examples/1-gsm.txt"
  "inspect-2|inspect --json|examples/2-gsm-extension-across-parts.txt"
  "inspect-3|inspect --json|examples/3-emoji.txt"
  "inspect-3-text|inspect --color never|examples/3-emoji.txt"
  "inspect-national|inspect --json --national auto|-"
  "encode-1|encode --json|examples/1-gsm.txt"
  "encode-2|encode --json --udh-ref 16 --ref 513|examples/2-gsm-extension-across-parts.txt"
  "encode-3|encode --json --ref 7|examples/3-emoji.txt"
  "dry-run|dry-run --per-recipient examples/dry-run-request.json|-"
  "dry-run-failures|dry-run --per-recipient examples/dry-run-failures.json|-"
  "dry-run-refused|dry-run examples/dry-run-refused.json|-"
)
national_text='Şu an İstanbul’dayım, çok güzel!'
failed=0
run_case() {
  local name=$1 output=$2
  shift 2
  if [[ $update == --update ]]; then
    cp "$output" "$golden/$name.out"
  elif ! diff -u "$golden/$name.out" "$output"; then
    echo "golden: $name differs" >&2
    failed=1
  fi
}
for entry in "${cases[@]}"; do
  IFS='|' read -r name arguments input <<<"$entry"
  read -ra argv <<<"$arguments"
  output=$scratch/$name
  if [[ $name == inspect-national ]]; then
    "$septet" "${argv[@]}" "$national_text" >"$output" 2>"$output.err"
  elif [[ $input == - ]]; then
    "$septet" "${argv[@]}" </dev/null >"$output" 2>"$output.err"
  else
    "$septet" "${argv[@]}" <"$input" >"$output" 2>"$output.err"
  fi
  echo "exit $?" >>"$output.err"
  cat "$output.err" >>"$output"
  run_case "$name" "$output"
done
for form in text json; do
  flags=()
  [[ $form == json ]] && flags=(--json --per-recipient "$scratch/per-recipient.jsonl")
  [[ $form == text ]] && flags=(--per-recipient "$scratch/per-recipient.csv")
  output=$scratch/estimate-$form
  "$septet" "${estimate[@]}" "${flags[@]}" >"$output" 2>"$output.err"
  echo "exit $?" >>"$output.err"
  cat "$output.err" "$scratch"/per-recipient.* >>"$output"
  rm -f "$scratch"/per-recipient.*
  run_case "estimate-$form" "$output"
done
exit "$failed"

#!/usr/bin/env bash
# `septet estimate` over generated recipients (1 million by default) with --jobs 1 and --jobs N
# (2 by default): the wall time of the whole process, best of 5, as a Markdown table with the
# speed-up. The runs must print the same bytes, and write the same --per-recipient file:
#   bash benchmarks/estimate_jobs.sh SEPTET_CLI [ROWS] [JOBS]
set -euo pipefail
septet="$1"
rows="${2:-1000000}"
jobs="${3:-2}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# Names in Latin, Cyrillic and CJK script: about a third of the recipients get a UCS-2 message.
awk -v n="$rows" 'BEGIN {
  print "msisdn,name,code"
  split("Anna,Jürgen,Zoë,Ömer,Ivan,Лена,José,李,Fatima,Søren", names, ",")
  for (i = 0; i < n; i++)
    printf "+4670%07d,%s,%d\n", (i * 7919) % 10000000, names[i % 10 + 1], (i * 31337) % 1000000
}' >"$dir/recipients.csv"
template='Hi ${name}, your code is ${code}. Reply STOP to opt out.'
# run JOBS NAME [FLAGS...]: one estimate, its totals in NAME.json; prints its wall time in ms.
run() {
  local jobs="$1" name="$2" start end
  shift 2
  start=$(date +%s%N)
  "$septet" estimate --no-progress --json --jobs "$jobs" --template "$template" \
    --recipients "$dir/recipients.csv" "$@" >"$dir/$name.json" || [[ $? == 1 ]]
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
# best FORM JOBS [FLAGS...]: the best of 5 runs, alternated with --jobs 1 so that both see the
# same machine; the outputs must be the same bytes. Prints a table row for each.
best() {
  local form="$1" jobs="$2" one="" many="" t
  shift 2
  for _ in 1 2 3 4 5; do
    t=$(run 1 one "${@/NAME/one}")
    [[ -z $one || $t -lt $one ]] && one=$t
    t=$(run "$jobs" many "${@/NAME/many}")
    [[ -z $many || $t -lt $many ]] && many=$t
  done
  cmp -s "$dir/one.json" "$dir/many.json" || { echo "the totals differ" >&2; exit 1; }
  if [[ $# -gt 0 ]]; then
    cmp -s "$dir/one.csv" "$dir/many.csv" || { echo "the per-recipient files differ" >&2; exit 1; }
  fi
  awk -v form="$form" -v jobs="$jobs" -v one="$one" -v many="$many" -v n="$rows" 'BEGIN {
    printf "| %s | %d ms | %d ms | %.2f million | %.2f× |\n", form, one, many, n / many / 1000,
      one / many }'
}
echo "| output | \`--jobs 1\` | \`--jobs $jobs\` | recipients/s with $jobs | speed-up |"
echo "|---|---:|---:|---:|---:|"
best "totals (\`--json\`)" "$jobs"
best "totals and \`--per-recipient\` CSV" "$jobs" --per-recipient "$dir/NAME.csv"

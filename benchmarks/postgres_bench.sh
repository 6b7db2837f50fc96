#!/usr/bin/env bash
# septet_estimate over 1 million generated recipients in PostgreSQL, with 0 and 2 parallel
# workers, next to the same query counting only char_length (the floor of any per-row function
# there). Needs the extension installed (bash postgres/test.sh BUILD_DIR SEPTET_CLI); run as:
#   pg_virtualenv bash benchmarks/postgres_bench.sh [ROWS]
set -euo pipefail
rows="${1:-1000000}"
psql -X -q -v ON_ERROR_STOP=1 -d postgres <<SQL
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS septet;
DROP TABLE IF EXISTS bench_recipients;
CREATE TABLE bench_recipients AS
SELECT '+4670' || (1000000 + i) AS msisdn,
       CASE WHEN i % 10 = 0 THEN NULL ELSE 'Customer ' || i || repeat('x', i % 120) END AS name
FROM generate_series(1, $rows) AS i;
ANALYZE bench_recipients;
ALTER TABLE bench_recipients SET (parallel_workers = 2);
SQL
# The best of 3 runs, in rows per second.
time_query() {
  local workers="$1" select="$2" best=""
  for _ in 1 2 3; do
    local ms
    ms=$(psql -X -q -At -d postgres -c "SET max_parallel_workers_per_gather = $workers;" \
      -c "SET parallel_setup_cost = 0;" -c '\timing on' -c "$select" |
      sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
    if [[ -z $best ]] || awk "BEGIN{exit !($ms < $best)}"; then best=$ms; fi
  done
  awk -v rows="$rows" -v ms="$best" -v w="$workers" -v what="$3" \
    'BEGIN{printf "| %s | %d | %.0f ms | %.2f million rows/s |\n", what, w, ms, rows / ms / 1000}'
}
estimate="SELECT septet_estimate('Hi \${name}, your order is ready.', msisdn, jsonb_build_object('name', name)) FROM bench_recipients"
floor="SELECT sum(char_length(msisdn) + char_length(coalesce(name, ''))) FROM bench_recipients"
echo "| query | parallel workers | best of 3 | rate |"
echo "|---|---|---|---|"
for workers in 0 2; do
  time_query "$workers" "$floor" "char_length (the floor)"
  time_query "$workers" "$estimate" "septet_estimate"
done
psql -X -q -d postgres -c "DROP TABLE bench_recipients;"

#!/usr/bin/env bash
# septet_estimate's figures equal `septet estimate --json`'s on the same recipients. Run in a
# throw-away cluster: pg_virtualenv bash postgres/compare_cli.sh SEPTET_CLI
set -euo pipefail
cli="$1"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
template='Hi ${name}, your order is ready: show this message at the desk.'
# 2000 recipients: empty names (no value, no default: 405), numbers that are not MSISDNs, names
# up to 249 characters (1 to 3 parts), an emoji or a euro sign now and then.
python3 - "$dir/recipients.csv" <<'PY'
import csv, sys
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["msisdn", "name"])
    for i in range(1, 2001):
        msisdn = "+4670%07d" % (1000000 + i) if i % 97 else "+4670-x%d" % i
        name = "" if i % 11 == 0 else "n" * (i % 250) + ("\U0001F389" if i % 13 == 0 else "") + ("€" if i % 17 == 0 else "")
        w.writerow([msisdn, name])
PY
# Exit status 1: some recipients would fail, as they should here.
status=0
"$cli" estimate --json --no-progress --template "$template" --recipients "$dir/recipients.csv" \
  >"$dir/cli.json" 2>/dev/null || status=$?
if ((status != 1)); then
  echo "septet estimate exited $status, not 1" >&2
  exit 1
fi
cat >"$dir/estimate.sql" <<SQL
CREATE EXTENSION IF NOT EXISTS septet;
CREATE TEMP TABLE recipients (msisdn text, name text);
\\copy recipients FROM '$dir/recipients.csv' WITH (FORMAT csv, HEADER true)
SELECT septet_estimate(\$t\$$template\$t\$, msisdn, jsonb_build_object('name', NULLIF(name, '')))
FROM recipients;
SQL
psql -X -q -At -v ON_ERROR_STOP=1 -d postgres -f "$dir/estimate.sql" >"$dir/sql.json"
python3 - "$dir/cli.json" "$dir/sql.json" <<'PY'
import json, sys
cli, sql = (json.load(open(p)) for p in sys.argv[1:3])
keys = ["recipients", "failed", "parts", "parts_by_encoding", "parts_per_recipient"]
mine = {k: sql[k] for k in keys} | {"by_reason": sql["failures"]["by_reason"]}
theirs = {k: cli[k] for k in keys} | {"by_reason": cli["failures"]["by_reason"]}
if mine != theirs:
    sys.exit("septet_estimate differs from septet estimate --json:\n  SQL: %s\n  CLI: %s" % (mine, theirs))
print("septet_estimate equals septet estimate --json:", json.dumps(mine))
PY

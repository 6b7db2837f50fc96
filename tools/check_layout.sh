#!/usr/bin/env bash
# Checks that keep the code readable (docs/architecture.md), run by tools/test.sh:
# - no function under tools/ longer than 80 lines (universal-ctags finds where each ends);
# - each Sinch limit spelled once: the literals of sinch/rules.hpp appear in no other code.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0

longest=80
too_long=$(ctags --fields=+neK --kinds-C++=f --sort=no -R -o - --output-format=json tools \
  | python3 -c '
import json, sys
limit = int(sys.argv[1])
for line in sys.stdin:
    tag = json.loads(line)
    if tag.get("kind") == "function" and "end" in tag:
        length = tag["end"] - tag["line"] + 1
        if length > limit:
            print("%s:%d: %s is %d lines" % (tag["path"], tag["line"], tag["name"], length))
' "$longest")
if [[ -n $too_long ]]; then
  echo "functions over $longest lines (split them by meaning):"
  echo "$too_long"
  status=1
fi

# Sinch's limits: 1000 recipients, 2000 characters, 2048 for references and URLs, 140 binary
# octets. Comments and help texts may name them; code must use the constants (a number that
# only looks like one says so: "// not a Sinch limit").
literal_uses=$(git grep -nE '(^|[^0-9.x])(1000|2000|2048)([^0-9]|$)' -- \
  ':(glob)include/**/*.hpp' ':(glob)tools/**/*.cpp' ':(glob)tools/**/*.hpp' ':(glob)web/*.cpp' ':(glob)web/*.mjs' \
  | grep -vE '^[^:]+:[0-9]+:\s*(//|\*|/\*)' \
  | grep -vE '//.*(1000|2000|2048)' \
  | grep -v '^include/septet/sinch/rules.hpp:' \
  | grep -v 'not a Sinch limit' \
  | grep -v '^include/septet/options.hpp:.*default_max_characters = 2000' \
  | grep -vE '"[^"]*(1000|2000|2048)[^"]*"' || true)
if [[ -n $literal_uses ]]; then
  echo "Sinch limits spelled outside sinch/rules.hpp (use the named constants):"
  echo "$literal_uses"
  status=1
fi
exit "$status"

#!/usr/bin/env bash
# Builds the septet extension with PGXS in BUILD_DIR (out of the source tree), installs it into
# this machine's PostgreSQL, runs its pg_regress suites in a throw-away cluster, and checks its
# campaign estimate against the septet CLI's (compare_cli.sh):
#   bash postgres/test.sh BUILD_DIR SEPTET_CLI [EXTRA_CXXFLAGS]
set -euo pipefail
src="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$1"
cd "$1"
pgxs=(-f "$src/Makefile" VPATH="$src" srcdir="$src" SEPTET_PG_WARNINGS="${3:-}")
# From clean: PGXS does not track header dependencies unless PostgreSQL was configured to.
make -s "${pgxs[@]}" clean
make -s "${pgxs[@]}"
make -s "${pgxs[@]}" install
if ! pg_virtualenv make -s "${pgxs[@]}" installcheck; then
  cat regression.diffs >&2 || true
  exit 1
fi
pg_virtualenv bash "$src/compare_cli.sh" "$2"

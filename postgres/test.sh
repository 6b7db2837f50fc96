#!/usr/bin/env bash
# Builds the septet extension with PGXS in BUILD_DIR (out of the source tree), installs it into
# this machine's PostgreSQL and runs its pg_regress suite in a throw-away cluster:
#   bash postgres/test.sh BUILD_DIR [EXTRA_CXXFLAGS]
set -euo pipefail
src="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$1"
cd "$1"
pgxs=(-f "$src/Makefile" VPATH="$src" srcdir="$src" SEPTET_PG_WARNINGS="${2:-}")
make -s "${pgxs[@]}"
make -s "${pgxs[@]}" install
if ! pg_virtualenv make -s "${pgxs[@]}" installcheck; then
  cat regression.diffs >&2 || true
  exit 1
fi

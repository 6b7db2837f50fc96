#!/bin/sh
# Builds and runs the consumer programs as a Make or autotools user would, with only the compiler
# and pkg-config: septet.pc for the core, septet-sinch.pc for the Sinch adapter.
#   pkg_config_consumer.sh CXX WORK_DIR [sinch]
# PKG_CONFIG_PATH (if set) points at an installed prefix's share/pkgconfig.
set -eu
cxx=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
# shellcheck disable=SC2046  # pkg-config's output is a list of flags
"$cxx" -std=c++20 $(pkg-config --cflags septet) "$here/consumer.cpp" -o "$work/consumer_pc"
"$work/consumer_pc"
echo "pkg-config septet: $(pkg-config --modversion septet), consumer built and passed"
if [ "${3:-}" = sinch ]; then
  # shellcheck disable=SC2046
  "$cxx" -std=c++20 $(pkg-config --cflags septet-sinch) "$here/consumer_sinch.cpp" \
    $(pkg-config --libs septet-sinch) -o "$work/consumer_sinch_pc"
  "$work/consumer_sinch_pc"
  echo "pkg-config septet-sinch: consumer built and passed"
fi

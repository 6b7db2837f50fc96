#!/bin/sh
# Run inside a fresh Debian 12 (tools/fresh-debian.sh) from a clone of septet, with the Debian
# packages built by cpack in DEBS:
#   sh tests/packaging/fresh_debian.sh DEBS
# 1. With only cmake, g++ and libutfcpp-dev: septet configures, names each part it skips, and
#    installs its headers, CMake package and pkg-config file.
# 2. The .deb files install with apt (their dependencies from Debian), a find_package consumer
#    and a pkg-config consumer build and run against them, and the installed septet runs.
set -eu
debs=$1
export DEBIAN_FRONTEND=noninteractive

step() { printf '\n== %s\n' "$*"; }
fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# As a user types it: apt also brings what cmake recommends (make), as it does by default.
step "apt-get install cmake g++ libutfcpp-dev (nothing else)"
apt-get update -qq
apt-get install -y -qq cmake g++ libutfcpp-dev >/dev/null

step "cmake -S . -B build && cmake --install build --prefix /tmp/prefix"
cmake -S . -B /tmp/headers-only >/tmp/configure.log 2>&1 || {
  cat /tmp/configure.log
  fail "configure with only utfcpp"
}
grep 'septet: .* not built' /tmp/configure.log
for part in 'septet::sinch' 'the septet CLI' 'the tests'; do
  grep -q "septet: $part.* not built: " /tmp/configure.log || fail "no line names '$part' as skipped"
done
cmake --install /tmp/headers-only --prefix /tmp/prefix >/dev/null
for file in include/septet/septet.hpp share/cmake/septet/septetConfig.cmake share/pkgconfig/septet.pc; do
  [ -f "/tmp/prefix/$file" ] || fail "not installed: $file"
done
[ ! -e /tmp/prefix/share/pkgconfig/septet-sinch.pc ] || fail "septet-sinch.pc installed without the adapter"
grep -q '^prefix=/tmp/prefix$' /tmp/prefix/share/pkgconfig/septet.pc || fail "septet.pc has another prefix"
echo "installed: headers, CMake package, septet.pc"

step "apt-get install ./libseptet-dev_*.deb ./septet_*.deb pkg-config"
apt-get install -y -qq "$debs"/libseptet-dev_*.deb "$debs"/septet_*.deb pkg-config >/dev/null
dpkg-query -W -f='${Package} ${Version} ${Architecture}: depends ${Depends}\n' libseptet-dev septet

step "a find_package(septet COMPONENTS sinch) consumer"
cmake -S tests/packaging/find_package -B /tmp/find_package >/dev/null
cmake --build /tmp/find_package >/dev/null
(cd /tmp/find_package && ctest --output-on-failure) >/tmp/ctest.log 2>&1 || {
  cat /tmp/ctest.log
  fail "the find_package consumers"
}
grep 'tests passed' /tmp/ctest.log

step "a pkg-config consumer (septet, septet-sinch)"
sh tests/packaging/pkg_config_consumer.sh g++ /tmp/pkg_config sinch

step "septet inspect 'Hi €' (the installed command)"
out=$(septet inspect 'Hi €')
echo "$out"
echo "$out" | grep -q 'gsm7' || fail "the installed septet did not inspect"
septet --version
echo
echo "fresh Debian 12: the packages install and their consumers build and run"

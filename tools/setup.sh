#!/usr/bin/env bash
# Installs the Debian packages septet needs, only those missing.
#   bash tools/setup.sh run    # build the library and the septet CLI
#   bash tools/setup.sh web    # also emscripten, node and chromium (web/build.sh)
#   bash tools/setup.sh test   # everything the test suite needs (includes web)
set -euo pipefail

# The CLI's Sinch commands need libcurl (client), OpenSSL (signatures) and cpp-httplib (sandbox),
# which CMake finds through pkg-config.
packages=(cmake ninja-build g++ libutfcpp-dev libcli11-dev nlohmann-json3-dev libcsv-dev
  libphonenumber-dev libcurl4-openssl-dev libssl-dev libcpp-httplib-dev pkg-config)
if [[ "${1:-run}" == test || "${1:-run}" == web ]]; then
  # emscripten (with node-acorn, which it needs to optimise JS), node, and Chromium for the
  # WebAssembly build and its browser test.
  packages+=(emscripten node-acorn chromium)
  command -v node >/dev/null || packages+=(nodejs)
fi
if [[ "${1:-run}" == test ]]; then
  # googletest, Google Benchmark, UAX #29 conformance data, libgammu (wire-format cross-check),
  # clang with its sanitizer runtimes, clang-format.
  packages+=(libgtest-dev libbenchmark-dev librapidcheck-dev unicode-data libgammu-dev clang
    libclang-rt-dev clang-format)
  # The NEON fast path: an AArch64 cross compiler, qemu to run what it builds, and googletest's
  # sources to build the test framework for it.
  packages+=(g++-aarch64-linux-gnu qemu-user googletest)
  # The Debian packages (cpack: dpkg-shlibdeps, file) and the fresh Debian 12 they are installed
  # on (tools/fresh-debian.sh: mmdebstrap).
  packages+=(dpkg-dev file mmdebstrap)
  # The layout checks (tools/check_layout.sh): function lengths through universal-ctags.
  packages+=(universal-ctags python3)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi
echo "septet: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

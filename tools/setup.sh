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
  # The Debian packages (cpack: dpkg-shlibdeps, file), the fresh Debian 12 they are installed on
  # (tools/fresh-debian.sh: mmdebstrap), and Debian's compiler flags for the benchmarks' baseline
  # build (dpkg-buildflags).
  packages+=(dpkg-dev file mmdebstrap)
  # The layout checks (tools/check_layout.sh): function lengths through universal-ctags.
  packages+=(universal-ctags python3)
  # The official Sinch Node SDK test (tests/sinch_sdk): npm to install it (Debian's nodejs
  # package has no npm).
  command -v npm >/dev/null || packages+=(npm)
  # The PostgreSQL extension (postgres/): PGXS and the server headers, and a server for its
  # pg_regress suite (pg_virtualenv, from postgresql-common).
  packages+=(postgresql-15 postgresql-server-dev-15)
  # The smstools cross-check (tests/cross_check/smstools_test.cpp) runs smsd, which needs libmm;
  # smsd itself is extracted below.
  packages+=(libmm14)
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi

install_missing() {
  echo "septet: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} > 0)); then
  install_missing
fi

# The Sinch Node SDK at the versions package-lock.json pins, into tests/sinch_sdk/node_modules
# (the ctest test sinch_sdk.node_sdk_drives_the_sandbox needs it; SEPTET_REQUIRE_ALL makes its
# absence a configure error).
if [[ "${1:-run}" == test ]]; then
  sdk="$root/tests/sinch_sdk"
  if [[ ! -f $sdk/node_modules/.package-lock.json ]] ||
    ! cmp -s "$sdk/package-lock.json" "$sdk/node_modules/.septet-lock"; then
    echo "septet: npm ci in tests/sinch_sdk" >&2
    (cd "$sdk" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$sdk/package-lock.json" "$sdk/node_modules/.septet-lock"
  fi
fi

# smsd, from Debian's smstools, for the cross-check of the national language IEs: the package's
# files extracted under build/deps/smstools (tests/CMakeLists.txt looks there), not installed,
# since installing it sets up a system service and starts the daemon. An installed smsd is used
# as it is.
smsd="$root/build/deps/smstools/usr/sbin/smsd"
if [[ "${1:-run}" == test && ! -x /usr/sbin/smsd && ! -x $smsd ]]; then
  echo "septet: extracting Debian's smstools into build/deps/smstools" >&2
  download=$(mktemp -d)
  # As root, apt would hand the download to its _apt user, who cannot write to this directory.
  as_root=()
  if [[ $(id -u) -eq 0 ]]; then
    as_root=(-o APT::Sandbox::User=root)
  fi
  if ! (cd "$download" && apt-get download -qq "${as_root[@]}" smstools 2>/dev/null); then
    "${sudo[@]}" apt-get update -qq
    (cd "$download" && apt-get download -qq "${as_root[@]}" smstools)
  fi
  mkdir -p "$root/build/deps"
  dpkg-deb -x "$download"/smstools_*.deb "$root/build/deps/smstools"
  rm -rf "$download"
fi

#!/usr/bin/env bash
# Runs a command as a new user would meet septet: on a fresh, minimal Debian 12 (only apt, git,
# ca-certificates and sudo) holding a fresh clone of this checkout's committed HEAD. What this
# machine happens to have installed is not there, so a package missing from tools/setup.sh
# shows up as the failure a newcomer would see. .ci/run runs the quick start this way, and
# tools/test.sh installs the Debian packages this way.
#
#   bash tools/fresh-debian.sh 'bash tools/quickstart.sh'
#   bash tools/fresh-debian.sh --with build/packages 'sh tests/packaging/fresh_debian.sh /root/with'
#
# --with DIR copies DIR to /root/with inside. Needs root (mmdebstrap, chroot, mounts) and Debian's
# mirror. The base system is made once (mmdebstrap, about 30 s) and kept in
# ${SEPTET_FRESH_DEBIAN_CACHE:-~/.cache/septet/fresh-debian}; each run works on a copy of it and
# deletes the copy. Prints the command's output and exits with its status.
set -euo pipefail
cd "$(dirname "$0")/.."

with=
if [[ ${1:-} == --with ]]; then
  with=$(realpath "$2")
  shift 2
fi
if (($# != 1)); then
  echo "usage: bash tools/fresh-debian.sh [--with DIR] 'COMMAND'" >&2
  exit 2
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "tools/fresh-debian.sh needs root (chroot and mounts)" >&2
  exit 2
fi

base=${SEPTET_FRESH_DEBIAN_CACHE:-$HOME/.cache/septet/fresh-debian}
if [[ ! -f $base/.ready ]]; then
  command -v mmdebstrap >/dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
  # The mirror this machine's apt uses (deb822 or one-line sources).
  mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [[ -z $mirror ]]; then
    mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
  fi
  if [[ -z $mirror ]]; then
    echo "fresh-debian: no Debian mirror in apt's sources" >&2
    exit 1
  fi
  rm -rf "$base"
  mkdir -p "$base"
  echo "fresh-debian: making a minimal Debian 12 from $mirror" >&2
  mmdebstrap --quiet --variant=apt --include=git,ca-certificates,sudo bookworm "$base" \
    "deb $mirror bookworm main" "deb $mirror bookworm-updates main" >/dev/null
  touch "$base/.ready"
fi

work=$(mktemp -d)
root=$work/root
unmount_all() {
  for m in dev sys proc; do
    umount -l "$root/$m" 2>/dev/null || true
  done
  # Never delete through a mount that is still there: it would be this machine's /dev or /sys.
  if grep -q " $root/" /proc/mounts; then
    echo "fresh-debian: $root still has mounts; left in place" >&2
  else
    rm -rf "$work"
  fi
}
trap unmount_all EXIT
cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
git clone -q "$PWD" "$root/root/septet"
if [[ -n $with ]]; then
  cp -a "$with" "$root/root/with"
fi
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
# Unmounting them here later must not propagate to this machine's own /sys and /dev.
mount --make-rslave "$root/sys"
mount --make-rslave "$root/dev"
set +e
chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 CI=true \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
  bash -lc "cd /root/septet && $1" </dev/null
status=$?
set -e
exit $status

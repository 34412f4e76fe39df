#!/usr/bin/env bash
# The Swift toolchain for the Linux side of the iOS tests (DESIGN §8): Debian 13 "trixie"'s
# `swiftlang` 6.0.3 (swiftc, SwiftPM, Foundation, XCTest, Observation) in a debootstrap chroot kept
# in a cache folder outside the repository, so a Debian 12 machine needs no foreign packages.
#
#   tests/swift/toolchain.sh ensure                 make the chroot if needed, print where it is
#   tests/swift/toolchain.sh run DIR... -- CMD...   run CMD in the chroot, with each DIR (absolute
#                                                   host paths) visible at the same path inside
#   tests/swift/toolchain.sh path                   print the chroot's path
#
# Cache: ${PHOTODAY_CACHE:-$HOME/.cache/photoday}/swift-trixie (about 3.3 GB). It is built in
# swift-trixie.partial and renamed only when swiftc runs in it, so a run killed midway leaves a
# .partial: the next run finishes it if debootstrap had completed (stamp .photoday-debootstrap-ok),
# and otherwise deletes it and starts again.
#
# Mounts: the chroot is only ever entered through `unshare --mount --propagation private --pid
# --fork --kill-child`; /proc, /dev and the DIRs are mounted inside that private namespace, so the
# host never sees them and they vanish with its last process, also when it is killed (--kill-child
# takes the whole PID namespace down with unshare). debootstrap, which mounts /proc and /sys in its
# target, runs inside such a namespace too. Needs root (CI runs as root) and only Debian packages:
# debootstrap on the host, swiftlang and libc6-dev from Debian's mirror in the chroot.
set -euo pipefail

cache="${PHOTODAY_CACHE:-$HOME/.cache/photoday}"
root="$cache/swift-trixie"
partial="$root.partial"
ready_stamp=".photoday-swift-ready"
suite=trixie
mirror="${PHOTODAY_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
packages=(swiftlang libc6-dev)

say() { echo "== Swift toolchain: $*"; }
die() { echo "tests/swift/toolchain.sh: $*" >&2; exit 1; }

# Refuses to delete a tree that has anything mounted below it (a bind of /dev would be emptied).
remove_tree() {
  local dir="$1"
  [ -e "$dir" ] || return 0
  if awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
    die "$dir has mounts below it (see findmnt); unmount them before it can be rebuilt"
  fi
  rm -rf --one-file-system "$dir"
}

# inside ROOT DIR... -- CMD...: runs as PID 1 of the private namespaces made by `enter`.
inside() {
  local chroot_dir="$1"
  shift
  local binds=()
  while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do binds+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  mount -t proc proc "$chroot_dir/proc"
  mount --rbind /dev "$chroot_dir/dev"
  local d
  for d in ${binds[@]+"${binds[@]}"}; do
    mkdir -p "$chroot_dir$d"
    mount --bind "$d" "$chroot_dir$d"
  done
  cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf" 2>/dev/null || true
  # A clean environment: the host's PATH, cargo or venv settings mean nothing in there.
  exec chroot "$chroot_dir" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
    HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" DEBIAN_FRONTEND=noninteractive \
    ${PHOTODAY_FIXTURES:+PHOTODAY_FIXTURES="$PHOTODAY_FIXTURES"} \
    ${RUST_BACKTRACE:+RUST_BACKTRACE="$RUST_BACKTRACE"} \
    /bin/bash -c 'cd "$1" && shift && exec "$@"' bash "${PHOTODAY_CHROOT_CWD:-/}" "$@"
}

# enter ROOT DIR... -- CMD...: CMD in the chroot, in private mount and PID namespaces.
enter() {
  unshare --mount --propagation private --pid --fork --kill-child -- "$0" __inside "$@"
}

ensure() {
  if [ -f "$root/$ready_stamp" ]; then
    say "using $root ($(cat "$root/$ready_stamp"))"
    return 0
  fi
  [ "$(id -u)" = 0 ] || die "making the chroot needs root (debootstrap, chroot, unshare)"
  local start step
  start=$(date +%s)
  if [ -e "$root" ]; then
    say "$root has no $ready_stamp: a half-made chroot, removing it"
    remove_tree "$root"
  fi
  mkdir -p "$cache"
  if ! command -v debootstrap >/dev/null; then
    say "installing debootstrap (Debian package) on the host"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 install -y -q debootstrap >/dev/null || {
      apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
      apt-get -o DPkg::Lock::Timeout=600 install -y -q debootstrap >/dev/null
    }
  fi
  if [ -e "$partial" ] && [ ! -f "$partial/.photoday-debootstrap-ok" ]; then
    say "$partial was left by an interrupted debootstrap, removing it"
    remove_tree "$partial"
  fi
  if [ ! -e "$partial" ]; then
    step=$(date +%s)
    say "debootstrap --variant=minbase $suite $partial ($mirror; about a minute)"
    unshare --mount --propagation private --pid --fork --kill-child -- \
      debootstrap --variant=minbase "$suite" "$partial" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
        tail -n 20 "$cache/debootstrap.log" >&2
        die "debootstrap failed (log: $cache/debootstrap.log)"
      }
    touch "$partial/.photoday-debootstrap-ok"
    say "debootstrap done in $(($(date +%s) - step)) s"
  else
    say "resuming $partial (debootstrap had finished)"
  fi
  step=$(date +%s)
  say "apt-get install --no-install-recommends ${packages[*]} in the chroot (a minute or two, ~3 GB)"
  enter "$partial" -- /bin/sh -c "dpkg --configure -a && apt-get update -q && \
    apt-get install -y -q --no-install-recommends ${packages[*]} && apt-get clean" \
    >"$cache/apt.log" 2>&1 || {
      tail -n 20 "$cache/apt.log" >&2
      die "installing ${packages[*]} in the chroot failed (log: $cache/apt.log)"
    }
  say "packages installed in $(($(date +%s) - step)) s"
  local version
  version="$(enter "$partial" -- swift --version 2>&1 | head -n 1)" || die "swift does not run in $partial: $version"
  echo "$version; made $(date -u +%Y-%m-%dT%H:%MZ)" >"$partial/$ready_stamp"
  mv "$partial" "$root"
  say "ready in $(($(date +%s) - start)) s: $root ($version)"
}

case "${1:-}" in
  ensure) ensure ;;
  path) echo "$root" ;;
  run)
    shift
    [ -f "$root/$ready_stamp" ] || die "no toolchain in $root: run $0 ensure first"
    enter "$root" "$@"
    ;;
  __inside) shift; inside "$@" ;;
  *) echo "usage: $0 ensure | path | run DIR... -- CMD..." >&2; exit 2 ;;
esac

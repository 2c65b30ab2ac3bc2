#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# deb-check.sh [--install]: builds the Debian package from build/ with cpack, shows its control
# fields and contents, and with --install installs it with apt-get (which resolves its
# dependencies), runs the installed `bouncetolk --example` and `man -w bouncetolk`, and purges
# the package again. CI (.ci/run) runs it with --install, as root on a machine of its own;
# tests/cli/package_test.cpp does the part that installs nothing, under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/CPackConfig.cmake ] || { echo "deb-check: build first (scripts/setup.sh)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd build && cpack -B "$out" > /dev/null)
deb=$(ls "$out"/bouncetolk_*.deb)
dpkg-deb -I "$deb"
dpkg-deb -c "$deb"
[ "${1:-}" = --install ] || exit 0

if dpkg-query -W -f='${Status}' bouncetolk 2>/dev/null | grep -q "install ok installed"; then
  echo "deb-check: a bouncetolk package is installed already; leaving it alone" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$deb" > "$out/apt.log" 2>&1 ||
  { cat "$out/apt.log" >&2; exit 1; }
status=0
/usr/bin/bouncetolk --example > /dev/null || status=$?
man -w bouncetolk > /dev/null 2>&1 || [ -f /usr/share/man/man1/bouncetolk.1 ] || status=1
DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq bouncetolk > /dev/null 2>&1
if [ "$status" -ne 0 ]; then
  echo "deb-check: the installed bouncetolk did not run (status $status)" >&2
  exit 1
fi
echo "deb-check: $(basename "$deb") installed with its dependencies, ran and was removed"

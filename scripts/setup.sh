#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# setup.sh: the newcomer's one command. Installs the Debian packages bouncetolk needs (only
# when one is missing; apt-get update only then), builds into build/, and then either explains
# the example bounce built into the program (default) or runs the whole test suite (--test).
#
#   scripts/setup.sh          install, build, run bouncetolk on the embedded example bounce
#   scripts/setup.sh --test   install, build, run all tests (ctest)
#   scripts/setup.sh --sanitize   install, build with ASan+UBSan into build-asan/, run all tests
set -euo pipefail
cd "$(dirname "$0")/.."

mode=example
case "${1:-}" in
  "") ;;
  --test) mode=test ;;
  --sanitize) mode=sanitize ;;
  *) echo "usage: $0 [--test|--sanitize]" >&2; exit 2 ;;
esac

packages=(g++ cmake ninja-build pkg-config libcli11-dev libfmt-dev libgtest-dev libmimetic-dev
          libre2-dev nlohmann-json3-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
if [ "$mode" = sanitize ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBT_SANITIZE=ON >/dev/null
  cmake --build build-asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"
  exit
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"
if [ "$mode" = test ]; then
  ctest --test-dir build --output-on-failure -j "$jobs"
else
  ./build/bouncetolk --example
fi

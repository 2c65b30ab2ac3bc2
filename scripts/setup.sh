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
#   scripts/setup.sh --fuzz   install clang too, build the libFuzzer targets into build-fuzz/ and
#                             run each for FUZZ_SECONDS (default 60) with scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."

mode=example
case "${1:-}" in
  "") ;;
  --test) mode=test ;;
  --sanitize) mode=sanitize ;;
  --fuzz) mode=fuzz ;;
  *) echo "usage: $0 [--test|--sanitize|--fuzz]" >&2; exit 2 ;;
esac

packages=(g++ cmake ninja-build pkg-config libcli11-dev libfmt-dev libgtest-dev libmimetic-dev
          libre2-dev nlohmann-json3-dev libmimalloc-dev zlib1g-dev libbz2-dev liblzma-dev
          libzstd-dev dpkg-dev)
if [ "$mode" = fuzz ]; then
  packages+=(clang libclang-rt-14-dev)  # libFuzzer and the sanitizer runtimes of Debian 12's clang
fi
if [ "$mode" = test ] || [ "$mode" = sanitize ]; then
  # What the tests of the recipes (tests/cli/recipes_test.cpp, docs/recipes.md) and of the
  # completions run; about 15 MB installed, a few seconds to install. script(1) is in bsdutils.
  packages+=(jq procmail maildrop mutt mblaze parallel zsh bsdutils)
fi
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
if [ "$mode" = fuzz ]; then
  if ! command -v clang++ >/dev/null; then
    echo "setup: clang++ is not installed; skipping the fuzz targets" >&2
    exit 0
  fi
  # One target at a time, one process each (see scripts/fuzz.sh); any crash fails the run.
  mkdir -p build-fuzz
  for target in analyze dsn_fields codes mbox; do
    echo "setup: fuzzing $target for ${FUZZ_SECONDS:-60} s" >&2
    log=build-fuzz/$target.log
    if ! scripts/fuzz.sh "$target" "${FUZZ_SECONDS:-60}" >"$log" 2>&1; then
      tail -n 40 "$log" >&2
      echo "setup: fuzz target $target failed (log above; a crashing input is kept in build-fuzz/artifacts/$target/)" >&2
      exit 1
    fi
    grep -E '^(Done|stat::number_of_executed_units)' "$log" >&2 || true
  done
  exit
fi
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

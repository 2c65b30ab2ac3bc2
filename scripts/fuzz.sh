#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# fuzz.sh: runs one libFuzzer target for a while, single process (one job, one worker).
#
#   scripts/fuzz.sh TARGET SECONDS     TARGET: analyze, dsn_fields, codes or mbox
#
# Configures and builds build-fuzz/ with clang (-DBT_FUZZ=ON) when needed, seeds
# build-fuzz/corpus/TARGET (outside git) from ../shared/corpus/sisimai/eml and tests/golden/*.eml,
# and keeps what the fuzzer finds there for the next run. Crashes land in
# build-fuzz/artifacts/TARGET/; turn each into a regression test (tests/hostile/). Exit status
# is libFuzzer's: 0 when nothing was found.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 2 ]; then
  echo "usage: $0 TARGET SECONDS   (TARGET: analyze, dsn_fields, codes, mbox)" >&2
  exit 2
fi
target=$1
seconds=$2
case "$target" in
  analyze|dsn_fields|codes|mbox) ;;
  *) echo "fuzz.sh: unknown target '$target'" >&2; exit 2 ;;
esac
if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang++ not found; install it with scripts/setup.sh --fuzz" >&2
  exit 2
fi

build=build-fuzz
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBT_FUZZ=ON -DBT_TESTS=OFF >/dev/null
fi
# Quiet when it builds; the compiler's messages when it does not.
if ! build_log=$(ninja -C "$build" -j 2 "${target}_fuzzer" 2>&1); then
  printf '%s\n' "$build_log" >&2
  echo "fuzz.sh: building ${target}_fuzzer failed" >&2
  exit 2
fi

corpus=$build/corpus/$target
artifacts=$build/artifacts/$target
mkdir -p "$corpus" "$artifacts"
seeds=(tests/golden/*.eml data/examples/*.eml)
if [ -d ../shared/corpus/sisimai/eml ]; then
  seeds+=(../shared/corpus/sisimai/eml/*.eml)
fi
if [ -z "$(ls -A "$corpus")" ]; then
  case "$target" in
    analyze|dsn_fields)
      cp "${seeds[@]}" "$corpus"/ ;;
    codes)
      # One seed per line that carries a code: Diagnostic-Code, Status and vendor prose lines.
      # (awk, not head: head would close the pipe early, and pipefail would fail the run.)
      grep -haE '[245][0-9][0-9]|[245]\.[0-9]{1,3}\.[0-9]{1,3}' "${seeds[@]}" | sort -u | awk 'NR <= 3000' |
        split -l 1 -a 4 - "$corpus/line-" ;;
    mbox)
      # Flag byte, then a few messages joined by separator lines, one body line '>From '-quoted.
      i=0
      for f in "${seeds[@]:0:120}"; do
        { printf '\000'; cat "$f"; printf '\nFrom MAILER-DAEMON Thu Apr 29 23:45:32 2013\n>From here\n\n';
          cat "${seeds[$(( (i + 1) % ${#seeds[@]} ))]}"; } >"$corpus/mbox-$i"
        i=$((i + 1))
      done ;;
  esac
fi

# Bounded memory and time per input; one process (no -jobs/-workers: output stays on stderr).
exec "$build/${target}_fuzzer" "$corpus" -max_total_time="$seconds" \
  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$artifacts/"

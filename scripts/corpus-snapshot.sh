#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# corpus-snapshot.sh BIN OUTDIR [CORPUS]: writes what BIN prints for every message of the
# corpus (default ../shared/corpus/sisimai) in every output mode, plus a set of explain
# look-ups, into OUTDIR. Two snapshots are compared with `diff -r` to show that a change of
# structure left the output byte-identical (issue 11), or to review what a rule change did.
set -uo pipefail
bin=$(realpath "$1"); out=$2
corpus=${3:-$(dirname "$0")/../../shared/corpus/sisimai}
mkdir -p "$out"
cd "$corpus/eml" || exit 2
files=(*.eml)
for lang in nl en; do
  "$bin" --color never --lang "$lang" -j 1 "${files[@]}" >"$out/text.$lang" 2>&1; echo "exit $?" >>"$out/text.$lang"
  "$bin" --lang "$lang" --brief -j 1 "${files[@]}" >"$out/brief.$lang" 2>&1
  "$bin" --lang "$lang" --format json -j 1 "${files[@]}" >"$out/json.$lang" 2>&1
  "$bin" --lang "$lang" --summary -j 1 "${files[@]}" >"$out/summary.$lang" 2>&1
  for f in "${files[@]}"; do
    echo "== $f"; "$bin" --lang "$lang" --reply "$f" 2>&1; echo "exit $?"
  done >"$out/reply.$lang"
done
"$bin" --format jsonl -j 1 "${files[@]}" >"$out/jsonl" 2>&1
"$bin" --format csv -j 1 "${files[@]}" >"$out/csv" 2>&1
"$bin" --suppress -j 1 "${files[@]}" >"$out/suppress" 2>&1
for q in 5.1.1 5.7.26 550 571 421 "550 5.7.1 Relay access denied" B-URL 0x800CCC0E 4.4.7 \
         "452 4.2.2 Mailbox full" 5.4.1 "550 5.4.1 Recipient address rejected: Access denied" X.7.1; do
  for lang in nl en; do
    echo "== $lang $q"; "$bin" --lang "$lang" explain "$q" 2>&1; echo "exit $?"
    "$bin" --lang "$lang" --format json explain "$q" 2>&1
  done
done >"$out/explain"
"$bin" --example >"$out/example" 2>&1

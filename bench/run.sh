#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# bench/run.sh: throughput, memory and latency of bouncetolk (see bench/README.md).
# Builds under bench/out/ (ignored by git) a Maildir of N messages made by copying the sample
# corpus round after round, a 50 MiB bounce that returns a large attachment, and then prints:
#   - messages per second and peak RSS of `bouncetolk --format jsonl -j JOBS MAILDIR`
#     (median of RUNS runs), and the CPU time per message (user + system), which does not
#     depend on what else the machine is doing; "if idle" is JOBS CPUs divided by it,
#   - the start-to-exit time of one bounce (median of 200 runs),
#   - time and peak RSS for the 50 MiB bounce.
#
#   bench/run.sh [N]        N messages (default 100000); JOBS=n and RUNS=n override defaults
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-100000}
jobs=${JOBS:-$(nproc)}
runs=${RUNS:-5}
corpus=${CORPUS:-../shared/corpus/sisimai/eml}
bin=build/bouncetolk
out=bench/out
maildir=$out/maildir-$n

if ! command -v /usr/bin/time >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >/dev/null
fi
[ -x "$bin" ] || { echo "bench: build first (scripts/setup.sh)" >&2; exit 2; }
[ -d "$corpus" ] || { echo "bench: no corpus at $corpus (set CORPUS=DIR)" >&2; exit 2; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# --- the Maildir: whole rounds of the corpus, then a partial one -------------------------
if [ ! -f "$maildir/.complete" ]; then
  echo "bench: building $maildir ($n messages)" >&2
  rm -rf "$maildir"
  mkdir -p "$maildir/cur" "$maildir/new" "$maildir/tmp"
  tarball=$out/corpus.tar
  (cd "$corpus" && ls | LC_ALL=C sort > "$OLDPWD/$out/corpus.list")
  per_round=$(wc -l < "$out/corpus.list")
  tar -C "$corpus" -cf "$tarball" -T "$out/corpus.list"
  round=0
  left=$n
  while [ "$left" -gt 0 ]; do
    # Maildir names: time.M<round>P0.<original name>:2,S
    transform="s|^\\(.*\\)\$|$((1700000000 + round)).M${round}P0.\\1:2,S|"
    if [ "$left" -ge "$per_round" ]; then
      tar -C "$maildir/cur" -xf "$tarball" --transform "$transform"
      left=$((left - per_round))
    else
      head -n "$left" "$out/corpus.list" > "$out/partial.list"
      tar -C "$maildir/cur" -xf "$tarball" --transform "$transform" -T "$out/partial.list"
      left=0
    fi
    round=$((round + 1))
  done
  touch "$maildir/.complete"
fi
count=$(find "$maildir/cur" -type f | wc -l)
bytes=$(du -sb "$maildir/cur" | cut -f1)

# --- throughput --------------------------------------------------------------------------
cat "$maildir"/cur/* > /dev/null 2>&1 || find "$maildir/cur" -type f -exec cat {} + > /dev/null  # warm the page cache
echo "bench: $count messages, $((bytes / 1048576)) MiB, -j $jobs, $runs runs, $(nproc) CPUs" >&2
rates=() ; rss=() ; cpus=()
for ((i = 0; i < runs; i++)); do
  /usr/bin/time -f "%e %M %U %S" -o "$out/time.txt" "$bin" --quiet --format jsonl -j "$jobs" "$maildir" > /dev/null || [ $? -eq 3 ]
  read -r secs kb user sys < "$out/time.txt"
  rates+=("$(awk -v n="$count" -v s="$secs" 'BEGIN {printf "%.0f", (s > 0 ? n / s : 0)}')")
  cpus+=("$(awk -v n="$count" -v u="$user" -v s="$sys" 'BEGIN {printf "%.1f", (u + s) * 1e6 / n}')")
  rss+=("$kb")
  echo "  run $((i + 1)): ${secs}s, ${rates[-1]} messages/s, ${cpus[-1]} us CPU/message, peak RSS $((kb / 1024)) MiB" >&2
done
rate=$(printf '%s\n' "${rates[@]}" | median)
cpu=$(printf '%s\n' "${cpus[@]}" | median)
peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
idle=$(awk -v c="$cpu" -v j="$jobs" 'BEGIN {printf "%.0f", (c > 0 ? j * 1e6 / c : 0)}')
echo "throughput: $rate messages/s wall clock (median of $runs); CPU $cpu us/message, so $idle messages/s on $jobs idle CPUs"
echo "peak RSS: $((peak / 1024)) MiB (max of $runs)"
echo "load average during the runs: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows the wall clock)"

# --- one bounce, start to exit -------------------------------------------------------------
one=$corpus/lhost-postfix-01.eml
[ -f "$one" ] || one=$(find "$corpus" -type f | LC_ALL=C sort | head -1)
times=()
for ((i = 0; i < 200; i++)); do
  t0=$EPOCHREALTIME
  "$bin" --format jsonl "$one" > /dev/null
  t1=$EPOCHREALTIME
  times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) * 1000}')")
done
echo "single bounce: $(printf '%s\n' "${times[@]}" | median) ms start to exit (median of 200, from bash: fork and exec included)"
if perf stat -x, -e task-clock true > /dev/null 2>&1; then
  cpu_ms=$(perf stat -x, -r 200 -e task-clock "$bin" --format jsonl "$one" 2>&1 > /dev/null | awk -F, '/task-clock/ {printf "%.2f", $1}')
  echo "single bounce: $cpu_ms ms CPU (perf stat task-clock, mean of 200)"
fi

# --- a 50 MiB bounce returning a large attachment ------------------------------------------
big=$out/big-bounce.eml
if [ ! -f "$big" ]; then
  {
    printf 'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\nTo: sender@example.org\n'
    printf 'Subject: Undelivered Mail Returned to Sender\nDate: Mon, 23 Nov 2026 10:00:00 +0100\n'
    printf 'MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="outer"\n\n'
    printf -- '--outer\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n'
    printf -- '--outer\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n'
    printf 'Final-Recipient: rfc822; nobody@example.com\nAction: failed\nStatus: 5.1.1\n'
    printf 'Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.com>: Recipient address rejected\n\n'
    printf -- '--outer\nContent-Type: message/rfc822\n\nFrom: sender@example.org\nTo: nobody@example.com\n'
    printf 'Subject: the big file\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="inner"\n\n'
    printf -- '--inner\nContent-Type: text/plain\n\nSee the attachment.\n\n'
    printf -- '--inner\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n'
    head -c 38000000 /dev/urandom | base64 -w 76
    printf -- '\n--inner--\n\n--outer--\n'
  } > "$big"
fi
bigt=()
for ((i = 0; i < 5; i++)); do
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$bin" --format jsonl "$big" > /dev/null
  read -r secs kb < "$out/time.txt"
  bigt+=("$secs")
done
echo "50 MiB bounce: $(printf '%s\n' "${bigt[@]}" | median) s (median of 5), peak RSS $((kb / 1024)) MiB, size $(($(stat -c %s "$big") / 1048576)) MiB"

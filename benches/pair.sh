#!/usr/bin/env bash
# A before and an after of one national check, run in pairs: for a change too small
# for benches/run.sh to tell from the load of a shared machine. Each round runs both
# builds one right after the other, in turns (before first, then after first), so
# that both see the same load; the answer is the median of the differences, and in
# how many pairs the after was faster.
#
#   benches/pair.sh BEFORE AFTER                       # 16 pairs, --findings none
#   PAIRS=10 FINDINGS=all benches/pair.sh ../before/target/release/boiduong target/release/boiduong
#
# Environment: PAIRS (default 16), FINDINGS (none, errors or all; default none),
# N (officials, default 2000000; the data of benches/run.sh, generated there).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 2 ]; then
  echo "usage: benches/pair.sh BEFORE AFTER (two builds of boiduong)" >&2
  exit 2
fi
PAIRS=${PAIRS:-16}
FINDINGS=${FINDINGS:-none}
N=${N:-2000000}
DATA=target/bench-data/n$N
if [ ! -f "$DATA/enrolments.csv" ]; then
  echo "no data in $DATA: run benches/run.sh once (N=$N) to generate it" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# one BINARY NAME: wall, user and system seconds of one check
one() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$1" check --roster "$DATA/roster.csv" \
    --enrolments "$DATA/enrolments.csv" --as-of 2026-11-25 --format json \
    --findings "$FINDINGS" --quiet --output "$work/$2.json" >/dev/null 2>&1 || true
  tail -1 "$work/time"
}

for i in $(seq "$PAIRS"); do
  if [ $((i % 2)) = 1 ]; then
    before=$(one "$1" before)
    after=$(one "$2" after)
  else
    after=$(one "$2" after)
    before=$(one "$1" before)
  fi
  echo "$before $after" >>"$work/pairs"
done

python3 - "$work/pairs" "$1" "$2" "$FINDINGS" <<'PY'
import statistics as st
import sys

rows = [list(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
wall = [r[3] - r[0] for r in rows]
cpu = [(r[4] + r[5]) - (r[1] + r[2]) for r in rows]
faster = sum(d < 0 for d in wall)
print(f"--findings {sys.argv[4]}, {len(rows)} pairs")
print(f"before {sys.argv[2]}: wall {st.median(r[0] for r in rows):.2f} s (median)")
print(f"after  {sys.argv[3]}: wall {st.median(r[3] for r in rows):.2f} s (median)")
print(f"after - before: wall {st.median(wall):+.3f} s, user+system {st.median(cpu):+.3f} s "
      f"(medians of the pairs); the after faster in {faster} of {len(rows)} pairs")
PY

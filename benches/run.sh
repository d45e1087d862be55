#!/usr/bin/env bash
# The benchmark at national scale, from the project alone: builds release, generates the
# data if missing (target/bench-data/, never committed), then times on the same files, in
# one run, runs interleaved so that a change of load hits every row alike:
#   - the parse ceiling (a csv StringRecord loop that only counts records, one thread);
#   - boiduong check --findings none (targets and counts only), --findings errors, and
#     the full check --format json (every finding), at national scale, and the same
#     report on stdout into /dev/null (what writing and syncing 660 MB costs, apart);
#   - the DuckDB and polars peers (three rules, counts only, 2 threads) where their
#     scripts and a Python with the library are present;
#   - the full check at a tenth of the rows (linearity) and on a province (1000 officials).
# Prints a Markdown table: median wall time, user and system CPU, peak RSS (/usr/bin/time), and each
# wall time as a ratio to the ceiling measured in this run; then the goals, each with
# "ok" or "MISSED".
#
#   benches/run.sh                  # N=2000000 officials (~800 MB), 3 rounds
#   N=200000 RUNS=1 benches/run.sh  # quicker
#
# Environment: N (officials, default 2000000), RUNS (rounds, default 3), PROVINCE_RUNS
# (default 21), BEFORE (another build of boiduong, e.g. of an earlier commit, whose
# `--findings none` and full check are timed in the same rounds: a before and after
# under the same load), PEERS (the folder of duckdb_peer.py and polars_peer.py; default
# ../shared/bench/peers, else ../shared/bench), PYTHON (a python with duckdb and polars;
# default target/bench-venv/bin/python if present, else python3). Make that venv with
#   python3 -m venv target/bench-venv && target/bench-venv/bin/pip install duckdb polars
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-2000000}
TENTH=$((N / 10))
RUNS=${RUNS:-3}
PROVINCE_RUNS=${PROVINCE_RUNS:-21}
if [ -z "${PEERS:-}" ]; then
  if [ -d ../shared/bench/peers ]; then PEERS=../shared/bench/peers; else PEERS=../shared/bench; fi
fi
DATA=target/bench-data
AS_OF=2026-11-25
if [ -z "${PYTHON:-}" ]; then
  if [ -x target/bench-venv/bin/python ]; then PYTHON=target/bench-venv/bin/python; else PYTHON=python3; fi
fi

cargo build --release --quiet --bin boiduong --example gen --example parse_ceiling
BIN=target/release/boiduong
for n in "$N" "$TENTH" 1000; do
  if [ ! -f "$DATA/n$n/enrolments.csv" ]; then
    echo "generating $n officials into $DATA/n$n" >&2
    target/release/examples/gen -n "$n" --out "$DATA/n$n" >&2
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

files() { echo "$DATA/n$1/roster.csv" "$DATA/n$1/enrolments.csv"; }
# check N FINDINGS [BINARY]: the command line of a check at N officials
check() {
  echo "${3:-$BIN}" check --roster "$DATA/n$1/roster.csv" --enrolments "$DATA/n$1/enrolments.csv" \
    --as-of $AS_OF --format json --findings "$2" --quiet --output "$DATA/report-n$1-$2${3:+-before}.json"
}

# The rows of the table: a name, then its command line.
names=()
declare -A cmd
add() {
  local name=$1
  shift
  names+=("$name")
  cmd[$name]="$*"
}
# shellcheck disable=SC2046
add ceiling target/release/examples/parse_ceiling $(files "$N")
add none "$(check "$N" none)"
add errors "$(check "$N" errors)"
add full "$(check "$N" all)"
# the same report on stdout, into /dev/null: rendering it without writing and syncing a file
add full_null "$(check "$N" all | sed 's/ --output .*//')"
if [ -n "${BEFORE:-}" ]; then
  add before_none "$(check "$N" none "$BEFORE")"
  add before_full "$(check "$N" all "$BEFORE")"
fi
peers=()
if [ -f "$PEERS/duckdb_peer.py" ] && "$PYTHON" -c 'import duckdb' 2>/dev/null; then
  add duckdb env PYTHONPATH="$PEERS" "$PYTHON" "$PEERS/duckdb_peer.py" $(files "$N") 2
  peers+=(duckdb)
fi
if [ -f "$PEERS/polars_peer.py" ] && "$PYTHON" -c 'import polars' 2>/dev/null; then
  add polars env POLARS_MAX_THREADS=2 PYTHONPATH="$PEERS" "$PYTHON" "$PEERS/polars_peer.py" $(files "$N")
  peers+=(polars)
fi
# shellcheck disable=SC2046
add ceiling10 target/release/examples/parse_ceiling $(files "$TENTH")
add tenth "$(check "$TENTH" all)"

# one NAME: run it once under /usr/bin/time; appends "wall user rss_kib system" to its file
one() {
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %U %M %S' -o "$work/time" ${cmd[$1]} >/dev/null 2>&1 || true
  tail -n 1 "$work/time" >>"$work/$1"
}
# median NAME FIELD: the median of a column over the rounds (1 wall, 2 user, 3 rss, 4 system)
median() {
  sort -n -k"$2" "$work/$1" | awk -v k="$2" -v m=$(((RUNS + 1) / 2)) 'NR == m { print $k }'
}
largest() { sort -n -k3 "$work/$1" | awk 'END { print $3 }'; }

load_before=$(uptime | sed 's/.*load average: //')
for _ in $(seq "$RUNS"); do
  for name in "${names[@]}"; do one "$name"; done
done
# a province: many quick runs, the median in milliseconds
province_ms=$(for _ in $(seq "$PROVINCE_RUNS"); do
  start=$EPOCHREALTIME
  # shellcheck disable=SC2046
  $(check 1000 all) >/dev/null 2>&1 || true
  end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", (b - a) * 1000 }'
done | sort -n | awk -v m=$(((PROVINCE_RUNS + 1) / 2)) 'NR == m')
load_after=$(uptime | sed 's/.*load average: //')

ceiling=$(median ceiling 1)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
row() {
  local name=$1 what=$2 base=${3:-$ceiling}
  echo "| $what | $(median "$name" 1) | $(median "$name" 2) | $(median "$name" 4) | $(mib "$(largest "$name")") | $(ratio "$(median "$name" 1)" "$base") |"
}
size=$(du -cm $(files "$N") | awk 'END { print $1 }')

echo
echo "$N officials ($size MB of CSV), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "median of $RUNS interleaved rounds; load average before: $load_before, after: $load_after"
echo
echo "| what | wall s | user s | system s | peak MiB | × ceiling |"
echo "|---|---:|---:|---:|---:|---:|"
row ceiling "parse ceiling: csv StringRecord loop, counts records, one thread"
row none "\`check --findings none\`: 12 rules, every cell validated, targets and counts"
row errors "\`check --findings errors\`"
row full "\`check --format json\`: every finding"
row full_null "the same on stdout into /dev/null: no file written and synced"
if [ -n "${BEFORE:-}" ]; then
  row before_none "before (\`$BEFORE\`): \`check --findings none\`"
  row before_full "before: \`check --format json\`"
fi
for peer in "${peers[@]}"; do
  case $peer in
    duckdb) row duckdb "DuckDB, 2 threads, 3 rules, counts only" ;;
    polars) row polars "polars lazy, 2 threads, 3 rules, counts only" ;;
  esac
done
row tenth "\`check --format json\` at $TENTH officials (× its own ceiling, $(median ceiling10 1) s)" "$(median ceiling10 1)"
echo "| \`check --format json\` at 1000 officials, a province (median of $PROVINCE_RUNS) | $(awk -v ms="$province_ms" 'BEGIN { printf "%.4f", ms / 1000 }') | | | | |"
echo

linear=$(ratio "$(median full 1)" "$(median tenth 1)")
goal() { if awk -v v="$2" -v max="$3" 'BEGIN { exit !(v <= max) }'; then echo "- ok: $1"; else echo "- MISSED: $1"; fi; }
goal "\`--findings none\` at $(ratio "$(median none 1)" "$ceiling")× the ceiling (≤ 1.30)" "$(ratio "$(median none 1)" "$ceiling")" 1.30
goal "the full check at $(ratio "$(median full 1)" "$ceiling")× the ceiling (≤ 2.00)" "$(ratio "$(median full 1)" "$ceiling")" 2.00
goal "peak memory of \`--findings none\` $(mib "$(largest none)") MiB (≤ 512)" "$(mib "$(largest none)")" 512
goal "peak memory of the full check $(mib "$(largest full)") MiB (≤ 512)" "$(mib "$(largest full)")" 512
goal "a province in $province_ms ms (≤ 10)" "$province_ms" 10
goal "10× the rows cost ${linear}× the time (≤ 10.5)" "$linear" 10.5

#!/usr/bin/env bash
# The benchmark at national scale, from the project alone: builds release, generates the data
# if missing (target/bench-data/, never committed), then times on the same files in one
# run: the parse ceiling (a csv StringRecord loop that only counts records), boiduong
# check --format json at national scale, at a tenth of it (linearity) and on a
# province, and the DuckDB peer where ../shared/bench and duckdb are present.
# Prints a Markdown table: median wall time, peak RSS (/usr/bin/time -v), and each
# time as a ratio to the ceiling measured in this run.
#
#   benches/run.sh                  # N=2000000 officials (~800 MB), 3 runs each
#   N=200000 RUNS=1 benches/run.sh  # quicker
#
# Environment: N (officials, default 2000000), RUNS (default 3), PROVINCE_RUNS
# (default 21), PEERS (default ../shared/bench), PYTHON (a python with duckdb; default
# target/bench-venv/bin/python if present, else python3).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-2000000}
TENTH=$((N / 10))
RUNS=${RUNS:-3}
PROVINCE_RUNS=${PROVINCE_RUNS:-21}
PEERS=${PEERS:-../shared/bench}
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

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# measure RUNS CMD...: "wall_s peak_kib": the median wall time (taken around the
# command itself, microseconds) and the largest peak RSS (/usr/bin/time -v, one run).
measure() {
  local runs=$1
  shift
  /usr/bin/time -v -o "$tmp" "$@" >/dev/null 2>&1 || true
  local rss
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp")
  for _ in $(seq "$runs"); do
    local start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    local end=$EPOCHREALTIME
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f\n", b - a }'
  done | sort -n | awk -v m=$(((runs + 1) / 2)) -v rss="$rss" 'NR == m { print $1, rss }'
}

files() { echo "$DATA/n$1/roster.csv" "$DATA/n$1/enrolments.csv"; }
check() { echo "$BIN" check --roster "$DATA/n$1/roster.csv" --enrolments "$DATA/n$1/enrolments.csv" --as-of $AS_OF --format json --output "$DATA/report-n$1.json"; }

load_before=$(uptime | sed 's/.*load average: //')
# shellcheck disable=SC2046
read -r ceiling ceiling_rss < <(measure "$RUNS" target/release/examples/parse_ceiling $(files "$N"))
# shellcheck disable=SC2046
read -r national national_rss < <(measure "$RUNS" $(check "$N"))
# shellcheck disable=SC2046
read -r ceiling10 _ < <(measure "$RUNS" target/release/examples/parse_ceiling $(files "$TENTH"))
# shellcheck disable=SC2046
read -r tenth tenth_rss < <(measure "$RUNS" $(check "$TENTH"))
# shellcheck disable=SC2046
read -r province province_rss < <(measure "$PROVINCE_RUNS" $(check 1000))
duckdb=""
if [ -f "$PEERS/duckdb_peer.py" ] && "$PYTHON" -c 'import duckdb' 2>/dev/null; then
  # shellcheck disable=SC2046
  read -r duckdb duckdb_rss < <(measure "$RUNS" "$PYTHON" "$PEERS/duckdb_peer.py" $(files "$N") 2)
fi
load_after=$(uptime | sed 's/.*load average: //')

mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
size=$(du -cm $(files "$N") | awk 'END { print $1 }')

echo
echo "$N officials ($size MB of CSV), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); load average before: $load_before, after: $load_after"
echo
echo "| what | wall s | peak RSS MiB | × ceiling |"
echo "|---|---:|---:|---:|"
echo "| parse ceiling: csv StringRecord loop, counts records, $N officials | $ceiling | $(mib "$ceiling_rss") | 1.00 |"
echo "| \`boiduong check --format json\`, $N officials (every rule, every column, the report) | $national | $(mib "$national_rss") | $(ratio "$national" "$ceiling") |"
if [ -n "$duckdb" ]; then
  echo "| DuckDB peer, 2 threads, 3 rules, $N officials | $duckdb | $(mib "$duckdb_rss") | $(ratio "$duckdb" "$ceiling") |"
fi
echo "| \`boiduong check --format json\`, $TENTH officials | $tenth | $(mib "$tenth_rss") | $(ratio "$tenth" "$ceiling10") (of its own ceiling, $ceiling10 s) |"
echo "| \`boiduong check --format json\`, 1000 officials (a province; median of $PROVINCE_RUNS) | $province ($(awk -v s="$province" 'BEGIN { printf "%.1f", s * 1000 }') ms) | $(mib "$province_rss") | |"
echo
echo "Linearity: 10× the rows costs $(ratio "$national" "$tenth")× the time (the ceiling: $(ratio "$ceiling" "$ceiling10")×)."

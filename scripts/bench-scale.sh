#!/bin/bash
# bench-scale.sh [SIZES...]: how casebook's time and memory grow with the
# site, against Hugo's. Builds casebook from this repository, generates a
# site of each size (default 1000 10000 100000 cases) with
# ../shared/bench/gencorpus under ${TMPDIR:-/tmp}/vs-hugo-N (the folders and
# .done marks that ../shared/bench/vs-hugo.sh uses, so they are shared), then
# builds each with casebook and Hugo by turns RUNS times (env, default 1) and
# prints a Markdown table: wall time and peak RSS of each (medians when
# RUNS>1), the ratios casebook/Hugo and casebook's MB per 1,000 cases.
# A Hugo build still running after HUGO_LIMIT seconds (env, default 1800)
# is stopped; its row then says "> limit" for the time and "≥" the memory
# it had reached, and the ratios are bounds ("<").
# Installs Debian's hugo (and time) if missing. Works from any folder:
#   RUNS=1 bash scripts/bench-scale.sh 1000 10000 100000
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 100000)
runs=${RUNS:-1}
limit=${HUGO_LIMIT:-1800}
for n in "${sizes[@]}" "$runs" "$limit"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench-scale: SIZES, RUNS and HUGO_LIMIT must be positive numbers, got '$n'" >&2; exit 2; }
done
gen=$repo/../shared/bench/gencorpus
[[ -d $gen ]] || { echo "bench-scale: $gen not found; this needs the shared folder (with bench/) beside the repository" >&2; exit 1; }
if ! command -v hugo >/dev/null || [[ ! -x /usr/bin/time ]]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo time >/dev/null
fi

tmp=${TMPDIR:-/tmp}
cb=$tmp/casebook-scale
(cd "$repo" && go build -o "$cb" ./cmd/casebook)

# timed DIR CMD...: runs CMD in DIR under /usr/bin/time and prints
# "seconds KB stopped", stopped 1 when CMD ran past $limit seconds and was
# stopped; on failure prints the command's stderr and exits non-zero.
timed() {
  local dir=$1; shift
  local status=0
  (cd "$dir" && /usr/bin/time -f "%e %M" -o "$dir/.t" timeout -s TERM "$limit" "$@" >/dev/null 2>"$dir/.err") || status=$?
  if [[ $status -ne 0 && $status -ne 124 ]]; then
    echo "bench-scale: failed in $dir: $*" >&2
    cat "$dir/.err" >&2
    [[ -s $dir/.t ]] && cat "$dir/.t" >&2
    exit 1
  fi
  echo "$(tail -n 1 "$dir/.t") $((status == 124))"
}
med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "casebook $(cd "$repo" && git describe --always --dirty 2>/dev/null || echo '?'), $(hugo version | cut -d' ' -f1-2), RUNS=$runs"
echo
echo "| cases | pages | casebook s | Hugo s | time ratio | casebook MB | Hugo MB | memory ratio | casebook MB / 1k cases |"
echo "|------:|------:|-----------:|-------:|-----------:|------------:|--------:|-------------:|-----------------------:|"
work=
trap '[[ -z $work ]] || rm -rf "$work/out-cb" "$work/out-hugo"' EXIT
for n in "${sizes[@]}"; do
  work=$tmp/vs-hugo-$n
  if [[ ! -f $work/.done ]]; then
    rm -rf "$work"
    (cd "$gen" && go run . -cases "$n" -out "$work" -hugo >/dev/null)
    touch "$work/.done"
  fi
  ct=(); cm=(); ht=(); hm=(); stopped=0
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out-cb" "$work/out-hugo"
    r=$(timed "$work" "$cb" build --out "$work/out-cb"); read -r t m s <<<"$r"; ct+=("$t"); cm+=("$m")
    [[ $s == 0 ]] || { echo "bench-scale: casebook ran past HUGO_LIMIT=$limit s in $work" >&2; exit 1; }
    # Counted and removed before Hugo runs: at 100,000 cases casebook's
    # pages are about 13 GB, which Hugo should not find in the way in a
    # folder kept in memory (TMPDIR=/dev/shm).
    pages=$(find "$work/out-cb" -name '*.html' | wc -l)
    rm -rf "$work/out-cb"
    r=$(timed "$work" hugo --quiet -d "$work/out-hugo"); read -r t m s <<<"$r"; ht+=("$t"); hm+=("$m")
    stopped=$((stopped || s))
  done
  rm -rf "$work/out-hugo" "$work/.t" "$work/.err"
  python3 - "$n" "$pages" "$(med "${ct[@]}")" "$(med "${ht[@]}")" "$(med "${cm[@]}")" "$(med "${hm[@]}")" "$stopped" <<'EOF'
import sys
n, pages = int(sys.argv[1]), int(sys.argv[2])
c, h, cm, hm = (float(x) for x in sys.argv[3:7])
stopped = sys.argv[7] == "1"
cmb, hmb = cm / 1024, hm / 1024
# A stopped Hugo took longer and may have needed more: its figures are
# lower bounds, and the ratios upper bounds.
more, less = ("> ", "< ") if stopped else ("", "")
hmore = "≥ " if stopped else ""
print(f"| {n:,} | {pages:,} | {c:.2f} | {more}{h:.2f} | {less}{c/h:.3f} | {cmb:.0f} | {hmore}{hmb:.0f} | {less}{cm/hm:.3f} | {cmb/(n/1000):.1f} |")
EOF
done

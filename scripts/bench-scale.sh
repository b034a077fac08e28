#!/bin/bash
# bench-scale.sh [SIZES...]: how casebook's time and memory grow with the
# site, against Hugo's. Builds casebook from this repository, generates a
# site of each size (default 1000 10000 100000 cases) with
# ../shared/bench/gencorpus under ${TMPDIR:-/tmp}/vs-hugo-N (the folders and
# .done marks that ../shared/bench/vs-hugo.sh uses, so they are shared), then
# builds each with casebook and Hugo by turns RUNS times (env, default 1) and
# prints a Markdown table: wall time and peak RSS of each (medians when
# RUNS>1), the ratios casebook/Hugo and casebook's MB per 1,000 cases.
# Installs Debian's hugo (and time) if missing. Works from any folder:
#   RUNS=1 bash scripts/bench-scale.sh 1000 10000 100000
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 100000)
runs=${RUNS:-1}
for n in "${sizes[@]}" "$runs"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench-scale: SIZES and RUNS must be positive numbers, got '$n'" >&2; exit 2; }
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
# "seconds KB"; on failure prints the command's stderr and exits non-zero.
timed() {
  local dir=$1; shift
  if ! (cd "$dir" && /usr/bin/time -f "%e %M" -o "$dir/.t" "$@" >/dev/null 2>"$dir/.err"); then
    echo "bench-scale: failed in $dir: $*" >&2
    cat "$dir/.err" >&2
    [[ -s $dir/.t ]] && cat "$dir/.t" >&2
    exit 1
  fi
  tail -n 1 "$dir/.t"
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
  ct=(); cm=(); ht=(); hm=()
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out-cb" "$work/out-hugo"
    r=$(timed "$work" "$cb" build --out "$work/out-cb"); read -r t m <<<"$r"; ct+=("$t"); cm+=("$m")
    r=$(timed "$work" hugo --quiet -d "$work/out-hugo"); read -r t m <<<"$r"; ht+=("$t"); hm+=("$m")
  done
  pages=$(find "$work/out-cb" -name '*.html' | wc -l)
  rm -rf "$work/out-cb" "$work/out-hugo" "$work/.t" "$work/.err"
  python3 - "$n" "$pages" "$(med "${ct[@]}")" "$(med "${ht[@]}")" "$(med "${cm[@]}")" "$(med "${hm[@]}")" <<'EOF'
import sys
n, pages = int(sys.argv[1]), int(sys.argv[2])
c, h, cm, hm = (float(x) for x in sys.argv[3:])
cmb, hmb = cm / 1024, hm / 1024
print(f"| {n:,} | {pages:,} | {c:.2f} | {h:.2f} | {c/h:.3f} | {cmb:.0f} | {hmb:.0f} | {cm/hm:.3f} | {cmb/(n/1000):.1f} |")
EOF
done

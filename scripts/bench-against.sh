#!/usr/bin/env bash
# bench-against.sh REV [CASES] [RUNS]: times this checkout's build against
# the build of git revision REV on the same generated library (CASES cases,
# default 2000, from ../shared/bench/gencorpus), RUNS times each (default
# 7), by turns so that both meet the same load. It prints the median wall
# time and the median CPU time (user + system) of each, and their ratio.
# CPU time is the figure to trust on a busy machine.
set -euo pipefail
rev=${1:?usage: bench-against.sh REV [CASES] [RUNS]}
cases=${2:-2000}
runs=${3:-7}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$repo" worktree add -q --detach "$work/base" "$rev"
(cd "$work/base" && go build -o "$work/casebook-base" ./cmd/casebook)
(cd "$repo" && go build -o "$work/casebook-head" ./cmd/casebook)
(cd "$repo/../shared/bench/gencorpus" && go run . -cases "$cases" -out "$work/site" >/dev/null)

for ((i = 0; i < runs; i++)); do
  for b in base head; do
    rm -rf "$work/out-$b"
    /usr/bin/time -f "%e %U %S" -a -o "$work/times-$b" "$work/casebook-$b" build --out "$work/out-$b" "$work/site" >/dev/null 2>&1
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for b in base head; do
  wall=$(awk '{print $1}' "$work/times-$b" | median)
  cpu=$(awk '{print $2+$3}' "$work/times-$b" | median)
  printf '%s\t%s s wall\t%s s cpu\n' "$b" "$wall" "$cpu"
  eval "cpu_$b=$cpu"
done
awk -v h="$cpu_head" -v b="$cpu_base" 'BEGIN {printf "head/base CPU time: %.3f\n", h/b}'

#!/usr/bin/env bash
# pgo.sh [CASES]: remakes cmd/casebook/default.pgo, the CPU profile that
# `go build` uses for profile-guided optimisation of casebook, from a
# build of a generated library of CASES cases (default 2000) and a few
# rebuilds of the sample library: the mix of work a release does. Run it
# after large changes to the build; docs/benchmarks.md says what it gains.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cases=${1:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && go build -pgo=off -o "$work/casebook" ./cmd/casebook)
(cd "$repo/../shared/bench/gencorpus" && go run . -cases "$cases" -out "$work/site" >/dev/null)
CASEBOOK_CPUPROFILE="$work/big.pprof" "$work/casebook" build --out "$work/out" "$work/site" >/dev/null 2>&1
for i in 1 2 3; do
  CASEBOOK_CPUPROFILE="$work/sample$i.pprof" "$work/casebook" build --out "$work/sample-out" "$repo" >/dev/null 2>&1
done
go tool pprof -proto "$work/big.pprof" "$work"/sample*.pprof >"$repo/cmd/casebook/default.pgo" 2>/dev/null
echo "wrote cmd/casebook/default.pgo ($(wc -c <"$repo/cmd/casebook/default.pgo") bytes)"

#!/bin/bash
# bench-charts.sh [CASES] [RUNS]: what the charts cost. Generates a site of
# CASES cases (default 10000) with ../shared/bench/gencorpus, builds it
# RUNS times (default 3) as is and RUNS times with layouts that draw no
# charts (the built-in layouts with every chart call taken out), and
# prints the median of each and the size of the insights pages.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-10000}
runs=${2:-3}
[[ $n =~ ^[0-9]+$ && $runs =~ ^[0-9]+$ ]] || { echo "bench-charts: CASES and RUNS must be numbers" >&2; exit 2; }
gen=$repo/../shared/bench/gencorpus
[[ -d $gen ]] || { echo "bench-charts: $gen not found; this needs the shared folder beside the repository" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$repo" && go build -o "$tmp/casebook" ./cmd/casebook)
(cd "$gen" && go run . -cases "$n" -out "$tmp/site" >/dev/null)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_builds() {
  for _ in $(seq "$runs"); do
    "$tmp/casebook" build --out "$tmp/out" "$tmp/site" | sed -E 's/.* in ([0-9.]+)s$/\1/'
  done | median
}

with=$(time_builds)
insights=$(wc -c < "$tmp/out/insights/index.html")
largest=$(find "$tmp/out/insights" -name index.html -printf '%s\n' | sort -n | tail -1)

# The same layouts without charts: the chart calls become empty strings.
mkdir -p "$tmp/site/layouts/partials"
for f in partials/case.html insights.html; do
  sed -E 's/\{\{(\.|\$\.)(JourneyChart|ChainChart|QuadrantChart|RolesChart)\}\}//g; s/(\.|\$\.)(JourneyChart|ChainChart|QuadrantChart|RolesChart)\b/""/g; s/\{\{with \.Insights\}\}/{{with ""}}/' \
    "$repo/layouts/$f" > "$tmp/site/layouts/$f"
done
without=$(time_builds)

echo "cases: $n, builds each: $runs"
echo "with charts:    ${with}s (median)"
echo "without charts: ${without}s (median)"
awk -v a="$with" -v b="$without" 'BEGIN { printf "charts add:     %.1f%%\n", 100 * (a - b) / b }'
echo "insights/index.html: $((insights / 1024)) KB; largest insights page: $((largest / 1024)) KB"

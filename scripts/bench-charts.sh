#!/bin/bash
# bench-charts.sh [CASES] [RUNS]: what the charts cost. Generates a site of
# CASES cases (default 10000) with ../shared/bench/gencorpus, builds it
# RUNS times (default 5) as is and RUNS times with layouts that draw no
# charts (the built-in layouts with every chart call taken out), by turns,
# and prints the median wall and CPU time of each and the size of the
# insights pages. The same comparison in memory, without the disk:
#   go test ./generator/site -run '^$' -bench BenchmarkCharts -benchtime 4x
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-10000}
runs=${2:-5}
[[ $n =~ ^[0-9]+$ && $runs =~ ^[0-9]+$ ]] || { echo "bench-charts: CASES and RUNS must be numbers" >&2; exit 2; }
gen=$repo/../shared/bench/gencorpus
[[ -d $gen ]] || { echo "bench-charts: $gen not found; this needs the shared folder beside the repository" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$repo" && go build -o "$tmp/casebook" ./cmd/casebook)
(cd "$gen" && go run . -cases "$n" -out "$tmp/site" >/dev/null)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# build SITE appends its wall seconds to $tmp/SITE-wall and its CPU
# seconds (user + system) to $tmp/SITE-cpu. Wall time on this machine's
# disk swings from run to run; CPU time counts the work done.
build() {
  /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$tmp/casebook" build --out "$tmp/out-$1" "$tmp/$1" >/dev/null
  read -r wall user sys < <(tail -n 1 "$tmp/t")
  echo "$wall" >> "$tmp/$1-wall"
  awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }' >> "$tmp/$1-cpu"
}

# The same site without charts: the built-in layouts with every chart call
# made an empty string.
cp -r "$tmp/site" "$tmp/plain"
mkdir -p "$tmp/plain/layouts/partials"
for f in partials/case.html insights.html; do
  sed -E 's/\{\{(\.|\$\.)(JourneyChart|ChainChart|QuadrantChart|RolesChart)\}\}//g; s/(\.|\$\.)(JourneyChart|ChainChart|QuadrantChart|RolesChart)\b/""/g; s/\.Insights\b/""/g' \
    "$repo/layouts/$f" > "$tmp/plain/layouts/$f"
done

# By turns, so that the disk's moods fall on both alike.
for _ in $(seq "$runs"); do
  build site
  build plain
done
insights=$(wc -c < "$tmp/out-site/insights/index.html")
largest=$(find "$tmp/out-site/insights" -name index.html -printf '%s\n' | sort -n | tail -1)

echo "cases: $n, builds each: $runs (medians)"
for kind in wall cpu; do
  with=$(median < "$tmp/site-$kind")
  without=$(median < "$tmp/plain-$kind")
  awk -v k="$kind" -v a="$with" -v b="$without" 'BEGIN { printf "%-4s with charts %.2fs, without %.2fs: charts add %.1f%%\n", k, a, b, 100 * (a - b) / b }'
done
echo "insights/index.html: $((insights / 1024)) KB; largest insights page: $((largest / 1024)) KB"

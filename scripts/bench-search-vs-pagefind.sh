#!/usr/bin/env bash
# bench-search-vs-pagefind.sh [CASES]: casebook's search index against
# Pagefind's, on the same site built by casebook (default 10,000 cases from
# ../shared/bench/gencorpus). Prints, for each: the time and peak memory of
# building the index, its size on disk, and the bytes a first visitor
# downloads for each query (the client included; the top five results'
# records loaded). Installs Pagefind from npm into the work folder.
#   bash scripts/bench-search-vs-pagefind.sh 10000
set -euo pipefail
n=${1:-10000}
repo=$(cd "$(dirname "$0")/.." && pwd)
bench=$repo/../shared/bench
work=${TMPDIR:-/tmp}/search-bench-$n
queries=(delivery subcontractor warranty courier apology "delivery subcontractor")
mkdir -p "$work"

(cd "$repo" && go build -o "$work/casebook" ./cmd/casebook)
if [[ ! -f $work/site/.done ]]; then
  rm -rf "$work/site"
  (cd "$bench/gencorpus" && go run . -cases "$n" -out "$work/site")
  touch "$work/site/.done"
fi
if [[ ! -x $work/pf-tool/node_modules/.bin/pagefind ]]; then
  mkdir -p "$work/pf-tool"
  (cd "$work/pf-tool" && npm init -y >/dev/null && npm install --silent pagefind >/dev/null 2>&1)
fi
med() { printf '%s\n' "$@" | sort -g | sed -n 2p; }

# casebook: the index step of three builds (the build prints each step's time).
times=()
for _ in 1 2 3; do
  times+=("$("$work/casebook" build --timings --out public "$work/site" | awk '$1 == "index" { sub("s", "", $2); print $2 }')")
done
echo "$n cases, $(find "$work/site/public" -name index.html | wc -l) HTML pages"
echo "casebook index: $(med "${times[@]}") s (a step of the build, median of 3)"
echo "casebook size:  $(cat "$work/site/public"{,/fi}/search/{meta,facets}.js | wc -c | awk '{print $1}') bytes of meta and facets; $(du -cb "$work/site/public/search" "$work/site/public/fi/search" | tail -1 | cut -f1) bytes in all, $(find "$work/site/public/search" "$work/site/public/fi/search" -name '*.js' | wc -l) files"

# Pagefind on a copy of the same HTML, three runs.
ptimes=(); pmem=()
for _ in 1 2 3; do
  rm -rf "$work/pf"; cp -r "$work/site/public" "$work/pf"
  /usr/bin/time -f "%e %M" -o "$work/.t" "$work/pf-tool/node_modules/.bin/pagefind" --site "$work/pf" >/dev/null
  read -r t m < "$work/.t"; ptimes+=("$t"); pmem+=("$m")
done
echo "pagefind $("$work/pf-tool/node_modules/.bin/pagefind" --version | cut -d' ' -f2) index: $(med "${ptimes[@]}") s, peak RSS $(( $(med "${pmem[@]}") / 1024 )) MB (median of 3)"
echo "pagefind size:  $(du -sb "$work/pf/pagefind" | cut -f1) bytes in all, $(find "$work/pf/pagefind" -type f | wc -l) files"

echo "bytes for a first query (client included, top 5 results' data):"
for q in "${queries[@]}"; do
  cb=$("$work/casebook" search --limit 5 --stats "$q" "$work/site" 2>&1 >/dev/null | sed -E 's/.*downloads ([0-9]+) bytes.*/\1/')
  echo "  casebook  $(printf '%-24s' "\"$q\"") $cb"
done
cp "$bench/pagefind/query.mjs" "$work/pf-tool/"
python3 "$bench/pagefind/countserver.py" "$work/pf" 18555 & server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1
(cd "$work/pf-tool" && node query.mjs "$work/pf" 18555 "${queries[@]}") |
  python3 -c 'import sys, json
for line in sys.stdin:
    r = json.loads(line); print("  pagefind  %-24s %d" % ("\"%s\"" % r["q"], r["bytes_with_js"]))'

#!/usr/bin/env bash
# vs-hugo-table.sh [SIZES...]: the README's benchmark table. Builds
# casebook from this checkout and, for each library size (default 500
# 2000 10000), runs ../shared/bench/vs-hugo.sh, which times casebook and
# Hugo on the same generated library three times each, by turns, and keeps
# the medians. A size of 100000 or more is run once each instead (a Hugo
# build of 100,000 cases takes over ten minutes here), with casebook's
# link phase from --timings. Prints one Markdown table row per size.
#   scripts/vs-hugo-table.sh 500 2000 10000 100000
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench=$repo/../shared/bench
bin=$(mktemp -d)/casebook
(cd "$repo" && go build -o "$bin" ./cmd/casebook)
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(500 2000 10000)

echo "| cases | pages | casebook | Hugo | time ratio | casebook RSS | Hugo RSS | memory ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  if ((n < 100000)); then
    out=$("$bench/vs-hugo.sh" "$bin" "$n")
    pages=$(sed -n 's/^[0-9]* cases, \([0-9]*\) pages$/\1/p' <<<"$out")
    read -r ct cm < <(sed -n 's/^casebook: \([0-9.]*\) s, peak RSS \([0-9]*\) MB$/\1 \2/p' <<<"$out")
    read -r ht hm < <(sed -n 's/^hugo.*: \([0-9.]*\) s, peak RSS \([0-9]*\) MB$/\1 \2/p' <<<"$out")
    note=""
  else
    work=${TMPDIR:-/tmp}/vs-hugo-$n
    if [[ ! -f $work/.done ]]; then
      rm -rf "$work"; (cd "$bench/gencorpus" && go run . -cases "$n" -out "$work" -hugo); touch "$work/.done"
    fi
    rm -rf "$work/out-cb" "$work/out-hugo"
    (cd "$work" && /usr/bin/time -f "%e %M" -o "$work/.t-cb" "$bin" build --timings --out "$work/out-cb" >"$work/.timings" 2>&1)
    read -r ct cm <"$work/.t-cb"; cm=$((cm / 1024))
    pages=$(find "$work/out-cb" -name '*.html' | wc -l)
    rm -rf "$work/out-cb"
    (cd "$work" && /usr/bin/time -f "%e %M" -o "$work/.t-hugo" hugo --quiet -d "$work/out-hugo" >/dev/null 2>&1)
    read -r ht hm <"$work/.t-hugo"; hm=$((hm / 1024))
    rm -rf "$work/out-hugo"
    note=" (one run each; link phase $(awk '$1 == "link" {print $2}' "$work/.timings"))"
  fi
  python3 -c "
n, pages, ct, ht, cm, hm = $n, $pages, $ct, $ht, $cm, $hm
print(f'| {n:,} | {pages:,} | {ct:.2f} s | {ht:.2f} s | {ct/ht:.2f} | {cm:,} MB | {hm:,} MB | {cm/hm:.2f} |$note')
"
done

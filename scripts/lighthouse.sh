#!/bin/bash
# lighthouse.sh [PORT]: builds the sample library, serves it on localhost
# the way a static host would (scripts/staticserve: gzip, cache headers),
# and runs Lighthouse on Debian's Chromium for a page of each kind, as a
# phone and as a desktop, printing the four category scores as a table.
# Lighthouse comes from npm, pinned, installed once into a cache folder
# (never into the repository). Exits 1 when a score is under 95.
# Not part of CI: it takes a few minutes. docs/lighthouse.md has the
# figures and how they were taken.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${1:-8765}
version=12.8.2
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[[ -x $CHROME_PATH ]] || { echo "lighthouse.sh: no Chromium at $CHROME_PATH (apt-get install chromium, or set CHROME_PATH)" >&2; exit 1; }
command -v npm >/dev/null || { echo "lighthouse.sh: needs npm (Node 18 or later) to install Lighthouse" >&2; exit 1; }

cache=${XDG_CACHE_HOME:-$HOME/.cache}/casebook/lighthouse-$version
lighthouse=$cache/node_modules/.bin/lighthouse
if [[ ! -x $lighthouse ]]; then
  echo "installing lighthouse@$version into $cache" >&2
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --no-save --loglevel=error "lighthouse@$version" >&2
fi

tmp=$(mktemp -d)
server=
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
(cd "$repo" && go build -o "$tmp/casebook" ./cmd/casebook && go build -o "$tmp/staticserve" ./scripts/staticserve)
"$tmp/casebook" build --out "$tmp/public" "$repo" >&2
"$tmp/staticserve" -addr "127.0.0.1:$port" "$tmp/public" 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 50); do
  grep -q serving "$tmp/serve.log" 2>/dev/null && break
  sleep 0.1
done
kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }

pages=(
  "home|/"
  "case|/cases/washing-machine/"
  "framework|/frameworks/care-across-the-chain/"
  "insights|/insights/"
  "search|/search/?q=delivery"
)
low=0
printf '%-10s %-8s %11s %13s %14s %5s\n' page form performance accessibility best-practices seo
for form in mobile desktop; do
  preset=()
  [[ $form == desktop ]] && preset=(--preset=desktop)
  for entry in "${pages[@]}"; do
    name=${entry%%|*} path=${entry#*|}
    out=$tmp/$name-$form.json
    "$lighthouse" "http://127.0.0.1:$port$path" "${preset[@]}" --quiet \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
      --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$out" >/dev/null 2>"$tmp/lh.log" || { cat "$tmp/lh.log" >&2; exit 1; }
    # one line: the four scores, 0-100, and the audits that cost points
    read -r perf a11y bp seo failing < <(node -e '
      const r = require(process.argv[1]);
      const c = ["performance", "accessibility", "best-practices", "seo"].map(k => Math.round(r.categories[k].score * 100));
      const lost = Object.values(r.categories).flatMap(cat => cat.auditRefs.filter(a => a.weight > 0 && r.audits[a.id].score !== null && r.audits[a.id].score < 1).map(a => a.id));
      console.log(c.join(" ") + " " + ([...new Set(lost)].join(",") || "-"));
    ' "$out")
    printf '%-10s %-8s %11s %13s %14s %5s\n' "$name" "$form" "$perf" "$a11y" "$bp" "$seo"
    for s in $perf $a11y $bp $seo; do
      if (( s < 95 )); then low=1; fi
    done
    [[ $failing == - ]] || echo "           points lost on: $failing" >&2
  done
done
if (( low )); then
  echo "lighthouse.sh: a score is under 95" >&2
  exit 1
fi

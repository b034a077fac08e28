#!/bin/bash
# fuzz.sh [TIME]: runs each fuzz target for TIME (default 2m, any
# go test -fuzztime value) one after another: front matter, Markdown,
# TeX math, wikilinks, search queries. Meant for a nightly job, not every CI run.
#
# A crasher is written by Go to PACKAGE/testdata/fuzz/FuzzNAME/ and from
# then on runs as a regression seed in every plain `go test`; commit it
# with the fix. The script exits non-zero if any target failed.
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
time=${1:-2m}
failed=()
for target in ./generator/content:FuzzParsePage ./generator/markdown:FuzzConvert ./generator/mathml:FuzzTeX ./generator/link:FuzzResolve ./generator/search:FuzzQuery; do
  pkg=${target%%:*} name=${target##*:}
  echo "== $name ($pkg) for $time"
  if ! (cd "$repo" && go test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$time"); then
    failed+=("$name")
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: ${failed[*]} failed; the inputs are in testdata/fuzz/ of their packages" >&2
  exit 1
fi
echo "fuzz: no failures"

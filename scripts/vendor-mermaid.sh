#!/bin/bash
# vendor-mermaid.sh [VERSION SHA256]: fetches mermaid's browser bundle
# from the npm registry (npm pack mermaid@VERSION), checks the sha256 of
# dist/mermaid.min.js and puts it in layouts/vendor/mermaid/, where
# layouts/embed.go embeds it. Without arguments it fetches the pinned
# version again and verifies it is byte for byte the file in the tree.
#
# To update: run `npm view mermaid version`, then
#   scripts/vendor-mermaid.sh NEW_VERSION -
# ("-" prints the new sha256 instead of checking it), read the diagram
# e2e test (go test ./e2e -run Mermaid), and record VERSION and SHA256
# below and in layouts/vendor/mermaid/README.md.
set -euo pipefail
VERSION=12.3.0
SHA256=336df803d87a38b70a01e736e666c8f7601d2ce42f5e47c8fafe5d721074b9a3

version=${1:-$VERSION}
want=${2:-$SHA256}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest=$repo/layouts/vendor/mermaid
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "mermaid@$version" >/dev/null)
tar -xzf "$tmp/mermaid-$version.tgz" -C "$tmp" package/dist/mermaid.min.js package/LICENSE
got=$(sha256sum "$tmp/package/dist/mermaid.min.js" | cut -d' ' -f1)
if [[ $want == - ]]; then
  echo "mermaid@$version dist/mermaid.min.js sha256 $got"
elif [[ $got != "$want" ]]; then
  echo "mermaid@$version: sha256 $got, want $want" >&2
  exit 1
fi
mkdir -p "$dest"
if [[ $# -eq 0 && -f $dest/mermaid.min.js ]] && ! cmp -s "$tmp/package/dist/mermaid.min.js" "$dest/mermaid.min.js"; then
  echo "layouts/vendor/mermaid/mermaid.min.js differs from mermaid@$version as published" >&2
  exit 1
fi
cp "$tmp/package/dist/mermaid.min.js" "$dest/mermaid.min.js"
cp "$tmp/package/LICENSE" "$dest/LICENSE"
echo "layouts/vendor/mermaid/mermaid.min.js: mermaid@$version, sha256 $got"

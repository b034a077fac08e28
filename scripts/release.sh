#!/bin/bash
# release.sh [VERSION]: builds casebook for Linux, macOS and Windows, each on
# amd64 and arm64, into dist/ (git-ignored): one archive per system
# (casebook_VERSION_OS_ARCH.tar.gz, .zip for Windows) holding the binary,
# README.md and LICENSE if present, and SHA256SUMS over the archives.
# VERSION defaults to `git describe --tags --always --dirty`. The version,
# commit and date are stamped into the binary, so `casebook version` tells
# them. Upload dist/* to a GitHub release by hand or with
#   gh release create VERSION dist/*
# Needs Go, git, tar, sha256sum, and zip (or python3) for the Windows archives.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
version=${1:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
ldflags="-s -w -X main.version=$version -X main.commit=$commit -X main.date=$date"

rm -rf dist
mkdir -p dist
for os in linux darwin windows; do
  for arch in amd64 arm64; do
    name=casebook_${version}_${os}_${arch}
    stage=dist/$name
    mkdir -p "$stage"
    bin=casebook
    [[ $os == windows ]] && bin=casebook.exe
    echo "--- $os/$arch"
    CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -ldflags "$ldflags" -o "$stage/$bin" ./cmd/casebook
    cp README.md "$stage/"
    [[ -f LICENSE ]] && cp LICENSE "$stage/"
    if [[ $os == windows ]]; then
      if command -v zip >/dev/null; then
        (cd dist && zip -qr "$name.zip" "$name")
      else
        (cd dist && python3 -m zipfile -c "$name.zip" "$name")
      fi
    else
      tar -C dist -czf "dist/$name.tar.gz" "$name"
    fi
    rm -rf "$stage"
  done
done
(cd dist && sha256sum casebook_* > SHA256SUMS)
echo "--- dist/"
cat dist/SHA256SUMS

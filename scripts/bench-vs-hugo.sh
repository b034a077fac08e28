#!/bin/bash
# bench-vs-hugo.sh [CASES]: builds casebook and times it against Hugo on a
# generated site of CASES case studies (default 10000), using
# ../shared/bench/vs-hugo.sh beside the repository. Works from any folder.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-10000}
[[ $n =~ ^[0-9]+$ ]] || { echo "bench-vs-hugo: CASES must be a number, got '$n'" >&2; exit 2; }
vs=$repo/../shared/bench/vs-hugo.sh
if [[ ! -f $vs ]]; then
  echo "bench-vs-hugo: $vs not found; this needs the shared folder (with bench/) beside the repository at $(dirname "$repo")/shared" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$repo" && go build -o "$tmp/casebook" ./cmd/casebook)
bash "$vs" "$tmp/casebook" "$n"

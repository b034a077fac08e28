#!/usr/bin/env bash
# serve-vs-hugo.sh: casebook serve against hugo server on the same
# generated library, one after the other in one run: each is started on a
# copy of /tmp/vs-hugo-CASES, waited for until it serves, sent EDITS saves
# of one case (each waited for until its rebuild is done), and its peak
# resident memory read from /proc/PID/status (VmHWM) before it is stopped.
# Then scripts/servebench times casebook's save-to-reload on the same copy.
#
#   bash scripts/serve-vs-hugo.sh [CASES] [EDITS]     # defaults: 10000 10
#
# The library must exist (scripts/bench-scale.sh or ../shared/bench/gencorpus
# make it); it is copied, never edited. Needs hugo on PATH.
set -euo pipefail
cases=${1:-10000}
edits=${2:-10}
src=/tmp/vs-hugo-$cases
[ -d "$src/content" ] || { echo "no library at $src" >&2; exit 1; }
command -v hugo >/dev/null || { echo "hugo is not installed" >&2; exit 1; }
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/serve-vs-hugo-XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$src" "$work/site"
site=$work/site
page=content/cases/case-000001.md
cp "$site/$page" "$work/original.md"
(cd "$repo" && go build -o "$work/casebook" ./cmd/casebook && go build -o "$work/servebench" ./scripts/servebench)

# wait_for LOG PATTERN COUNT: until LOG has COUNT lines matching PATTERN.
wait_for() {
	local n=0
	for _ in $(seq 1 6000); do
		n=$(grep -c -E "$2" "$1" || true)
		[ "$n" -ge "$3" ] && return 0
		sleep 0.1
	done
	echo "timed out waiting for $3 x '$2' in $1" >&2
	return 1
}

# run NAME READY_PATTERN DONE_PATTERN CMD...: start, wait, edit, measure.
run() {
	local name=$1 ready=$2 done=$3
	shift 3
	local log=$work/$name.log
	local start=$(date +%s.%N)
	"$@" >"$log" 2>&1 &
	local pid=$!
	wait_for "$log" "$ready" 1
	local up=$(echo "$(date +%s.%N) - $start" | bc)
	local ready_kb=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
	local before=$(grep -c -E "$done" "$log" || true)
	for i in $(seq 1 "$edits"); do
		sleep 1 # a writer's pause between saves
		if [ $((i % 2)) = 1 ]; then
			{ cat "$work/original.md"; printf '\nEdit %d.\n' "$i"; } >"$site/$page"
		else
			cp "$work/original.md" "$site/$page"
		fi
		wait_for "$log" "$done" $((before + i))
	done
	local peak_kb=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
	# The rebuild times the server printed for these saves, in ms.
	grep -E "$done" "$log" | tail -n +$((before + 1)) | grep -o -E '[0-9]+ ?ms' | tr -dc '0-9\n' >"$work/$name.rebuilds"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	cp "$work/original.md" "$site/$page"
	printf '%-16s ready in %6.1f s   peak RSS when ready %5d MB   after %d saves %5d MB\n' \
		"$name" "$up" $((ready_kb / 1024)) "$edits" $((peak_kb / 1024))
	echo "$peak_kb" >"$work/$name.peak"
}

echo "serve at $cases cases ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
# median FILE: the middle one of a file of numbers.
median() { sort -n "$1" | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }

run "casebook serve" "^serving " "^built in " "$work/casebook" serve --port 14390 "$site"
run "hugo server" "Web Server is available" "^Total in " hugo server -s "$site" --port 14391 --bind 127.0.0.1
echo "full rebuild after a save, median: casebook serve $(median "$work/casebook serve.rebuilds") ms, hugo server $(median "$work/hugo server.rebuilds") ms"
cb=$(cat "$work/casebook serve.peak")
hg=$(cat "$work/hugo server.peak")
printf "peak RSS ratio, casebook serve / hugo server: %.2f\n" "$(echo "scale=4; $cb / $hg" | bc)"
echo "casebook save to reload event (servebench, 20 saves 100 ms apart):"
"$work/servebench" -edits 20 -pause 100ms "$site" | sed 's/^/  /'

#!/usr/bin/env bash
# Wall and CPU time and peak memory of `render check` over request files (300, or FILES; the
# README quotes 1,000) in one JVM, made from the fixture
# inputs (each copied with its own name). JVM options: the render's C1-only compiler and serial
# collector and CDS archive, but with inlining and the usual compile thresholds (a check runs for
# seconds, not for one render; README "render check"). Target: at most 3 s of wall time on a
# 2-core machine (docs/performance.md). CHECK_OPTIONS=--with-parts measures that option.
# Usage: bash bench/check.sh [RUNS] [FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
count=${2:-300}
[ -f target/render.jar ] || { echo "check: run mvn package first" >&2; exit 1; }
jvm_options=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:SharedArchiveFile=target/render.jsa)
repo=target/bench-check/requests
rm -rf target/bench-check && mkdir -p "$repo"
mapfile -t inputs < <(ls test-fixtures/*/input/object.yaml | sort)
for i in $(seq "$count"); do
  source=${inputs[$(( (i - 1) % ${#inputs[@]} ))]}
  # A distinct name per file: the request's metadata.name gets a suffix.
  sed "0,/^  name: /s/^  name: \(.*\)$/  name: \1-$i/" "$source" > "$repo/request-$i.yaml"
done
walls=(); cpus=(); rss=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f '%e %U %S %M' -o target/bench-check/time \
    java "${jvm_options[@]}" -jar target/render.jar check ${CHECK_OPTIONS:-} "$repo" > target/bench-check/out.txt \
    || { tail -3 target/bench-check/out.txt; echo "check: the requests did not all pass" >&2; exit 1; }
  read -r wall user sys peak < target/bench-check/time
  walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)"); rss+=("$peak")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "check: $count request files on $(nproc) cores, $runs runs, medians: wall $(median "${walls[@]}") s, cpu $(median "${cpus[@]}") s, peak RSS $(( $(median "${rss[@]}") / 1024 )) MB"
tail -1 target/bench-check/out.txt

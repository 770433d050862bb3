#!/usr/bin/env bash
# The Kratix step (no arguments, on /kratix) of this tree side by side with earlier commits: by
# default the first release (191b5cf) and the commit before HEAD. Each commit is built once in a
# git worktree outside the repository (never committed; kept for the next run, by commit id) and
# runs with its own target/jvm.options and archive, as its image would; this tree runs with the
# java its build chose (target/runtime-java if the build wrote one, else java on the PATH). The
# commands take turns, so drift on the shared machine hits them alike; each sample is a batch of
# three runs (GNU time counts hundredths), and the figures are medians over SAMPLES of the CPU
# (user + sys) per run and of the peak RSS.
# Usage: bash bench/kratix-compare.sh [SAMPLES] [REF...]   (after mvn package; root, no /kratix)
# FIXTURE=dir picks the request (default: the largest output, as bench/guard-cost.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-9}
shift || true
refs=("$@")
[ "${#refs[@]}" -gt 0 ] || refs=(191b5cf HEAD~1)
[ -f target/render.jar ] && [ -f target/jvm.options ] || {
  echo "kratix-compare: run mvn package first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "kratix-compare: needs GNU time" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] && [ ! -e /kratix ] || {
  echo "kratix-compare: needs root and no /kratix (another benchmark may be using it)" >&2; exit 1; }
fixture=${FIXTURE:-$(for case in test-fixtures/*/; do
  [ -f "$case/input/object.yaml" ] || continue
  printf '%s %s\n' "$(cat "$case"/output/* 2>/dev/null | wc -c)" "${case%/}"
done | sort -n | tail -1 | cut -d' ' -f2)}
builds=${BENCH_BUILDS:-/tmp/vcluster-pipeline-bench-builds}
work=$(mktemp -d)
mkdir -p /kratix/input && cp "$fixture/input/object.yaml" /kratix/input/object.yaml
trap 'rm -rf /kratix "$work"' EXIT
if [ -f "$fixture/settings.yaml" ]; then
  export VCLUSTER_PIPELINE_SETTINGS_YAML; VCLUSTER_PIPELINE_SETTINGS_YAML=$(cat "$fixture/settings.yaml")
fi

labels=(); dirs=()
for ref in "${refs[@]}"; do
  sha=$(git rev-parse --short "$ref^{commit}")
  dir="$builds/$sha"
  if [ ! -f "$dir/target/render.jar" ] || [ ! -f "$dir/target/jvm.options" ]; then
    git worktree remove --force "$dir" > /dev/null 2>&1 || rm -rf "$dir"
    git worktree add --detach -f "$dir" "$sha" > /dev/null 2>&1
    echo "kratix-compare: building $ref ($sha) in $dir" >&2
    (cd "$dir" && mvn -B -q -o package -DskipTests > "$work/build-$sha.log" 2>&1) || {
      cat "$work/build-$sha.log" >&2; echo "kratix-compare: building $ref failed" >&2; exit 1; }
  fi
  labels+=("$ref ($sha)"); dirs+=("$dir")
done
labels+=("this tree"); dirs+=("$(pwd)")

java_of() { # the java a build's image runs
  if [ -f "$1/target/runtime-java" ]; then cat "$1/target/runtime-java"; else command -v java; fi
}
batch() { # $1 build directory: CPU seconds per run and peak RSS (MB) of three Kratix steps
  local dir=$1 options java
  read -r -a options < "$dir/target/jvm.options"
  java=$(java_of "$dir")
  /usr/bin/time -f '%U %S %M' -o "$work/time" bash -c '
    cd "$0" # jvm.options names the archive relative to the build, as /app in the image
    for i in 1 2 3; do
      rm -rf /kratix/output /kratix/metadata && mkdir -p /kratix/output /kratix/metadata
      "$1" "${@:2}" -jar target/render.jar > /dev/null || exit 1
    done' "$dir" "$java" "${options[@]}"
  awk '{printf "%.4f %.1f\n", ($1 + $2) / 3, $3 / 1024}' "$work/time"
}
for _ in $(seq "$samples"); do
  for i in "${!dirs[@]}"; do
    echo "$i $(batch "${dirs[$i]}")" >> "$work/samples"
  done
done
median() { # INDEX COLUMN
  awk -v i="$1" -v c="$2" '$1 == i {print $c}' "$work/samples" | sort -n \
    | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}
last=$((${#dirs[@]} - 1))
mine=$(median "$last" 2)
echo "fixture: $fixture, the Kratix step; median of $samples samples of 3 runs; nproc $(nproc)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s %8s %8s %10s  %s\n' build "CPU s" "RSS MB" "this/that" java
for i in "${!dirs[@]}"; do
  cpu=$(median "$i" 2)
  printf '%-26s %8.3f %8.1f %10.3f  %s\n' "${labels[$i]}" "$cpu" "$(median "$i" 3)" \
    "$(echo "$mine / $cpu" | bc -l)" "$(java_of "${dirs[$i]}")"
done

#!/usr/bin/env bash
# CPU of one render of the largest fixture (the most output bytes) with this tree's jar against
# a base commit's jar, built side by side and run in turns so both see the same machine. Each
# sample is a batch of five runs (GNU time counts hundredths); the figure is the median of the
# samples, per run. Usage: bash bench/guard-cost.sh [SAMPLES] [BASE_REF] [FIXTURE]
# (after mvn package; BASE_REF defaults to HEAD~1; needs GNU time and Maven's local repository)
# FORM=kratix runs each render as the Kratix step, no arguments on /kratix (root, and no /kratix
# yet); BASE_ARGS are the arguments the base's promise passed, if any (--mode direct, say).
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-9}
base_ref=${2:-HEAD~1}
fixture=${3:-}
[ -f target/render.jar ] || { echo "guard-cost: run mvn package first" >&2; exit 1; }
work=$(pwd)/target/bench-guard-cost
rm -rf "$work" && mkdir -p "$work"

if [ -z "$fixture" ]; then
  fixture=$(for case in test-fixtures/*/; do
    [ -f "$case/input/object.yaml" ] || continue
    printf '%s %s\n' "$(cat "$case"/output/* 2>/dev/null | wc -c)" "${case%/}"
  done | sort -n | tail -1 | cut -d' ' -f2)
fi
settings=""
[ -f "$fixture/settings.yaml" ] && settings="--settings $(pwd)/$fixture/settings.yaml"
form=${FORM:-args}
if [ "$form" = kratix ]; then
  [ ! -e /kratix ] && [ "$(id -u)" -eq 0 ] || {
    echo "guard-cost: FORM=kratix needs root and no /kratix" >&2; exit 1; }
  mkdir -p /kratix/input && cp "$fixture/input/object.yaml" /kratix/input/object.yaml
  trap 'rm -rf /kratix' EXIT
  if [ -f "$fixture/settings.yaml" ]; then
    export VCLUSTER_PIPELINE_SETTINGS_YAML; VCLUSTER_PIPELINE_SETTINGS_YAML=$(cat "$fixture/settings.yaml")
  fi
fi

git worktree add --detach -f "$work/base" "$base_ref" > /dev/null 2>&1
(cd "$work/base" && mvn -B -q -o package -DskipTests > "$work/base-build.log" 2>&1) || {
  echo "guard-cost: building $base_ref failed, see $work/base-build.log" >&2; exit 1; }

batch() { # $1 jar directory, $2 the step's arguments (FORM=kratix): CPU seconds of five renders
  local dir=$1 options
  read -r -a options < "$dir/target/jvm.options"
  if [ "$form" = kratix ]; then
    /usr/bin/time -f '%U %S' -o "$work/time" bash -c '
      cd "$0"
      for i in 1 2 3 4 5; do
        rm -rf /kratix/output /kratix/metadata && mkdir -p /kratix/output /kratix/metadata
        java "${@:2}" -jar "$0/target/render.jar" $1 > /dev/null
      done' "$dir" "$2" "${options[@]}"
    awk '{printf "%.3f\n", ($1 + $2) / 5}' "$work/time"
    return
  fi
  /usr/bin/time -f '%U %S' -o "$work/time" bash -c '
    cd "$1" # the archive in jvm.options is a path relative to the build
    for i in 1 2 3 4 5; do
      rm -rf "$0/out" "$0/meta"
      java "${@:3}" -jar "$1/target/render.jar" --input "$2/input/object.yaml" \
        --output "$0/out" --metadata "$0/meta" '"$settings"' > /dev/null
    done' "$work" "$dir" "$(pwd)/$fixture" "${options[@]}"
  awk '{printf "%.3f\n", ($1 + $2) / 5}' "$work/time"
}

base=(); head=()
for _ in $(seq "$samples"); do
  base+=("$(batch "$work/base" "${BASE_ARGS:-}")")
  head+=("$(batch "$(pwd)" "")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
b=$(median "${base[@]}"); h=$(median "${head[@]}")
git worktree remove --force "$work/base" > /dev/null 2>&1 || true
echo "fixture: $fixture ($samples samples of 5 runs, median CPU per run, form $form)"
echo "base $(git rev-parse --short "$base_ref"): ${b} s"
echo "this tree:        ${h} s"
awk -v b="$b" -v h="$h" 'BEGIN {printf "ratio: %.3f (target: at most 1.10)\n", h / b}'

#!/usr/bin/env bash
# CPU and wall time of one vcluster per reconcile: the compound chain (the orchestrator's run,
# then one run per emitted sub-request, each its own JVM as each its own pod) against direct
# mode (one run). Each run is the Kratix step exactly: the image's JVM options, the arguments
# the promises pass (none), /kratix/input, /kratix/output, /kratix/metadata
# (as root, in a private mount namespace with a tmpfs on /kratix, so the machine's own /kratix,
# if any, is not touched; elsewhere with --input/--output/--metadata, which adds picocli's set-up
# to every run; FORM=args forces that form). Every run reads the settings the promises carry.
# Usage: bash bench/reconcile.sh [RUNS] [FIXTURE]
# (after mvn package; needs GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
fixture=${2:-test-fixtures/orchestrator-prod-preset}
[ -f target/render.jar ] || { echo "reconcile: run mvn package first" >&2; exit 1; }
read -r -a jvm_options < target/jvm.options
work=target/bench-reconcile
jar=$(pwd)/target/render.jar
input=$(pwd)/$fixture/input/object.yaml
kratix_form=false
if [ "${FORM:-kratix}" = kratix ] && [ "$(id -u)" -eq 0 ] && unshare --mount true 2> /dev/null; then
  kratix_form=true
  # The tmpfs is mounted in a private namespace, but its mount point is the machine's: made here
  # only when missing, and removed again.
  if [ ! -e /kratix ]; then
    mkdir /kratix
    trap 'rmdir /kratix 2> /dev/null || true' EXIT
  fi
fi

# One pipeline pod: $1 the request file, $2 a scratch directory (its output is left there), then
# the arguments the promise passes.
pod() {
  local request=$1 scratch=$2; shift 2
  if [ "$kratix_form" = true ]; then
    rm -rf /kratix/input /kratix/output /kratix/metadata
    mkdir -p /kratix/input && cp "$request" /kratix/input/object.yaml
    java "${jvm_options[@]}" -jar "$jar" "$@" > /dev/null
    rm -rf "$scratch" && cp -r /kratix/output "$scratch"
  else
    java "${jvm_options[@]}" -jar "$jar" --input "$request" --output "$scratch" \
      --metadata "$scratch-meta" "$@" > /dev/null
  fi
}

compound() {
  rm -rf "$work/c" && mkdir -p "$work/c"
  pod "$input" "$work/c/orchestrator"
  for request in "$work"/c/orchestrator/*.yaml; do
    pod "$request" "$work/c/$(basename "$request" .yaml)"
  done
}

direct() {
  rm -rf "$work/d" && mkdir -p "$work/d"
  pod "$input" "$work/d/vcluster" --mode direct
}

measure() { # prints "wall cpu"
  local script
  script="$(declare -f pod compound direct); jvm_options=(${jvm_options[*]}); jar=$jar; \
    input=$input; work=$work; kratix_form=$kratix_form; $1"
  if [ "$kratix_form" = true ]; then
    /usr/bin/time -f '%e %U %S' -o "$work/time" unshare --mount bash -c \
      "mount -t tmpfs tmpfs /kratix && $script"
  else
    /usr/bin/time -f '%e %U %S' -o "$work/time" bash -c "$script"
  fi
  awk '{printf "%s %.3f\n", $1, $2 + $3}' "$work/time"
}

mkdir -p "$work"
work=$(cd "$work" && pwd)
# Every pipeline pod carries the settings text the promises set ($VCLUSTER_PIPELINE_SETTINGS_YAML,
# written by `render promises`), as on a platform that applied target/promises.
VCLUSTER_PIPELINE_SETTINGS_YAML=$(cat src/main/resources/settings/defaults.yaml; printf x)
export VCLUSTER_PIPELINE_SETTINGS_YAML=${VCLUSTER_PIPELINE_SETTINGS_YAML%x}
c_wall=(); c_cpu=(); d_wall=(); d_cpu=()
for _ in $(seq "$runs"); do
  read -r w c < <(measure compound); c_wall+=("$w"); c_cpu+=("$c")
  read -r w c < <(measure direct); d_wall+=("$w"); d_cpu+=("$c")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cw=$(median "${c_wall[@]}"); cc=$(median "${c_cpu[@]}")
dw=$(median "${d_wall[@]}"); dc=$(median "${d_cpu[@]}")
form="the Kratix form (no arguments, on /kratix; the orchestrator asked for direct mode with --mode direct)"
[ "$kratix_form" = true ] || form="with --input/--output/--metadata (not root: no /kratix)"
echo "reconcile: $runs runs of $fixture, $form, medians per vcluster"
printf '  compound (8 runs): wall %5.2f s  cpu %5.2f s\n' "$cw" "$cc"
printf '  direct   (1 run):  wall %5.2f s  cpu %5.2f s\n' "$dw" "$dc"
awk -v c="$cc" -v d="$dc" -v cw="$cw" -v dw="$dw" \
  'BEGIN {printf "  direct / compound: cpu %.2fx, wall %.2fx\n", d / c, dw / cw}'

#!/usr/bin/env bash
# Start-up cost of one render, measured against a bare JVM in the same run, and warm throughput.
# Usage: bash bench/startup.sh [RUNS]   (after mvn package; needs GNU time at /usr/bin/time)
# Reports CPU seconds (user+sys) and peak RSS, each the median of RUNS runs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
fixture=${FIXTURE:-test-fixtures/orchestrator-helm-merges}
input="$fixture/input/object.yaml"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
[ -f target/render.jar ] && [ -f target/jvm.options ] || { echo "run mvn package first" >&2; exit 1; }

mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"

# measure LABEL COMMAND...: prints "LABEL cpu_seconds rss_mb" (medians over $runs runs)
measure() {
  local label=$1; shift
  for _ in $(seq "$runs"); do
    rm -rf "$work/out" "$work/meta"
    /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" > /dev/null
    awk '{printf "%.3f %.1f\n", $1 + $2, $3 / 1024}' "$work/time"
  done > "$work/samples"
  local cpu rss
  cpu=$(cut -d' ' -f1 "$work/samples" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  rss=$(cut -d' ' -f2 "$work/samples" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$label $cpu $rss"
}

render_args=(--input "$input" --output "$work/out" --metadata "$work/meta")
read -r _ hello_cpu hello_rss < <(measure hello java -cp "$work/hello" Hello)
# shellcheck disable=SC2046 # the options file is one line of separate options, as in the image
read -r _ tuned_cpu tuned_rss < <(measure tuned java $(cat target/jvm.options) -jar target/render.jar "${render_args[@]}")
read -r _ plain_cpu plain_rss < <(measure plain java -jar target/render.jar "${render_args[@]}")

java -version 2>&1 | head -1
echo "fixture: $fixture, $runs runs each, medians; nproc $(nproc)"
printf '%-44s %9s %9s %9s %9s\n' command "CPU s" "x hello" "RSS MB" "x hello"
row() { printf '%-44s %9.3f %9.1f %9.1f %9.1f\n' "$1" "$2" "$(echo "$2 / $hello_cpu" | bc -l)" "$3" "$(echo "$3 / $hello_rss" | bc -l)"; }
row "java -cp . Hello (bare JVM)" "$hello_cpu" "$hello_rss"
row "java \$(cat target/jvm.options) -jar render.jar" "$tuned_cpu" "$tuned_rss"
row "java -jar render.jar (no options)" "$plain_cpu" "$plain_rss"

# Warm throughput: one JVM, the same entry point, after a warm-up of the same length.
java -cp target/render.jar:target/test-classes tech.integratn.pipeline.bench.WarmRenders "$input" "${WARM_SECONDS:-5}"

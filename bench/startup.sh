#!/usr/bin/env bash
# Start-up cost of one render, measured against a bare JVM in the same run, and warm throughput.
# Usage: bash bench/startup.sh [RUNS]   (after mvn verify, or package + test-compile; GNU time)
# Reports CPU seconds (user+sys) per run and peak RSS, medians of RUNS samples, the commands
# taking turns so that drift on the machine hits them alike.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
fixture=${FIXTURE:-test-fixtures/orchestrator-helm-merges}
input="$fixture/input/object.yaml"
work=$(mktemp -d)
made_kratix=false
cleanup() {
  rm -rf "$work"
  if [ "$made_kratix" = true ]; then rm -rf /kratix; fi
}
trap cleanup EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
if [ ! -f target/render.jar ] || [ ! -f target/jvm.options ] \
    || [ ! -f target/test-classes/tech/integratn/pipeline/bench/LibraryFloor.class ]; then
  echo "run mvn package (or verify) first" >&2
  exit 1
fi
read -r -a options < target/jvm.options

# The archive must be one this JVM can map (a build with -Dcds.java=other-java writes one it cannot).
if ! java "${options[@]/-Xshare:auto/-Xshare:on}" -jar target/render.jar --version > /dev/null 2>&1; then
  echo "target/render.jsa was not written by this java; run mvn package again" >&2
  exit 1
fi

mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"

# The Kratix step runs with no arguments on /kratix; measured where /kratix can be made (root).
kratix=false
if [ ! -e /kratix ] && mkdir /kratix 2> /dev/null; then
  made_kratix=true
  mkdir -p /kratix/input
  cp "$input" /kratix/input/object.yaml
  kratix=true
fi

labels=(hello floor kratix args plain)
commands=(
  "java -cp $work/hello Hello"
  "java ${options[*]} -cp target/render.jar:target/test-classes tech.integratn.pipeline.bench.LibraryFloor"
  "java ${options[*]} -jar target/render.jar"
  "java ${options[*]} -jar target/render.jar --input $input --output $work/out --metadata $work/meta"
  "java -jar target/render.jar --input $input --output $work/out --metadata $work/meta"
)
# GNU time reports CPU in hundredths of a second, too coarse for a 0.04 s JVM; so each sample
# times a batch of $batch runs of one command (CPU / batch; RSS is the largest single run).
batch=5
for _ in $(seq "$runs"); do
  for i in "${!labels[@]}"; do
    [ "${labels[$i]}" = kratix ] && [ "$kratix" = false ] && continue
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    /usr/bin/time -f '%U %S %M' -o "$work/time" bash -c '
      for _ in $(seq "$1"); do
        case $2 in
          args | plain) rm -rf "$3/out" "$3/meta" ;;
          kratix) rm -rf /kratix/output /kratix/metadata ;;
        esac
        $4 > /dev/null
      done' _ "$batch" "${labels[$i]}" "$work" "${commands[$i]}"
    awk -v label="${labels[$i]}" -v batch="$batch" \
      '{printf "%s %.4f %.1f\n", label, ($1 + $2) / batch, $3 / 1024}' "$work/time"
  done
done > "$work/samples"

median() { # LABEL COLUMN
  awk -v label="$1" -v column="$2" '$1 == label {print $column}' "$work/samples" | sort -n \
    | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}
hello_cpu=$(median hello 2)
hello_rss=$(median hello 3)

java -version 2>&1 | head -1
echo "fixture: $fixture; median of $runs batches of $batch runs each; nproc $(nproc)"
printf '%-58s %7s %8s %7s %8s\n' command "CPU s" "x hello" "RSS MB" "x hello"
row() {
  local cpu rss
  cpu=$(median "$1" 2)
  rss=$(median "$1" 3)
  printf '%-58s %7.3f %8.1f %7.1f %8.1f\n' "$2" "$cpu" "$(echo "$cpu / $hello_cpu" | bc -l)" \
    "$rss" "$(echo "$rss / $hello_rss" | bc -l)"
}
row hello "java -cp . Hello (bare JVM)"
row floor "FreeMarker + snakeyaml-engine alone (LibraryFloor)"
if [ "$kratix" = true ]; then
  row kratix "java \$(cat target/jvm.options) -jar render.jar (Kratix)"
else
  echo "(the Kratix form, no arguments on /kratix, needs root and no existing /kratix: skipped)"
fi
row args "java \$(cat target/jvm.options) -jar render.jar --input .."
row plain "java -jar render.jar --input .. (no options)"

# Warm throughput: one long-lived JVM with the JVM's default options (the image's options are
# for a single short run), after a warm-up of the same length. Files go to a tmpfs when there is
# one: a Kratix run writes into an empty directory, while rewriting the same files on a disk
# file system mostly measures its flush-on-truncate.
tmp=$work
if [ -d /dev/shm ] && [ -w /dev/shm ]; then tmp=/dev/shm; fi
java -Djava.io.tmpdir="$tmp" -cp target/render.jar:target/test-classes \
  tech.integratn.pipeline.bench.WarmRenders "$input" "${WARM_SECONDS:-5}"

#!/usr/bin/env bash
# Is the image reproducible? ROUNDS times, two clean clones of HEAD in two different directories
# each build the image (offline, against one jlink base made here, its java writing the start-up
# archive); every round must give one digest, and every round the same one. Not in CI: it takes
# about a minute a build. Usage: bash bench/image-digest.sh [ROUNDS]   (default 10; HEAD as
# committed, not the work tree)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
work=$(mktemp -d /tmp/vcluster-image-digest.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "image-digest: a jlink base image from $(java -version 2>&1 | head -1)"
bash .ci/jlink-base "$work/base" > /dev/null
java_bin="$work/base/base-rootfs/opt/java/bin/java"
head=$(git rev-parse --short HEAD)
commit=$(git rev-parse HEAD)

same=0
: > "$work/digests"
for round in $(seq "$rounds"); do
  digests=()
  for side in first-clone other/second-clone; do
    rm -rf "${work:?}/$side" && mkdir -p "$(dirname "$work/$side")"
    # The commit this run began on, even if the branch moves meanwhile.
    git clone -q . "$work/$side" && git -C "$work/$side" checkout -q --detach "$commit"
    (cd "$work/$side" && mvn -B -q -Pimage package -DskipTests \
      -Dimage.base="tar://$work/base/base.tar" -Dimage.repository=local/vcluster-pipeline \
      -Dimage.tag=test -Dcds.java="$java_bin" > "$work/build.log" 2>&1) \
      || { cat "$work/build.log" "$work/$side/target/cds-training/dump.log" >&2
           echo "image-digest: a build failed" >&2; exit 1; }
    digests+=("$(cat "$work/$side/target/jib-image.digest")")
    echo "round $round ${side%%/*}: ${digests[-1]} ($(tail -1 "$work/$side/target/cds-training/dump.log"))"
  done
  printf '%s\n' "${digests[@]}" >> "$work/digests"
  if [ "${digests[0]}" = "${digests[1]}" ]; then
    same=$((same + 1))
  else
    # What differed: the class list a training render wrote, or the dump of the same list.
    keep=${KEEP:-/tmp/vcluster-image-digest-round-$round}
    rm -rf "$keep" && mkdir -p "$keep/first" "$keep/second"
    cp -r "$work/first-clone/target/render.classlist" "$work/first-clone/target/cds-training" "$keep/first/"
    cp -r "$work/other/second-clone/target/render.classlist" "$work/other/second-clone/target/cds-training" "$keep/second/"
    echo "round $round: the two builds differ; their class lists and dump logs are in $keep:"
    diff "$keep/first/render.classlist" "$keep/second/render.classlist" | head -20 || true
  fi
done
distinct=$(sort -u "$work/digests" | wc -l)
echo "image-digest: $head: $same of $rounds rounds gave both clones one digest; $distinct distinct digest(s) in $((rounds * 2)) builds"
[ "$same" -eq "$rounds" ] && [ "$distinct" -eq 1 ]

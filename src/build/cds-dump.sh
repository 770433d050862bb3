#!/bin/sh
# Writes target/render.jsa, the start-up (CDS) archive, from target/render.classlist with the
# java given as $1 (the mvn build calls this; the other arguments go to that java).
#
# Two builds of one commit must write the same archive, for the image to have one digest. A
# JDK 17 dump is not deterministic by itself (fixed only in JDK 19): it lays classes out in the
# order their names were allocated, and threads the JVM starts for itself (the finalizer's, for
# one) load classes concurrently with the dump, so scheduling decides that order. So the dump:
# - runs on one CPU under the FIFO real-time policy (src/build/one-cpu.sh), where a thread runs
#   until it blocks and no other thread cuts in at a random moment: the same interleaving;
# - interprets only, with the serial collector: no compiler or GC worker threads to interleave
#   (the image runs with the serial collector, which ignores an archive's heap objects anyway);
# - with address-space randomisation off (setarch -R), since it writes a few addresses;
# - runs in one fixed directory, since it records the jar's path, one build at a time (flock).
# It dumps twice and keeps the archive once two dumps agree. Where the FIFO policy is not
# allowed (no root, no CAP_SYS_NICE) it falls back to dumping until one archive comes out twice,
# which usually, not always, matches another build's: it says so.
set -u
java=$1
shift
dir=/tmp/vcluster-pipeline-cds
lock=/tmp/vcluster-pipeline-cds.lock
if command -v flock > /dev/null 2>&1 && [ -z "${CDS_DUMP_LOCKED:-}" ]; then
  CDS_DUMP_LOCKED=1 exec flock "$lock" sh "$0" "$java" "$@"
fi
here=$(pwd)
rm -rf "$dir" && mkdir -p "$dir/target" \
  && cp -p target/render.jar target/render.classlist "$dir/target/" || exit 1

pinned=no
sh "$here/src/build/one-cpu.sh" --check && pinned=yes

seen=" "
attempt=0
while [ "$attempt" -lt 8 ]; do
  attempt=$((attempt + 1))
  (cd "$dir" && sh "$here/src/build/one-cpu.sh" "$java" -Xint -XX:+UseSerialGC "$@") \
    || { rm -rf "$dir"; exit 1; }
  sum=$(cksum < "$dir/target/render.jsa" | tr ' ' '-')
  if case "$seen" in *" $sum "*) true ;; *) false ;; esac; then
    cp "$dir/target/render.jsa" target/render.jsa
    rm -rf "$dir"
    if [ "$pinned" = yes ]; then
      echo "cds-dump: archive $sum after $attempt dumps (one CPU, FIFO policy: deterministic)"
    else
      echo "cds-dump: archive $sum after $attempt dumps; the FIFO policy was not allowed here, so another build may write another archive"
    fi
    exit 0
  fi
  seen="$seen$sum "
done
# No two dumps agreed: keep the last, which works but will not match another build's.
cp "$dir/target/render.jsa" target/render.jsa
rm -rf "$dir"
echo "cds-dump: no two of $attempt dumps agreed; this archive is not reproducible"

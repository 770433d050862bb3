#!/bin/sh
# Writes target/render.jsa, the start-up (CDS) archive, from target/render.classlist with the
# java given as $1 (the mvn build calls this; the other arguments go to that java).
#
# Two builds of one commit must write the same archive, for the image to have one digest. A
# JDK 17 dump is not deterministic by itself: it writes a few addresses (so address-space
# randomisation is turned off with setarch -R, where the kernel allows it), it lays the archive
# out by the jar's path (so it runs in one fixed directory), and now and then its threads race,
# which perturbs the layout at random. So it dumps until one archive comes out twice, the
# layout of a dump without a race, and keeps that one.
set -u
java=$1
shift
dir=/tmp/vcluster-pipeline-cds
rm -rf "$dir" && mkdir -p "$dir/target" \
  && cp -p target/render.jar target/render.classlist "$dir/target/" || exit 1
if setarch "$(uname -m)" -R true 2>/dev/null; then
  fixed=yes
else
  fixed=no # addresses differ on every dump: one is as good as another
fi
seen=" "
attempt=0
while [ "$attempt" -lt 8 ]; do
  attempt=$((attempt + 1))
  if [ "$fixed" = yes ]; then
    (cd "$dir" && setarch "$(uname -m)" -R "$java" "$@") || { rm -rf "$dir"; exit 1; }
  else
    (cd "$dir" && "$java" "$@") || { rm -rf "$dir"; exit 1; }
  fi
  sum=$(cksum < "$dir/target/render.jsa" | tr ' ' '-')
  if [ "$fixed" = no ] || case "$seen" in *" $sum "*) true ;; *) false ;; esac; then
    cp "$dir/target/render.jsa" target/render.jsa
    rm -rf "$dir"
    echo "cds-dump: archive $sum after $attempt dumps"
    exit 0
  fi
  seen="$seen$sum "
done
# No two dumps agreed: keep the last, which works but will not match another build's.
cp "$dir/target/render.jsa" target/render.jsa
rm -rf "$dir"
echo "cds-dump: no two of $attempt dumps agreed; this archive is not reproducible"

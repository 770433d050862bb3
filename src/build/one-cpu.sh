#!/bin/sh
# Runs a command so that its threads always interleave the same way: on one CPU under the FIFO
# real-time policy (a thread runs until it blocks; no other cuts in at a random moment), with
# address-space randomisation off. The build runs the start-up archive's training render and
# its dump this way, since JDK 17 writes both in the order its threads happened to run.
# Usage: sh src/build/one-cpu.sh COMMAND...   or   sh src/build/one-cpu.sh --check
# (--check: exit 0 only if the FIFO policy is allowed here; where it is not, for want of root or
# CAP_SYS_NICE, commands run unpinned.)
set -u
wrap=""
if setarch "$(uname -m)" -R true 2> /dev/null; then
  wrap="setarch $(uname -m) -R"
fi
pinned=no
if command -v taskset > /dev/null 2>&1 && command -v chrt > /dev/null 2>&1 \
    && chrt -f 1 taskset -c 0 true 2> /dev/null; then
  # The first CPU this process may run on.
  cpu=$(taskset -cp $$ 2> /dev/null | sed 's/.*: *//; s/[-,].*//')
  wrap="chrt -f 1 taskset -c ${cpu:-0} $wrap"
  pinned=yes
fi
if [ "${1:-}" = --check ]; then
  [ "$pinned" = yes ]
  exit
fi
# shellcheck disable=SC2086 # $wrap is a command prefix, split on purpose
exec $wrap "$@"

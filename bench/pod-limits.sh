#!/usr/bin/env bash
# One render's wall and CPU time inside the CPU and memory limits a pipeline pod gets: the
# promises' own limits (read from promises/vcluster-core/promise.yaml) and Kratix's default
# (200m CPU, 256Mi), as cgroup v1 CPU quotas and memory limits. Needs root and writable
# /sys/fs/cgroup/{cpu,memory}; elsewhere it says so and exits 0.
# Usage: bash bench/pod-limits.sh [RUNS] [INPUT]   (after mvn package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
input=${2:-test-fixtures/orchestrator-prod-preset/input/object.yaml}
cpu_root=/sys/fs/cgroup/cpu
mem_root=/sys/fs/cgroup/memory
if [ "$(id -u)" -ne 0 ] || [ ! -w "$cpu_root" ] || [ ! -w "$mem_root" ]; then
  echo "pod-limits: skipped: needs root and writable cgroup v1 cpu and memory hierarchies"
  exit 0
fi
[ -f target/render.jar ] || { echo "pod-limits: run mvn package first" >&2; exit 1; }
read -r -a jvm_options < target/jvm.options

# "1" or "500m" -> CFS quota in microseconds per 100 ms period; "320Mi" -> bytes.
quota_of() { case $1 in *m) echo $(( ${1%m} * 100 ));; *) echo $(( $1 * 100000 ));; esac; }
bytes_of() { case $1 in *Mi) echo $(( ${1%Mi} * 1024 * 1024 ));; *Gi) echo $(( ${1%Gi} * 1024 * 1024 * 1024 ));; esac; }
limit_in_promise() { # the value of cpu or memory in the first "limits: {...}"
  grep -o 'limits: {[^}]*}' promises/vcluster-core/promise.yaml | head -1 \
    | grep -o "$1: [^,}]*" | cut -d' ' -f2 | tr -d '"'
}

measure() { # label cpu memory
  local label=$1 cpu=$2 memory=$3 name="vcluster-bench-$$"
  mkdir -p "$cpu_root/$name" "$mem_root/$name"
  echo 100000 > "$cpu_root/$name/cpu.cfs_period_us"
  quota_of "$cpu" > "$cpu_root/$name/cpu.cfs_quota_us"
  bytes_of "$memory" > "$mem_root/$name/memory.limit_in_bytes"
  local walls=() cpus=() peak=0
  for _ in $(seq "$runs"); do
    rm -rf target/pod-limits && mkdir -p target/pod-limits
    /usr/bin/time -f '%e %U %S %M' -o target/pod-limits.time sh -c '
      echo $$ > "$1/tasks"; echo $$ > "$2/tasks"; shift 2; exec "$@"' _ \
      "$cpu_root/$name" "$mem_root/$name" java "${jvm_options[@]}" -jar target/render.jar \
      --input "$input" --output target/pod-limits/out --metadata target/pod-limits/meta >/dev/null
    read -r wall user sys rss < target/pod-limits.time
    walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)")
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  rmdir "$cpu_root/$name" "$mem_root/$name"
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  printf '%-28s cpu %-5s memory %-6s wall %5s s  cpu %5s s  peak RSS %4d MB\n' "$label" "$cpu" \
    "$memory" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" $(( peak / 1024 ))
}

echo "pod-limits: $runs runs each of $input, medians"
measure "the promises' limits" "$(limit_in_promise cpu)" "$(limit_in_promise memory)"
measure "Kratix's default limits" 200m 256Mi

#!/usr/bin/env bash
# CPU of one whole run on a 1.4 MB text (issue 27's bar: "the 1.4 MB separator-escape text costs
# under 2 s CPU"), with this tree's jar against a base commit's, built side by side and run in
# turns. Each text is 1.4 MB of lines "kNNNNNN: this kind of value is not a secret NNNNNN" (every
# line YAML the guard must read, every value a text it must read too), once with 60 \L/\P
# escapes spread through it and once with none, carried where a request carries free text:
#   helm-*: a Helm value (a control-plane annotation in spec.vcluster.helmOverrides);
#   argocd-*: an Argo CD cluster annotation (spec.integrations.argocd.clusterAnnotations);
#   core-*: a values text a VClusterCore carries (spec.valuesYaml), the escapes in a quoted value.
# Runs each jar with its own target/jvm.options, as the image does (the base is built without an
# archive, which -Xshare:auto then skips; this tree uses its archive when the build wrote one), the open
# request policy (src/test/resources/open-policy.yaml). Figures: median CPU (user + sys) and
# peak RSS of SAMPLES runs each. Usage: bash bench/separator-escapes.sh [SAMPLES] [BASE_REF]
# (after mvn package; BASE_REF defaults to main; needs GNU time and Maven's local repository)
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-5}
base_ref=${2:-main}
[ -f target/render.jar ] || { echo "separator-escapes: run mvn package first" >&2; exit 1; }
work=$(pwd)/target/bench-separator-escapes
rm -rf "$work" && mkdir -p "$work/inputs"
policy=$(pwd)/src/test/resources/open-policy.yaml

# text SIZE ESCAPES QUOTING: the lines as the body of a double-quoted YAML string (QUOTING 1),
# or of a double-quoted string inside that (2: escapes and line breaks written for the inner one).
text() {
  awk -v size="$1" -v escapes="$2" -v quoting="$3" 'BEGIN {
    line_length = 52; lines = int(size / line_length)
    step = int(lines / (escapes + 1)); nl = quoting == 1 ? "\\n" : "\\\\n"
    for (i = 0; i < lines; i++) {
      printf "k%06d: this kind of value is not a secret %06d%s", i, i, nl
      if (escapes > 0 && i % step == step - 1 && made < escapes) {
        printf "%s", (made % 2 == 0 ? "\\L" : "\\P")
        made++
      }
    }
  }'
}
head='apiVersion: platform.integratn.tech/v1alpha1
kind: VClusterOrchestrator
metadata:
  name: x
  namespace: platform-requests
spec:
  name: x'
for escapes in 60 0; do
  { printf '%s\n  vcluster:\n    helmOverrides:\n      controlPlane:\n        statefulSet:\n' "$head"
    printf '          annotations:\n            note: "'; text 1400000 "$escapes" 1; printf '"\n'
  } > "$work/inputs/helm-$escapes.yaml"
  { printf '%s\n  integrations:\n    argocd:\n      clusterAnnotations:\n        note: "' "$head"
    text 1400000 "$escapes" 1; printf '"\n'
  } > "$work/inputs/argocd-$escapes.yaml"
  # The values text's own annotation is double-quoted inside the request's double-quoted text;
  # 1.3 MB, as its 1.4 MB is written again past what the API server stores (and refused).
  { printf 'apiVersion: platform.integratn.tech/v1alpha1\nkind: VClusterCore\nmetadata:\n'
    printf '  name: x\n  namespace: platform-requests\nspec:\n  name: x\n  targetNamespace: vc-x\n'
    printf '  valuesYaml: "controlPlane:\\n  statefulSet:\\n    annotations:\\n      note: \\"'
    text 1300000 "$escapes" 2 | sed 's/\\L/\\\\L/g; s/\\P/\\\\P/g'; printf '\\"\\n"\n'
  } > "$work/inputs/core-$escapes.yaml"
done

git worktree add --detach -f "$work/base" "$base_ref" > /dev/null 2>&1
(cd "$work/base" && mvn -B -q -o package -DskipTests -Dcds.archive=off > "$work/base-build.log" 2>&1) || {
  echo "separator-escapes: building $base_ref failed, see $work/base-build.log" >&2; exit 1; }

run() { # $1 jar directory, $2 input: "CPU-seconds peak-KB exit-code" of one run
  local dir=$1 options
  options=$(cat "$dir/target/jvm.options")
  rm -rf "$work/out" "$work/meta"
  # shellcheck disable=SC2086 # the options are words
  /usr/bin/time -f '%U %S %M %x' -o "$work/time" java $options -jar "$dir/target/render.jar" \
    --settings "$policy" --input "$2" --output "$work/out" --metadata "$work/meta" \
    > /dev/null 2>&1 || true
  tail -1 "$work/time" | awk '{printf "%.2f %d %d\n", $1 + $2, $3, $4}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-12s %10s %10s %9s %9s %s\n' input "base CPU" "tree CPU" "base MB" "tree MB" exits
for input in "$work"/inputs/*.yaml; do
  : > "$work/base.txt"; : > "$work/tree.txt"
  for _ in $(seq "$samples"); do
    run "$work/base" "$input" >> "$work/base.txt"
    run "$(pwd)" "$input" >> "$work/tree.txt"
  done
  printf '%-12s %10s %10s %9s %9s %s\n' "$(basename "$input" .yaml)" \
    "$(cut -d' ' -f1 "$work/base.txt" | median)" "$(cut -d' ' -f1 "$work/tree.txt" | median)" \
    "$(($(cut -d' ' -f2 "$work/base.txt" | median) / 1024))" \
    "$(($(cut -d' ' -f2 "$work/tree.txt" | median) / 1024))" \
    "$(cut -d' ' -f3 "$work/base.txt" | sort -u | tr '\n' ' ')/ $(cut -d' ' -f3 "$work/tree.txt" | sort -u | tr '\n' ' ')"
done
git worktree remove --force "$work/base" > /dev/null 2>&1 || true
echo "base $(git rev-parse --short "$base_ref"), $samples samples each, median CPU (user + sys) s and peak RSS"

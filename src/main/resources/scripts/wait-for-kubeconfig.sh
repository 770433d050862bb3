# Init container of the kubeconfig sync Job (bash, in the kubectl image).
# Waits for the vcluster to write its kubeconfig Secret, then leaves the kubeconfig and the parts
# the sync container needs (server, CA, client certificate and key, token) in the shared volume,
# so the sync container needs no YAML tool. NAMESPACE and SECRET_NAME are set above this line.
set -euo pipefail

shared_dir="${SHARED_DIR:-/shared}"
poll_seconds="${POLL_SECONDS:-10}"

until kubectl get secret "$SECRET_NAME" --namespace "$NAMESPACE" >/dev/null 2>&1; do
  echo "waiting for Secret $NAMESPACE/$SECRET_NAME"
  sleep "$poll_seconds"
done

kubectl get secret "$SECRET_NAME" --namespace "$NAMESPACE" -o 'jsonpath={.data.config}' \
  | base64 -d > "$shared_dir/kubeconfig"

# A missing field leaves its file empty; the sync container decides what is enough.
extract() {
  kubectl config view --kubeconfig "$shared_dir/kubeconfig" --raw -o "jsonpath=$1" \
    > "$shared_dir/$2" 2>/dev/null || : > "$shared_dir/$2"
}
extract '{.clusters[0].cluster.server}' server
extract '{.clusters[0].cluster.certificate-authority-data}' ca-data
extract '{.users[0].user.client-certificate-data}' client-certificate-data
extract '{.users[0].user.client-key-data}' client-key-data
extract '{.users[0].user.token}' token

echo "kubeconfig of Secret $NAMESPACE/$SECRET_NAME is in $shared_dir"

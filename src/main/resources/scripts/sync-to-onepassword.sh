# Sync container of the kubeconfig sync Job (POSIX sh, in alpine).
# Stores the vcluster kubeconfig and the Argo CD cluster config built from it in the 1Password
# item "$OP_ITEM_NAME" (a SECURE_NOTE), through the 1Password Connect REST API. Reads what the
# init container extracted into the shared volume.
set -eu

shared_dir="${SHARED_DIR:-/shared}"

fail() {
  echo "kubeconfig sync failed: $*" >&2
  exit 1
}

if ! command -v curl >/dev/null 2>&1 || ! command -v jq >/dev/null 2>&1; then
  apk add --no-cache curl jq >/dev/null
fi

part() {
  if [ -f "$shared_dir/$1" ]; then
    cat "$shared_dir/$1"
  fi
}

[ -s "$shared_dir/kubeconfig" ] || fail "the kubeconfig in $shared_dir/kubeconfig is empty"
token=$(part token)
ca_data=$(part ca-data)
cert_data=$(part client-certificate-data)
key_data=$(part client-key-data)
server="${SERVER_URL:-}"
[ -n "$server" ] || server=$(part server)

if [ -n "$token" ]; then
  config=$(jq -cn --arg token "$token" --arg ca "$ca_data" \
    '{bearerToken: $token, tlsClientConfig: {insecure: false, caData: $ca}}')
elif [ -n "$cert_data" ] && [ -n "$key_data" ]; then
  config=$(jq -cn --arg ca "$ca_data" --arg cert "$cert_data" --arg key "$key_data" \
    '{tlsClientConfig: {insecure: false, caData: $ca, certData: $cert, keyData: $key}}')
else
  fail "the kubeconfig has neither a token nor a client certificate and key"
fi

connect() {
  method=$1
  path=$2
  shift 2
  curl -fsS -X "$method" \
    -H "Authorization: Bearer $OP_CONNECT_TOKEN" \
    -H 'Content-Type: application/json' \
    "$@" "$OP_CONNECT_HOST$path"
}

# The vault: by id, else by that text as a name, else the vault named homelab.
vault_id=$(connect GET /v1/vaults | jq -r --arg want "${OP_VAULT_ID:-}" \
  '(map(select(.id == $want)) + map(select(.name == $want)) + map(select(.name == "homelab")))[0].id // empty')
[ -n "$vault_id" ] || fail "no 1Password vault has the id or name '${OP_VAULT_ID:-}', nor the name homelab"

item=$(jq -cn \
  --arg vault "$vault_id" \
  --arg title "$OP_ITEM_NAME" \
  --rawfile kubeconfig "$shared_dir/kubeconfig" \
  --arg name "vcluster-$VCLUSTER_NAME" \
  --arg server "$server" \
  --arg config "$config" \
  '{vault: {id: $vault}, title: $title, category: "SECURE_NOTE", fields: [
     {id: "kubeconfig", label: "kubeconfig", type: "CONCEALED", value: $kubeconfig},
     {id: "argocd-name", label: "argocd-name", type: "STRING", value: $name},
     {id: "argocd-server", label: "argocd-server", type: "STRING", value: $server},
     {id: "argocd-config", label: "argocd-config", type: "CONCEALED", value: $config}]}')

existing=$(connect GET "/v1/vaults/$vault_id/items" \
  | jq -r --arg title "$OP_ITEM_NAME" '[.[] | select(.title == $title)][0].id // empty')

if [ -n "$existing" ]; then
  printf '%s\n' "$item" | jq -c --arg id "$existing" '. + {id: $id}' \
    | connect PUT "/v1/vaults/$vault_id/items/$existing" --data-binary @- > /dev/null
  echo "replaced 1Password item $OP_ITEM_NAME ($existing) in vault $vault_id for $NAMESPACE/$VCLUSTER_NAME"
else
  printf '%s\n' "$item" \
    | connect POST "/v1/vaults/$vault_id/items" --data-binary @- > /dev/null
  echo "created 1Password item $OP_ITEM_NAME in vault $vault_id for $NAMESPACE/$VCLUSTER_NAME"
fi

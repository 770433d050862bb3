apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata:
  name: ${yaml(externalSecretName)}
  namespace: ${yaml(targetNamespace)}
  labels:
    app: vcluster
    instance: ${yaml(name)}
spec:
  refreshInterval: 5m
  secretStoreRef:
    name: onepassword-store
    kind: ClusterSecretStore
  target:
    name: ${yaml(secretName)}
    creationPolicy: Owner
  data:
    - secretKey: kubeconfig
      remoteRef:
        key: ${yaml(onepasswordItem)}
        property: kubeconfig

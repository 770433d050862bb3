apiVersion: ${yaml(platform.externalSecrets.apiVersion)}
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
    name: ${yaml(platform.externalSecrets.storeName)}
    kind: ClusterSecretStore
  target:
    name: ${yaml(secretName)}
    creationPolicy: Owner
  data:
    - secretKey: kubeconfig
      remoteRef:
        key: ${yaml(onepasswordItem)}
        property: kubeconfig

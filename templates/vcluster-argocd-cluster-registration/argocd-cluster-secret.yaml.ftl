apiVersion: ${yaml(platform.externalSecrets.apiVersion)}
kind: ExternalSecret
metadata:
  name: ${yaml(externalSecretName)}
  namespace: ${yaml(argocdNamespace)}
  labels:
    app: vcluster
    instance: ${yaml(name)}
<#if platform.onepassword.vault?has_content>
  <#-- The vault the sync Job writes the item to: the store must list it among its vaults. -->
  annotations:
    platform.integratn.tech/onepassword-vault: ${yaml(platform.onepassword.vault)}
</#if>
spec:
  refreshInterval: 5m
  secretStoreRef:
    name: ${yaml(platform.externalSecrets.storeName)}
    kind: ClusterSecretStore
  target:
    name: ${yaml(secretName)}
    creationPolicy: Owner
    template:
      metadata:
        labels:${yaml(labels, 10)}
        annotations:${yaml(annotations, 10)}
      type: Opaque
  data:
    - secretKey: name
      remoteRef:
        key: ${yaml(onepasswordItem)}
        property: argocd-name
    - secretKey: server
      remoteRef:
        key: ${yaml(onepasswordItem)}
        property: argocd-server
    - secretKey: config
      remoteRef:
        key: ${yaml(onepasswordItem)}
        property: argocd-config

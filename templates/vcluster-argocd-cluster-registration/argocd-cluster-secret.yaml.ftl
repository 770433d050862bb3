apiVersion: ${yaml(externalSecrets.apiVersion)}
kind: ExternalSecret
metadata:
  name: ${yaml(cluster.externalSecret)}
  namespace: ${yaml(argocdNamespace)}
  labels:
    app: vcluster
    instance: ${yaml(name)}
<#if externalSecrets.vault?has_content>
  <#-- The vault the sync Job writes the item to: the store must list it among its vaults. -->
  annotations:
    platform.integratn.tech/onepassword-vault: ${yaml(externalSecrets.vault)}
</#if>
spec:
  refreshInterval: 5m
  secretStoreRef:
    name: ${yaml(externalSecrets.store)}
    kind: ClusterSecretStore
  target:
    name: ${yaml(cluster.secret)}
    creationPolicy: Owner
    template:
      metadata:
        labels:${yaml(labels, 10)}
        annotations:${yaml(annotations, 10)}
      type: Opaque
  data:
    - secretKey: name
      remoteRef:
        key: ${yaml(cluster.item)}
        property: argocd-name
    - secretKey: server
      remoteRef:
        key: ${yaml(cluster.item)}
        property: argocd-server
    - secretKey: config
      remoteRef:
        key: ${yaml(cluster.item)}
        property: argocd-config

apiVersion: ${yaml(externalSecrets.apiVersion)}
kind: ExternalSecret
metadata:
  name: ${yaml(kubeconfig.externalSecret)}
  namespace: ${yaml(targetNamespace)}
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
    name: ${yaml(kubeconfig.secret)}
    creationPolicy: Owner
  data:
    - secretKey: kubeconfig
      remoteRef:
        key: ${yaml(kubeconfig.item)}
        property: kubeconfig

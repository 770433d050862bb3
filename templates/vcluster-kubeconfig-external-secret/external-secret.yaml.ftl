apiVersion: ${yaml(platform.externalSecrets.apiVersion)}
kind: ExternalSecret
metadata:
  name: ${yaml(externalSecretName)}
  namespace: ${yaml(targetNamespace)}
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
  data:
    - secretKey: kubeconfig
      remoteRef:
        key: ${yaml(onepasswordItem)}
        property: kubeconfig

apiVersion: platform.integratn.tech/v1alpha1
kind: VClusterKubeconfigSync
metadata:
  name: ${yaml(names.name)}
  namespace: ${yaml(names.requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(names.name)}
  targetNamespace: ${yaml(names.targetNamespace)}
  kubeconfigSyncJobName: ${yaml(names.kubeconfigSyncJob)}
  onepasswordItem: ${yaml(names.onepasswordItem)}
  hostname: ${yaml(endpoint.hostname)}
  apiPort: ${yaml(endpoint.apiPort)}
  serverUrl: ${yaml(endpoint.serverUrl)}

apiVersion: platform.integratn.tech/v1alpha1
kind: VClusterKubeconfigSync
metadata:
  name: ${yaml(name)}
  namespace: ${yaml(requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(name)}
  targetNamespace: ${yaml(targetNamespace)}
  kubeconfigSyncJobName: ${yaml(kubeconfigSyncJobName)}
  onepasswordItem: ${yaml(onepasswordItem)}
  hostname: ${yaml(hostname)}
  apiPort: ${yaml(apiPort)}
  serverUrl: ${yaml(serverUrl)}

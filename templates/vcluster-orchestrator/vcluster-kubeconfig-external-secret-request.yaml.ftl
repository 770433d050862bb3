apiVersion: platform.integratn.tech/v1alpha1
kind: VClusterKubeconfigExternalSecret
metadata:
  name: ${yaml(name)}
  namespace: ${yaml(requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(name)}
  targetNamespace: ${yaml(targetNamespace)}
  onepasswordItem: ${yaml(onepasswordItem)}

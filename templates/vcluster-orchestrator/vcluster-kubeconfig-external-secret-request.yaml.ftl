apiVersion: platform.integratn.tech/v1alpha1
kind: VClusterKubeconfigExternalSecret
metadata:
  name: ${yaml(names.name)}
  namespace: ${yaml(names.requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(names.name)}
  targetNamespace: ${yaml(names.targetNamespace)}
  onepasswordItem: ${yaml(names.onepasswordItem)}

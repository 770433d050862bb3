apiVersion: platform.integratn.tech/v1alpha1
kind: VClusterArgoCDClusterRegistration
metadata:
  name: ${yaml(name)}
  namespace: ${yaml(requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(name)}
  argocdNamespace: argocd
  onepasswordItem: ${yaml(onepasswordItem)}
  labels:${yaml(clusterLabels, 4)}
  annotations:${yaml(clusterAnnotations, 4)}

apiVersion: platform.integratn.tech/v1alpha1
kind: VClusterCoredns
metadata:
  name: ${yaml(names.name)}
  namespace: ${yaml(names.requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(names.name)}
  targetNamespace: ${yaml(names.targetNamespace)}
  clusterDomain: ${yaml(clusterDomain)}

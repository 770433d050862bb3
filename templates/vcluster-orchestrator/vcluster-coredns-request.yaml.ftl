apiVersion: platform.integratn.tech/v1alpha1
kind: VClusterCoredns
metadata:
  name: ${yaml(name)}
  namespace: ${yaml(requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(name)}
  targetNamespace: ${yaml(targetNamespace)}
  clusterDomain: ${yaml(clusterDomain)}

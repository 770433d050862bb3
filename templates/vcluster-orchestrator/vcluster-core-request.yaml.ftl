apiVersion: platform.integratn.tech/v1alpha1
kind: VClusterCore
metadata:
  name: ${yaml(name)}
  namespace: ${yaml(requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(name)}
  targetNamespace: ${yaml(targetNamespace)}
  valuesYaml:${yaml(valuesYaml, 4)}

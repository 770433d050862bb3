apiVersion: platform.integratn.tech/v1alpha1
kind: VClusterArgoCDClusterRegistration
metadata:
  name: ${yaml(names.name)}
  namespace: ${yaml(names.requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(names.name)}
  argocdNamespace: ${yaml(application.argocdNamespace)}
  onepasswordItem: ${yaml(names.onepasswordItem)}
  labels:${yaml(registration.labels, 4)}
  annotations:${yaml(registration.annotations, 4)}

apiVersion: v1
kind: Namespace
metadata:
  name: ${yaml(targetNamespace)}
  annotations:
    argocd.argoproj.io/sync-wave: "-2"
  labels:${yaml(namespaceLabels, 4)}

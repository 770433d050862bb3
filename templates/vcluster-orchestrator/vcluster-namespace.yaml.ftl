apiVersion: v1
kind: Namespace
metadata:
  name: ${yaml(names.targetNamespace)}
  annotations:
    argocd.argoproj.io/sync-wave: "-2"
  labels:
    app.kubernetes.io/name: vcluster
    app.kubernetes.io/instance: ${yaml(names.name)}
    app.kubernetes.io/managed-by: kratix
    kratix.io/promise-name: vcluster-orchestrator
    kratix.io/resource-request: ${yaml(names.name)}

apiVersion: platform.integratn.tech/v1alpha1
kind: ArgoCDApplication
metadata:
  name: ${yaml(names.application)}
  namespace: ${yaml(names.requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(names.application)}
  namespace: ${yaml(application.argocdNamespace)}
  annotations:
    argocd.argoproj.io/sync-wave: "0"
  finalizers:
    - resources-finalizer.argocd.argoproj.io
  project: ${yaml(names.project)}
  source:
    repoURL: ${yaml(application.repoURL)}
    chart: ${yaml(application.chart)}
    targetRevision: ${yaml(application.targetRevision)}
    helm:
      releaseName: ${yaml(names.name)}
      valuesObject:${yaml(values.tree, 8)}
  destination:
    server: ${yaml(application.destinationServer)}
    namespace: ${yaml(names.targetNamespace)}
  syncPolicy:${yaml(application.syncPolicy, 4)}

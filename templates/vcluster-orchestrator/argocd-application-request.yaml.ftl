apiVersion: platform.integratn.tech/v1alpha1
kind: ArgoCDApplication
metadata:
  name: ${yaml(applicationName)}
  namespace: ${yaml(requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(applicationName)}
  namespace: argocd
  annotations:
    argocd.argoproj.io/sync-wave: "0"
  finalizers:
    - resources-finalizer.argocd.argoproj.io
  project: ${yaml(projectName)}
  source:
    repoURL: ${yaml(repoURL)}
    chart: ${yaml(chart)}
    targetRevision: ${yaml(targetRevision)}
    helm:
      releaseName: ${yaml(name)}
      valuesObject:${yaml(helmValues, 8)}
  destination:
    server: ${yaml(destinationServer)}
    namespace: ${yaml(targetNamespace)}
  syncPolicy:${yaml(syncPolicy, 4)}

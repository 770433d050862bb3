apiVersion: platform.integratn.tech/v1alpha1
kind: ArgoCDProject
metadata:
  name: ${yaml(names.project)}
  namespace: ${yaml(names.requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(names.project)}
  namespace: ${yaml(application.argocdNamespace)}
  description: ${yaml("VCluster project for " + names.name)}
  annotations:
    argocd.argoproj.io/sync-wave: "-1"
  labels:
    app.kubernetes.io/managed-by: kratix
    kratix.io/promise-name: ${yaml(componentLabels["kratix.io/parent-promise-name"])}
    kratix.io/resource-request: ${yaml(componentLabels["kratix.io/parent-resource-name"])}
    argocd.argoproj.io/project-group: appteam
  sourceRepos:
    - ${yaml(application.repoURL)}
  destinations:
    - server: ${yaml(application.destinationServer)}
      namespace: ${yaml(names.targetNamespace)}
  clusterResourceWhitelist:
    - group: "*"
      kind: "*"
  namespaceResourceWhitelist:
    - group: "*"
      kind: "*"

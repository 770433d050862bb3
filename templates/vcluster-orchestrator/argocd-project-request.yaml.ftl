apiVersion: platform.integratn.tech/v1alpha1
kind: ArgoCDProject
metadata:
  name: ${yaml(projectName)}
  namespace: ${yaml(requestNamespace)}
  labels:${yaml(componentLabels, 4)}
spec:
  name: ${yaml(projectName)}
  namespace: argocd
  description: ${yaml("VCluster project for " + name)}
  annotations:
    argocd.argoproj.io/sync-wave: "-1"
  labels:
    app.kubernetes.io/managed-by: kratix
    kratix.io/promise-name: vcluster-orchestrator
    kratix.io/resource-request: ${yaml(name)}
    argocd.argoproj.io/project-group: appteam
  sourceRepos:
    - ${yaml(repoURL)}
  destinations:
    - server: ${yaml(destinationServer)}
      namespace: ${yaml(targetNamespace)}
  clusterResourceWhitelist:
    - group: "*"
      kind: "*"
  namespaceResourceWhitelist:
    - group: "*"
      kind: "*"

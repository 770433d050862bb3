apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: ${yaml(name)}
  namespace: ${yaml(namespace)}
  annotations:${yaml(annotations, 4)}
  labels:${yaml(labels, 4)}
spec:
<#if description??>
  description: ${yaml(description)}
</#if>
  sourceRepos:${yaml(sourceRepos, 4)}
  destinations:${yaml(destinations, 4)}
  clusterResourceWhitelist:${yaml(clusterResourceWhitelist, 4)}
  namespaceResourceWhitelist:${yaml(namespaceResourceWhitelist, 4)}

apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${yaml(name)}
  namespace: ${yaml(namespace)}
  annotations:${yaml(annotations, 4)}
<#if labels??>
  labels:${yaml(labels, 4)}
</#if>
<#if finalizers??>
  finalizers:${yaml(finalizers, 4)}
</#if>
spec:
  project: ${yaml(project)}
  source:${yaml(source, 4)}
  destination:${yaml(destination, 4)}
  syncPolicy:${yaml(syncPolicy, 4)}

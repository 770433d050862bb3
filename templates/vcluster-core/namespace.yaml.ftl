apiVersion: v1
kind: Namespace
metadata:
  name: ${yaml(targetNamespace)}
  labels:
    app: vcluster
    instance: ${yaml(name)}
    pod-security.kubernetes.io/enforce: privileged
    pod-security.kubernetes.io/audit: privileged
    pod-security.kubernetes.io/warn: privileged

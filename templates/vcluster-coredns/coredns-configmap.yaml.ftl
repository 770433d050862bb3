apiVersion: v1
kind: ConfigMap
metadata:
  name: ${yaml("coredns-x-kube-system-x-" + name)}
  namespace: ${yaml(targetNamespace)}
  labels:
    app: vcluster
    instance: ${yaml(name)}
data:
  Corefile:${yaml(corefile, 4)}

apiVersion: v1
kind: ConfigMap
metadata:
  name: ${yaml(name + "-vcluster-values")}
  namespace: ${yaml(targetNamespace)}
data:
  values.yaml:${yaml(valuesYaml, 4)}

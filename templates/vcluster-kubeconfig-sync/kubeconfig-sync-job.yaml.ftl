apiVersion: ${yaml(platform.externalSecrets.apiVersion)}
kind: ExternalSecret
metadata:
  name: ${yaml(tokenSecret)}
  namespace: ${yaml(targetNamespace)}
spec:
  refreshInterval: 1h
  secretStoreRef:
    name: ${yaml(platform.externalSecrets.storeName)}
    kind: ClusterSecretStore
  target:
    name: ${yaml(tokenSecret)}
    creationPolicy: Owner
  data:
    - secretKey: token
      remoteRef:
        key: onepassword-access-token
        property: credential
    - secretKey: vault
      remoteRef:
        key: onepassword-access-token
        property: vault
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${yaml(serviceAccount)}
  namespace: ${yaml(targetNamespace)}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${yaml(role)}
  namespace: ${yaml(targetNamespace)}
rules:
  - apiGroups:
      - ""
    resources:
      - secrets
    resourceNames:
      - ${yaml(kubeconfigSecret)}
      - ${yaml(tokenSecret)}
    verbs:
      - get
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${yaml(serviceAccount)}
  namespace: ${yaml(targetNamespace)}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${yaml(role)}
subjects:
  - kind: ServiceAccount
    name: ${yaml(serviceAccount)}
    namespace: ${yaml(targetNamespace)}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: ${yaml(jobName)}
  namespace: ${yaml(targetNamespace)}
  labels:
    app: vcluster
    instance: ${yaml(name)}
    component: kubeconfig-sync
spec:
  template:
    metadata:
      labels:
        app: vcluster
        instance: ${yaml(name)}
    spec:
      serviceAccountName: ${yaml(serviceAccount)}
      restartPolicy: OnFailure
      volumes:
        - name: sync-data
          emptyDir: {}
      initContainers:
        - name: wait-for-kubeconfig
          image: ${yaml(platform.images.kubectl)}
          command:${yaml(initCommand, 12)}
          volumeMounts:
            - name: sync-data
              mountPath: /shared
      containers:
        - name: sync-to-onepassword
          image: ${yaml(platform.images.sync)}
          command:${yaml(syncCommand, 12)}
          env:
            - name: OP_CONNECT_HOST
              value: ${yaml(connectHost)}
            - name: OP_CONNECT_TOKEN
              valueFrom:
                secretKeyRef:
                  name: ${yaml(tokenSecret)}
                  key: token
            - name: OP_VAULT_ID
              valueFrom:
                secretKeyRef:
                  name: ${yaml(tokenSecret)}
                  key: vault
            - name: NAMESPACE
              value: ${yaml(targetNamespace)}
            - name: VCLUSTER_NAME
              value: ${yaml(name)}
            - name: HOSTNAME
              value: ${yaml(hostname)}
            - name: API_PORT
              value: ${yaml(apiPort)}
            - name: SERVER_URL
              value: ${yaml(serverUrl)}
            - name: OP_ITEM_NAME
              value: ${yaml(onepasswordItem)}
          volumeMounts:
            - name: sync-data
              mountPath: /shared

apiVersion: ${yaml(externalSecrets.apiVersion)}
kind: ExternalSecret
metadata:
  name: ${yaml(connect.tokenSecret)}
  namespace: ${yaml(targetNamespace)}
spec:
  refreshInterval: 1h
  secretStoreRef:
    name: ${yaml(externalSecrets.store)}
    kind: ClusterSecretStore
  target:
    name: ${yaml(connect.tokenSecret)}
    creationPolicy: Owner
  data:
    - secretKey: token
      remoteRef:
        key: onepassword-access-token
        property: credential
<#if !externalSecrets.vault?has_content>
    <#-- Without onepassword.vault the Job reads its vault from the token item. -->
    - secretKey: vault
      remoteRef:
        key: onepassword-access-token
        property: vault
</#if>
<#-- A Job's pod template cannot change in place, so the Job's name ends in a hash of it: any
     change makes a new Job, and Argo CD prunes the old one. -->
<#assign podTemplate>
  template:
    metadata:
      labels:
        app: vcluster
        instance: ${yaml(name)}
        component: kubeconfig-sync
    spec:
      automountServiceAccountToken: false
      restartPolicy: OnFailure
      securityContext:
        runAsNonRoot: true
        runAsUser: 65532
        runAsGroup: 65532
        fsGroup: 65532
        seccompProfile:
          type: RuntimeDefault
      volumes:
        - name: kubeconfig
          secret:
            secretName: ${yaml(cluster.kubeconfigSecret)}
            items:
              - key: config
                path: config
      containers:
        - name: sync-to-onepassword
          image: ${yaml(job.image)}
          args:
            - sync-kubeconfig
            - --kubeconfig
            - /etc/vcluster-kubeconfig/config
          env:
            - name: OP_CONNECT_HOST
              value: ${yaml(connect.host)}
            - name: OP_CONNECT_TOKEN
              valueFrom:
                secretKeyRef:
                  name: ${yaml(connect.tokenSecret)}
                  key: token
            - name: OP_VAULT_ID
<#if externalSecrets.vault?has_content>
              value: ${yaml(externalSecrets.vault)}
<#else>
              valueFrom:
                secretKeyRef:
                  name: ${yaml(connect.tokenSecret)}
                  key: vault
</#if>
            - name: OP_ITEM_NAME
              value: ${yaml(connect.item)}
            - name: NAMESPACE
              value: ${yaml(targetNamespace)}
            - name: VCLUSTER_NAME
              value: ${yaml(cluster.name)}
            - name: SERVER_URL
              value: ${yaml(cluster.serverUrl)}
<#if job.adoptUnmarkedItems>
            <#-- Only while the platform switches over from the bash pipeline: the items it
                 made carry no mark (docs/operating.md, "Switching over"). -->
            - name: OP_ADOPT_UNMARKED_ITEM
              value: "true"
</#if>
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: "1"
              memory: 256Mi
          securityContext:
            runAsNonRoot: true
            runAsUser: 65532
            runAsGroup: 65532
            allowPrivilegeEscalation: false
            capabilities:
              drop:
                - ALL
            readOnlyRootFilesystem: true
            seccompProfile:
              type: RuntimeDefault
          volumeMounts:
            - name: kubeconfig
              mountPath: /etc/vcluster-kubeconfig
              readOnly: true
</#assign>
---
apiVersion: batch/v1
kind: Job
metadata:
  name: ${yaml(job.namePrefix + "-" + shortHash(podTemplate))}
  namespace: ${yaml(targetNamespace)}
  labels:
    app: vcluster
    instance: ${yaml(name)}
    component: kubeconfig-sync
spec:
  backoffLimit: 6
  activeDeadlineSeconds: 1800
${podTemplate}
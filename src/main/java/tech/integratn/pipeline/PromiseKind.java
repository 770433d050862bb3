package tech.integratn.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The resource kinds this image serves. {@link #promise()} names the Kratix promise, its
 * directory under {@code promises/} and its templates under {@code templates/}.
 */
public enum PromiseKind {
  VCLUSTER_ORCHESTRATOR("VClusterOrchestrator", "vcluster-orchestrator", List.of(
      "vcluster-namespace.yaml",
      "vcluster-core-request.yaml",
      "vcluster-coredns-request.yaml",
      "argocd-project-request.yaml",
      "argocd-application-request.yaml",
      "vcluster-kubeconfig-sync-request.yaml",
      "vcluster-kubeconfig-external-secret-request.yaml",
      "vcluster-argocd-cluster-request.yaml")),
  VCLUSTER_CORE("VClusterCore", "vcluster-core", List.of("namespace.yaml", "helm-values.yaml")),
  VCLUSTER_COREDNS("VClusterCoredns", "vcluster-coredns", List.of("coredns-configmap.yaml")),
  VCLUSTER_KUBECONFIG_SYNC("VClusterKubeconfigSync", "vcluster-kubeconfig-sync",
      List.of("kubeconfig-sync-job.yaml")),
  VCLUSTER_KUBECONFIG_EXTERNAL_SECRET("VClusterKubeconfigExternalSecret",
      "vcluster-kubeconfig-external-secret", List.of("external-secret.yaml")),
  VCLUSTER_ARGOCD_CLUSTER_REGISTRATION("VClusterArgoCDClusterRegistration",
      "vcluster-argocd-cluster-registration", List.of("argocd-cluster-secret.yaml")),
  ARGOCD_PROJECT("ArgoCDProject", "argocd-project", List.of("argocd-project.yaml")),
  ARGOCD_APPLICATION("ArgoCDApplication", "argocd-application", List.of("argocd-application.yaml"));

  public static final String GROUP = "platform.integratn.tech";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private final String kind;
  private final String promise;
  private final List<String> outputFiles;

  PromiseKind(String kind, String promise, List<String> outputFiles) {
    this.kind = kind;
    this.promise = promise;
    this.outputFiles = outputFiles;
  }

  public String kind() {
    return kind;
  }

  public String promise() {
    return promise;
  }

  /** The files this kind renders, in the order they are written and reported. */
  public List<String> outputFiles() {
    return outputFiles;
  }

  public static Optional<PromiseKind> byKind(String kind) {
    return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
  }

  public static String servedKinds() {
    return Arrays.stream(values()).map(PromiseKind::kind).collect(Collectors.joining(", "));
  }
}

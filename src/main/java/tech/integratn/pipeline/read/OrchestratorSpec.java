package tech.integratn.pipeline.read;

import java.util.Map;

/**
 * {@code spec} of a VClusterOrchestrator as written by the user: every field nullable (absent or
 * null), defaults are applied later in {@code resolve}. Free-form maps keep their values as parsed.
 */
public record OrchestratorSpec(
    String name,
    String targetNamespace,
    String projectName,
    VCluster vcluster,
    Exposure exposure,
    Integrations integrations,
    ArgocdApplication argocdApplication) {

  public record VCluster(
      String k8sVersion,
      String preset,
      Integer replicas,
      Resources resources,
      Persistence persistence,
      Coredns coredns,
      Networking networking,
      Map<String, Object> backingStore,
      Map<String, Object> exportKubeConfig,
      Map<String, Object> helmOverrides) {}

  public record Resources(Quantities requests, Quantities limits) {}

  public record Quantities(String cpu, String memory) {}

  public record Persistence(Boolean enabled, String size, String storageClass) {}

  public record Coredns(Integer replicas) {}

  public record Networking(String clusterDomain) {}

  public record Exposure(String hostname, String subnet, String vip, Integer apiPort) {}

  public record Integrations(CertManager certManager, ExternalSecrets externalSecrets, Argocd argocd) {}

  public record CertManager(Map<String, String> clusterIssuerSelectorLabels) {}

  public record ExternalSecrets(Map<String, String> clusterStoreSelectorLabels) {}

  public record Argocd(
      String environment,
      Map<String, String> clusterLabels,
      Map<String, String> clusterAnnotations,
      WorkloadRepo workloadRepo) {}

  public record WorkloadRepo(String url, String basePath, String path, String revision) {}

  public record ArgocdApplication(
      String repoURL,
      String chart,
      String targetRevision,
      String destinationServer,
      Map<String, Object> syncPolicy) {}
}

package tech.integratn.pipeline.settings;

import java.util.List;
import java.util.Map;

/**
 * What differs between platforms: domains, namespaces, stores, repositories, the chart and
 * images. Read from the settings document over the defaults in {@code settings/defaults.yaml},
 * the one place those values live.
 */
public record PlatformSettings(
    String baseDomain,
    ArgocdSettings argocd,
    ExternalSecretsSettings externalSecrets,
    CertManagerSettings certManager,
    Onepassword onepassword,
    Repository workloadRepo,
    Repository addonsRepo,
    Chart chart,
    Images images,
    Scheduling scheduling,
    RequestPolicy requestPolicy) {

  public record ArgocdSettings(String namespace, String destinationServer) {}

  /**
   * {@code storeSelectorLabels} unset selects the store by a label that carries its name, so a
   * platform that renames the store needs no second setting.
   */
  public record ExternalSecretsSettings(String apiVersion, String storeName,
      Map<String, String> storeSelectorLabels) {
    static final String STORE_NAME_LABEL = "integratn.tech/cluster-secret-store";

    public Map<String, String> storeSelector() {
      return storeSelectorLabels == null || storeSelectorLabels.isEmpty()
          ? Map.of(STORE_NAME_LABEL, storeName) : storeSelectorLabels;
    }
  }

  public record CertManagerSettings(Map<String, String> issuerSelectorLabels) {}

  /**
   * {@code adoptUnmarkedItems}, unset unless a platform switches over from the bash pipeline:
   * the sync Jobs then adopt the items it made (docs/operating.md, "Switching over").
   */
  /**
   * {@code vault}, unset: the sync Job reads it from the token item's vault field (the
   * homelab's way); set, it reaches the sync Job directly and the token's ExternalSecret no
   * longer reads it.
   */
  public record Onepassword(String connectHost, Boolean adoptUnmarkedItems, String vault) {
    public boolean adopt() {
      return Boolean.TRUE.equals(adoptUnmarkedItems);
    }
  }

  public record Repository(String url, String basePath, String path, String revision) {}

  public record Chart(String repoURL, String name, String version, String valuesSchemaFile) {}

  /**
   * The Destination labels each promise selects: the orchestrator's sub-requests must reach the
   * platform cluster (where the sub-promises' CRDs are), each part's documents the cluster that
   * applies them.
   */
  public record Scheduling(Map<String, String> subRequestSelectorLabels,
      Map<String, String> partSelectorLabels) {}

  /**
   * What a request may ask for (the admit stage applies it): where requests come from and the
   * prefix of their shared names, what is never theirs, and what the platform opens beyond each
   * request's own derived names.
   */
  public record RequestPolicy(
      List<RequestNamespace> requestNamespaces,
      List<String> reservedNamespaces,
      List<String> reservedProjects,
      String targetNamespacePattern,
      String projectNamePattern,
      List<String> hostnameDomains,
      List<String> baseDomains,
      List<ChartSource> chartSources,
      List<String> destinationServers,
      List<String> reservedNames,
      HelmValuePaths helmValues) {}

  /** A namespace requests are accepted from; {@code prefix} "" keeps the names unprefixed. */
  public record RequestNamespace(String namespace, String prefix) {}

  public record ChartSource(String repoURL, String chart) {}

  /** Value paths of the vcluster chart a request may set: the list, and additions to it. */
  public record HelmValuePaths(List<String> allow, List<String> alsoAllow) {}

  /** {@code kubeconfigSync} empty means this pipeline image's own reference. */
  public record Images(String kubeconfigSync, String vclusterControlPlane) {}
}

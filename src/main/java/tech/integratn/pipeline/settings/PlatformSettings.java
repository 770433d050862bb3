package tech.integratn.pipeline.settings;

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
    Scheduling scheduling) {

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
  public record Onepassword(String connectHost, Boolean adoptUnmarkedItems) {
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

  /** {@code kubeconfigSync} empty means this pipeline image's own reference. */
  public record Images(String kubeconfigSync, String vclusterControlPlane) {}
}

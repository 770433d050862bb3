package tech.integratn.pipeline.resolve;

import java.util.Map;

/** Every default of the orchestrator spec that does not come from a preset, in one place. */
public final class Defaults {
  public static final String K8S_VERSION = "v1.34.3";
  public static final String PRESET = "dev";
  public static final String CLUSTER_DOMAIN = "cluster.local";
  public static final int API_PORT = 443;
  public static final String BASE_DOMAIN = "integratn.tech";

  public static final Map<String, String> CLUSTER_ISSUER_SELECTOR_LABELS =
      Map.of("integratn.tech/cluster-issuer", "letsencrypt-prod");
  public static final Map<String, String> CLUSTER_STORE_SELECTOR_LABELS =
      Map.of("integratn.tech/cluster-secret-store", "onepassword-store");

  public static final String ENVIRONMENT_PROD = "production";
  public static final String ENVIRONMENT_OTHER = "development";

  public static final String WORKLOAD_REPO_URL = "https://github.com/jamesatintegratnio/gitops_homelab_2_0";
  public static final String WORKLOAD_REPO_BASE_PATH = "";
  public static final String WORKLOAD_REPO_PATH = "workloads";
  public static final String WORKLOAD_REPO_REVISION = "main";

  public static final String CHART_REPO_URL = "https://charts.loft.sh";
  public static final String CHART = "vcluster";
  public static final String CHART_VERSION = "0.30.4";
  public static final String DESTINATION_SERVER = "https://kubernetes.default.svc";

  /** Chart version from which the vcluster chart knows controlPlane.advanced.podDisruptionBudget. */
  public static final String PDB_MIN_CHART_VERSION = "0.31.0";
  /** The VIP derived from a subnet is its network address plus this offset. */
  public static final int VIP_OFFSET = 100;

  public static final String ANNOTATION_BASE_DOMAIN = "platform.integratn.tech/base-domain";
  public static final String ANNOTATION_RECONCILE_AT = "platform.integratn.tech/reconcile-at";

  public static final String ARGOCD_NAMESPACE = "argocd";
  /** Argo CD's own default project, for an ArgoCDApplication request that names none. */
  public static final String ARGOCD_PROJECT = "default";

  /** The 1Password Connect server the kubeconfig sync Job talks to. */
  public static final String ONEPASSWORD_CONNECT_HOST = "https://connect.integratn.tech";

  private Defaults() {}

  /** {@code value} as given, or {@code fallback} when the request leaves it out (null). */
  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}

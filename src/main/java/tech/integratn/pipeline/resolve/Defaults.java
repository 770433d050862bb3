package tech.integratn.pipeline.resolve;

/**
 * Every default of the request specs that comes neither from a preset nor from the platform
 * settings ({@code settings/defaults.yaml} holds the platform's values), in one place.
 */
public final class Defaults {
  public static final String K8S_VERSION = "v1.34.3";
  public static final String PRESET = "dev";
  public static final String CLUSTER_DOMAIN = "cluster.local";
  public static final int API_PORT = 443;

  public static final String ENVIRONMENT_PROD = "production";
  public static final String ENVIRONMENT_OTHER = "development";

  /** The VIP derived from a subnet is its network address plus this offset. */
  public static final int VIP_OFFSET = 100;

  public static final String ANNOTATION_BASE_DOMAIN =
      tech.integratn.pipeline.admit.Admission.ANNOTATION_BASE_DOMAIN;
  public static final String ANNOTATION_RECONCILE_AT = "platform.integratn.tech/reconcile-at";

  /** Argo CD's own default project, for an ArgoCDApplication request that names none. */
  public static final String ARGOCD_PROJECT = "default";

  private Defaults() {}

  /** {@code value} as given, or {@code fallback} when the request leaves it out (null). */
  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}

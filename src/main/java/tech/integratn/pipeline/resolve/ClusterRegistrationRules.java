package tech.integratn.pipeline.resolve;

import static tech.integratn.pipeline.yaml.Tree.map;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.guard.GoTemplate;
import tech.integratn.pipeline.settings.PlatformSettings;

/**
 * Base labels and annotations of the Argo CD cluster registration; the user's keys go on top,
 * except the keys the platform needs, which a request cannot override: Argo CD reads a cluster
 * Secret only when its {@code argocd.argoproj.io/secret-type} is {@code cluster}, and the
 * cluster's name, Argo CD's manager and the base domain identify the cluster to the addons.
 */
final class ClusterRegistrationRules {
  /**
   * Label keys the platform sets; any key under argocd.argoproj.io/ is Argo CD's too. The
   * cluster's role and type, like its name, tell the platform's ApplicationSets what to install.
   */
  static final java.util.Set<String> RESERVED_LABELS = platformLabels("").keySet();
  /**
   * Annotation keys the platform sets: the addons repository and the addons' namespaces are
   * where its ApplicationSets install from and to, with the platform's rights.
   */
  static final java.util.Set<String> RESERVED_ANNOTATIONS = reservedAnnotations();
  private static final String ARGOCD_PREFIX = "argocd.argoproj.io/";

  private ClusterRegistrationRules() {}

  /** A request's own labels or annotations must leave the platform's keys alone (exit 3). */
  static void refuseReserved(Map<String, ?> user, boolean labels, String field) {
    if (user == null) {
      return;
    }
    for (String key : user.keySet()) {
      if ((labels ? RESERVED_LABELS : RESERVED_ANNOTATIONS).contains(key)
          || labels && key.startsWith(ARGOCD_PREFIX)) {
        throw PipelineException.invalidField(field + "." + key, "is set by the platform on the "
            + "Argo CD cluster Secret and cannot be overridden", "Remove it; Argo CD and the "
            + "addons rely on the platform's value.");
      }
    }
  }

  /**
   * External Secrets executes the labels and annotations under {@code target.template.metadata}
   * as Go templates; their values are escaped ({@link #asTemplateData}), but a key cannot be. No
   * Kubernetes label or annotation key holds a brace, so a key with {@code {{} is refused here.
   */
  static void refuseTemplateKeys(Map<String, ?> values, String field) {
    if (values == null) {
      return;
    }
    values.keySet().stream().filter(key -> key.contains("{{")).findFirst().ifPresent(key -> {
      throw PipelineException.invalidField(field + "." + key, "is a key holding {{, which "
          + "External Secrets would execute as a Go template with the cluster's credentials",
          "Use a Kubernetes label or annotation key: letters, digits, '-', '_', '.' and one '/'.");
    });
  }

  /**
   * A registration request's labels or annotations, which carry the base keys the orchestrator
   * merged: the platform's keys may appear only with the platform's value.
   */
  static void refuseChanged(Map<String, String> given, Map<String, String> required, String field) {
    required.forEach((key, value) -> {
      String found = given.get(key);
      if (found != null && !found.equals(value)) {
        throw PipelineException.invalidField(field + "." + key, "must be " + value + " (the "
            + "platform sets it), not " + found, "Remove it or set the platform's value.");
      }
    });
  }

  /** The registration labels only the platform sets, with their values. */
  static Map<String, String> platformLabels(String cluster) {
    return Map.of("argocd.argoproj.io/secret-type", "cluster",
        "akuity.io/argo-cd-cluster-name", cluster, "cluster_name", cluster,
        "cluster_role", "vcluster", "cluster_type", "vcluster");
  }

  /** The registration annotations only the platform sets, with their values. */
  static Map<String, String> platformAnnotations(String cluster,
      PlatformSettings.Repository addons) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("managed-by", "argocd.argoproj.io");
    annotations.put("cluster_name", cluster);
    annotations.put("addons_repo_url", addons.url());
    annotations.put("addons_repo_revision", addons.revision());
    annotations.put("addons_repo_basepath", addons.basePath());
    annotations.put("addons_repo_path", addons.path());
    annotations.put("cert_manager_namespace", "cert-manager");
    annotations.put("external_dns_namespace", "external-dns");
    annotations.put("nfs_subdir_external_provisioner_namespace", "nfs-provisioner");
    return annotations;
  }

  private static java.util.Set<String> reservedAnnotations() {
    java.util.Set<String> keys = new java.util.HashSet<>(platformAnnotations("",
        new PlatformSettings.Repository("", "", "", "")).keySet());
    keys.add("platform.integratn.tech/base-domain");
    keys.add("platform.integratn.tech/base-domain-sanitized");
    return java.util.Set.copyOf(keys);
  }

  /**
   * Values External Secrets executes as Go templates (every label and annotation under
   * {@code target.template.metadata}), written so that an execution gives them back byte for byte:
   * request text there is data, never code.
   */
  static Map<String, String> asTemplateData(Map<String, String> values) {
    Map<String, String> escaped = new LinkedHashMap<>();
    values.forEach((key, value) -> escaped.put(key, GoTemplate.escape(value)));
    return escaped;
  }

  static Map<String, Object> labels(String name, String environment) {
    return map(
        "argocd.argoproj.io/secret-type", "cluster",
        "akuity.io/argo-cd-cluster-name", name,
        "cluster_name", name,
        "cluster_role", "vcluster",
        "cluster_type", "vcluster",
        "enable_argocd", "true",
        "enable_gateway_api_crds", "true",
        "enable_nginx_gateway_fabric", "true",
        "enable_cert_manager", "true",
        "enable_external_secrets", "true",
        "enable_external_dns", "true",
        "environment", environment);
  }

  static Map<String, Object> annotations(String name, String environment, String baseDomain,
      PlatformSettings.Repository workload, PlatformSettings.Repository addons) {
    return map(
        "addons_repo_url", addons.url(),
        "addons_repo_revision", addons.revision(),
        "addons_repo_basepath", addons.basePath(),
        "addons_repo_path", addons.path(),
        "managed-by", "argocd.argoproj.io",
        "cert_manager_namespace", "cert-manager",
        "external_dns_namespace", "external-dns",
        "nfs_subdir_external_provisioner_namespace", "nfs-provisioner",
        "cluster_name", name,
        "environment", environment,
        "platform.integratn.tech/base-domain", baseDomain,
        "platform.integratn.tech/base-domain-sanitized", baseDomain.replace('.', '-'),
        "workload_repo_url", workload.url(),
        "workload_repo_basepath", workload.basePath(),
        "workload_repo_path", workload.path(),
        "workload_repo_revision", workload.revision());
  }
}

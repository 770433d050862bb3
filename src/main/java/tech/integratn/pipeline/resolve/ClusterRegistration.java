package tech.integratn.pipeline.resolve;

import static tech.integratn.pipeline.resolve.Tree.map;

import java.util.Map;
import tech.integratn.pipeline.settings.PlatformSettings;

/** Base labels and annotations of the Argo CD cluster registration; the user's keys go on top. */
final class ClusterRegistration {
  private ClusterRegistration() {}

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

package tech.integratn.pipeline.resolve;

import static tech.integratn.pipeline.resolve.Tree.list;
import static tech.integratn.pipeline.resolve.Tree.map;

import java.util.Map;

/** The vcluster chart values: the base tree, then the user's maps merged over it in order. */
final class HelmValues {
  private static final String ESO_TOKEN = "eso-onepassword-token";

  private HelmValues() {}

  record Inputs(
      String name,
      String targetNamespace,
      String environment,
      String k8sVersion,
      int replicas,
      String cpuRequest,
      String memoryRequest,
      String cpuLimit,
      String memoryLimit,
      boolean persistenceEnabled,
      String persistenceSize,
      String storageClass,
      int corednsReplicas,
      String clusterDomain,
      String hostname,
      String vip,
      int apiPort,
      String serverUrl,
      boolean chartHasPodDisruptionBudget,
      Map<String, String> clusterStoreSelectorLabels,
      Map<String, String> clusterIssuerSelectorLabels,
      Map<String, Object> backingStore,
      Map<String, Object> exportKubeConfig,
      Map<String, Object> helmOverrides) {}

  static Map<String, Object> build(Inputs in) {
    Map<String, Object> values = base(in);
    if (in.backingStore() != null && !in.backingStore().isEmpty()) {
      values = Tree.merge(values, map("controlPlane", map("backingStore", in.backingStore())));
    }
    Map<String, Object> export = Tree.merge(map("server", in.serverUrl()), in.exportKubeConfig());
    values = Tree.merge(values, map("exportKubeConfig", export));
    return Tree.merge(values, in.helmOverrides());
  }

  private static Map<String, Object> base(Inputs in) {
    return map(
        "controlPlane", map(
            "distro", map("k8s", map("enabled", true, "version", in.k8sVersion())),
            "serviceMonitor", map(
                "enabled", true,
                "labels", map(
                    "vcluster_name", in.name(),
                    "vcluster_namespace", in.targetNamespace(),
                    "environment", in.environment(),
                    "cluster_role", "vcluster")),
            "statefulSet", map(
                "highAvailability", map("replicas", in.replicas()),
                "scheduling", map(
                    "podManagementPolicy", "Parallel",
                    "priorityClassName", "system-cluster-critical"),
                "image", map("repository", "loft-sh/vcluster-oss"),
                "persistence", map("volumeClaim", map(
                    "enabled", in.persistenceEnabled(),
                    "size", in.persistenceSize(),
                    "storageClass", in.storageClass())),
                "resources", map(
                    "requests", map("cpu", in.cpuRequest(), "memory", in.memoryRequest()),
                    "limits", map("cpu", in.cpuLimit(), "memory", in.memoryLimit()))),
            "coredns", map(
                "enabled", true,
                "deployment", map("replicas", in.corednsReplicas()),
                "overwriteConfig", Corefile.forDomain(in.clusterDomain())),
            "proxy", map("extraSANs", list(in.hostname(), in.vip())),
            "service", map(
                "enabled", true,
                "annotations", map("external-dns.alpha.kubernetes.io/hostname", in.hostname()),
                "spec", map(
                    "type", "LoadBalancer",
                    "loadBalancerIP", in.vip(),
                    "ports", list(
                        servicePort("https", in.apiPort()),
                        in.apiPort() != 443 ? servicePort("https-internal", 443) : null))),
            "advanced", in.chartHasPodDisruptionBudget()
                ? map("podDisruptionBudget", map("enabled", true, "minAvailable", 1))
                : null),
        "deploy", map("metallb", map("enabled", true)),
        "integrations", map(
            "externalSecrets", map(
                "enabled", true,
                "webhook", map("enabled", true),
                "sync", map("fromHost", map("clusterStores", map(
                    "enabled", true,
                    "selector", map("matchLabels", in.clusterStoreSelectorLabels()))))),
            "metricsServer", map("enabled", true),
            "certManager", map(
                "enabled", true,
                "sync", map("fromHost", map("clusterIssuers", map(
                    "enabled", true,
                    "selector", map("labels", in.clusterIssuerSelectorLabels())))))),
        "telemetry", map("enabled", false),
        "logging", map("encoding", "json"),
        "networking", map("advanced", map("clusterDomain", in.clusterDomain())),
        "sync", map(
            "toHost", map(
                "pods", map("enabled", true),
                "persistentVolumes", map("enabled", true),
                "ingresses", map("enabled", true),
                "networkPolicies", map("enabled", false)),
            "fromHost", map(
                "storageClasses", map("enabled", true),
                "ingressClasses", map("enabled", true),
                "secrets", map(
                    "enabled", true,
                    "mappings", map("byName", map(
                        "external-secrets/" + ESO_TOKEN, "external-secrets/" + ESO_TOKEN))))),
        "rbac", map("clusterRole", map(
            "enabled", true,
            "extraRules", list(map(
                "apiGroups", list(""),
                "resources", list("secrets"),
                "verbs", list("get", "list", "watch"),
                "resourceNames", list(ESO_TOKEN))))));
  }

  private static Map<String, Object> servicePort(String name, int port) {
    return map("name", name, "port", port, "targetPort", 8443, "protocol", "TCP");
  }
}

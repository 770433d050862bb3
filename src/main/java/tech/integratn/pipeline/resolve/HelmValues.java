package tech.integratn.pipeline.resolve;

import static tech.integratn.pipeline.yaml.Tree.list;
import static tech.integratn.pipeline.yaml.Tree.map;

import java.util.Map;
import tech.integratn.pipeline.yaml.Tree;

/** The vcluster chart values: the base tree, then the user's maps merged over it in order. */
final class HelmValues {
  private static final String ESO_TOKEN = "eso-onepassword-token";

  private HelmValues() {}

  /** Everything the values are made of, in named groups. */
  record Inputs(
      Identity identity,
      ControlPlane controlPlane,
      OrchestratorModel.Endpoint endpoint,
      String clusterDomain,
      ChartFeatures chart,
      Selectors selectors,
      UserValues user) {}

  record Identity(String name, String targetNamespace, String environment) {}

  /** The control plane's size: replicas, resources, persistence and CoreDNS replicas. */
  record ControlPlane(String image, String k8sVersion, int replicas, ResourcesValues resources,
      PersistenceValues persistence, int corednsReplicas) {}

  record ResourcesValues(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {}

  record PersistenceValues(boolean enabled, String size, String storageClass) {}

  record Selectors(Map<String, String> clusterStore, Map<String, String> clusterIssuer) {}

  /** The user's free-form maps, merged over the base in this order. */
  record UserValues(Map<String, Object> backingStore, Map<String, Object> exportKubeConfig,
      Map<String, Object> helmOverrides) {}

  static Map<String, Object> build(Inputs in) {
    Map<String, Object> values = base(in);
    if (in.user().backingStore() != null && !in.user().backingStore().isEmpty()) {
      values = Tree.merge(values, map("controlPlane", map("backingStore", in.user().backingStore())));
    }
    Map<String, Object> export = Tree.merge(map("server", in.endpoint().serverUrl()), in.user().exportKubeConfig());
    values = Tree.merge(values, map("exportKubeConfig", export));
    return Tree.merge(values, in.user().helmOverrides());
  }

  private static Map<String, Object> base(Inputs in) {
    return map(
        "controlPlane", map(
            "distro", map("k8s", map("enabled", true, "version", in.controlPlane().k8sVersion())),
            "serviceMonitor", map(
                "enabled", true,
                "labels", map(
                    "vcluster_name", in.identity().name(),
                    "vcluster_namespace", in.identity().targetNamespace(),
                    "environment", in.identity().environment(),
                    "cluster_role", "vcluster")),
            "statefulSet", map(
                "highAvailability", map("replicas", in.controlPlane().replicas()),
                "scheduling", map(
                    "podManagementPolicy", "Parallel",
                    "priorityClassName", "system-cluster-critical"),
                "image", map("repository", in.controlPlane().image()),
                "persistence", map("volumeClaim", map(
                    "enabled", in.controlPlane().persistence().enabled(),
                    "size", in.controlPlane().persistence().size(),
                    "storageClass", in.controlPlane().persistence().storageClass())),
                "resources", map(
                    "requests", map("cpu", in.controlPlane().resources().cpuRequest(), "memory", in.controlPlane().resources().memoryRequest()),
                    "limits", map("cpu", in.controlPlane().resources().cpuLimit(), "memory", in.controlPlane().resources().memoryLimit()))),
            "coredns", map(
                "enabled", true,
                "deployment", map("replicas", in.controlPlane().corednsReplicas()),
                "overwriteConfig", Corefile.forDomain(in.clusterDomain())),
            "proxy", map("extraSANs", list(in.endpoint().hostname(), in.endpoint().vip())),
            "service", map(
                "enabled", true,
                "annotations", map("external-dns.alpha.kubernetes.io/hostname", in.endpoint().hostname()),
                "spec", map(
                    "type", "LoadBalancer",
                    "loadBalancerIP", in.endpoint().vip(),
                    "ports", list(
                        servicePort("https", in.endpoint().apiPort()),
                        in.endpoint().apiPort() != 443 ? servicePort("https-internal", 443) : null))),
            "advanced", in.chart().podDisruptionBudget()
                ? map("podDisruptionBudget", map("enabled", true, "minAvailable", 1))
                : null),
        "deploy", map("metallb", map("enabled", true)),
        "integrations", map(
            "externalSecrets", map(
                "enabled", true,
                "webhook", map("enabled", true),
                "sync", map("fromHost", map("clusterStores", map(
                    "enabled", true,
                    "selector", map("matchLabels", in.selectors().clusterStore()))))),
            "metricsServer", map("enabled", true),
            "certManager", map(
                "enabled", true,
                "sync", map("fromHost", map("clusterIssuers", map(
                    "enabled", true,
                    "selector", map("labels", in.selectors().clusterIssuer())))))),
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

package tech.integratn.pipeline.resolve;

import static tech.integratn.pipeline.yaml.Tree.list;
import static tech.integratn.pipeline.yaml.Tree.map;

import java.util.Map;
import tech.integratn.pipeline.yaml.Tree;

/**
 * The vcluster chart values of a settled request: the base tree, then the user's maps merged
 * over it in order. Each step below builds one top-level section of the chart's values.
 */
final class HelmValues {
  private static final String ESO_TOKEN = "eso-onepassword-token";

  private HelmValues() {}

  static Map<String, Object> build(Settled settled) {
    Settled.UserValues user = settled.user();
    Map<String, Object> values = base(settled);
    if (user.backingStore() != null && !user.backingStore().isEmpty()) {
      values = Tree.merge(values, map("controlPlane", map("backingStore", user.backingStore())));
    }
    Map<String, Object> export = Tree.merge(map("server", settled.endpoint().serverUrl()),
        user.exportKubeConfig());
    values = Tree.merge(values, map("exportKubeConfig", export));
    return Tree.merge(values, user.helmOverrides());
  }

  private static Map<String, Object> base(Settled settled) {
    return map(
        "controlPlane", controlPlane(settled),
        "deploy", map("metallb", map("enabled", true)),
        "integrations", integrations(settled.selectors()),
        "telemetry", map("enabled", false),
        "logging", map("encoding", "json"),
        "networking", map("advanced", map("clusterDomain", settled.kubernetes().clusterDomain())),
        "sync", sync(),
        "rbac", rbac());
  }

  private static Map<String, Object> controlPlane(Settled settled) {
    Settled.Kubernetes kubernetes = settled.kubernetes();
    OrchestratorModel.Endpoint endpoint = settled.endpoint();
    return map(
        "distro", map("k8s", map("enabled", true, "version", kubernetes.version())),
        "serviceMonitor", map(
            "enabled", true,
            "labels", map(
                "vcluster_name", settled.names().name(),
                "vcluster_namespace", settled.names().targetNamespace(),
                "environment", settled.environment(),
                "cluster_role", "vcluster")),
        "statefulSet", statefulSet(kubernetes.image(), settled.size()),
        "coredns", map(
            "enabled", true,
            "deployment", map("replicas", settled.size().replicas().coredns()),
            "overwriteConfig", Corefile.forDomain(kubernetes.clusterDomain())),
        "proxy", map("extraSANs", list(endpoint.hostname(), endpoint.vip())),
        "service", service(endpoint),
        "advanced", settled.chart().podDisruptionBudget()
            ? map("podDisruptionBudget", map("enabled", true, "minAvailable", 1))
            : null);
  }

  private static Map<String, Object> statefulSet(String image, Settled.Size size) {
    Settled.Persistence persistence = size.persistence();
    return map(
        "highAvailability", map("replicas", size.replicas().controlPlane()),
        "scheduling", map(
            "podManagementPolicy", "Parallel",
            "priorityClassName", "system-cluster-critical"),
        "image", map("repository", image),
        "persistence", map("volumeClaim", map(
            "enabled", persistence.enabled(),
            "size", persistence.size(),
            "storageClass", persistence.storageClass())),
        "resources", map(
            "requests", quantities(size.resources().requests()),
            "limits", quantities(size.resources().limits())));
  }

  private static Map<String, Object> quantities(Settled.Quantities quantities) {
    return map("cpu", quantities.cpu(), "memory", quantities.memory());
  }

  /** The API's LoadBalancer Service; a port other than 443 keeps 443 open inside as well. */
  private static Map<String, Object> service(OrchestratorModel.Endpoint endpoint) {
    return map(
        "enabled", true,
        "annotations", map("external-dns.alpha.kubernetes.io/hostname", endpoint.hostname()),
        "spec", map(
            "type", "LoadBalancer",
            "loadBalancerIP", endpoint.vip(),
            "ports", list(
                servicePort("https", endpoint.apiPort()),
                endpoint.apiPort() != 443 ? servicePort("https-internal", 443) : null)));
  }

  private static Map<String, Object> servicePort(String name, int port) {
    return map("name", name, "port", port, "targetPort", 8443, "protocol", "TCP");
  }

  private static Map<String, Object> integrations(Settled.Selectors selectors) {
    return map(
        "externalSecrets", map(
            "enabled", true,
            "webhook", map("enabled", true),
            "sync", map("fromHost", map("clusterStores", map(
                "enabled", true,
                "selector", map("matchLabels", selectors.clusterStore()))))),
        "metricsServer", map("enabled", true),
        "certManager", map(
            "enabled", true,
            "sync", map("fromHost", map("clusterIssuers", map(
                "enabled", true,
                "selector", map("labels", selectors.clusterIssuer()))))));
  }

  /** What the vcluster syncs to and from the host; the ESO token is the one host Secret it reads. */
  private static Map<String, Object> sync() {
    return map(
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
                    "external-secrets/" + ESO_TOKEN, "external-secrets/" + ESO_TOKEN)))));
  }

  private static Map<String, Object> rbac() {
    return map("clusterRole", map(
        "enabled", true,
        "extraRules", list(map(
            "apiGroups", list(""),
            "resources", list("secrets"),
            "verbs", list("get", "list", "watch"),
            "resourceNames", list(ESO_TOKEN)))));
  }
}

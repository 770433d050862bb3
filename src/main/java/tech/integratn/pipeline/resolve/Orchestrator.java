package tech.integratn.pipeline.resolve;

import java.util.Map;

/**
 * A VClusterOrchestrator with every default, preset and derived value settled, in the groups
 * the templates use ({@code names.project}, {@code endpoint.serverUrl}, ...).
 */
public record Orchestrator(
    Names names,
    Endpoint endpoint,
    Application application,
    Values values,
    Registration registration,
    String preset,
    String clusterDomain,
    Map<String, String> componentLabels) {

  /** What the vcluster and its parts are called, and where the request and vcluster live. */
  public record Names(String name, String requestNamespace, String targetNamespace,
      String project, String application, String onepasswordItem, String kubeconfigSyncJob) {}

  /** How the vcluster's API is reached. {@code vip} is null when there is none. */
  public record Endpoint(String hostname, String vip, int apiPort, String serverUrl) {}

  /** The Argo CD Application that installs the chart, and where. */
  public record Application(String argocdNamespace, String repoURL, String chart,
      String targetRevision, String destinationServer, Map<String, Object> syncPolicy) {}

  /** The chart's Helm values, as a tree (Application) and as text (VClusterCore). */
  public record Values(Map<String, Object> tree, String text) {}

  /** The Argo CD cluster registration: environment, base domain, labels and annotations. */
  public record Registration(String environment, String baseDomain, Map<String, Object> labels,
      Map<String, Object> annotations) {}
}

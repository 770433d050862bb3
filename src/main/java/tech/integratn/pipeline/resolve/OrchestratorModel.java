package tech.integratn.pipeline.resolve;

import java.util.Map;

/**
 * A VClusterOrchestrator with every default, preset and derived value settled, in the groups
 * the templates use ({@code names.project}, {@code endpoint.serverUrl}, ...).
 */
public record OrchestratorModel(
    Naming names,
    Endpoint endpoint,
    ChartApplication application,
    ChartValues values,
    Registration registration,
    String preset,
    String clusterDomain,
    Map<String, String> componentLabels) {

  /** What the vcluster and its parts are called, and where the request and vcluster live. */
  public record Naming(String name, String requestNamespace, String targetNamespace,
      String project, String application, String onepasswordItem, String kubeconfigSyncJob) {}

  /** How the vcluster's API is reached. {@code vip} is null when there is none. */
  public record Endpoint(String hostname, String vip, int apiPort, String serverUrl) {}

  /** The Argo CD Application that installs the chart, and where. */
  public record ChartApplication(String argocdNamespace, String repoURL, String chart,
      String targetRevision, String destinationServer, Map<String, Object> syncPolicy) {}

  /** The chart's Helm values, as a tree (Application) and as text (VClusterCore). */
  public record ChartValues(Map<String, Object> tree, String text) {}

  /** The Argo CD cluster registration's labels and annotations, the request's over the base. */
  public record Registration(Map<String, Object> labels, Map<String, Object> annotations) {}
}

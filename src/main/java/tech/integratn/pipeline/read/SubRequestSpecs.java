package tech.integratn.pipeline.read;

import java.util.List;
import java.util.Map;

/** {@code spec} of each sub-request kind the orchestrator emits; nullable as written. */
public final class SubRequestSpecs {
  private SubRequestSpecs() {}

  public record CoreSpec(String name, String targetNamespace, String valuesYaml) {}

  public record CorednsSpec(String name, String targetNamespace, String clusterDomain) {}

  public record KubeconfigSyncSpec(
      String name,
      String targetNamespace,
      String kubeconfigSyncJobName,
      String onepasswordItem,
      String hostname,
      Integer apiPort,
      String serverUrl) {}

  public record KubeconfigExternalSecretSpec(String name, String targetNamespace, String onepasswordItem) {}

  public record ClusterRegistrationSpec(
      String name,
      String argocdNamespace,
      String onepasswordItem,
      Map<String, String> labels,
      Map<String, String> annotations) {}

  public record ProjectSpec(
      String name,
      String namespace,
      String description,
      Map<String, String> annotations,
      Map<String, String> labels,
      List<String> sourceRepos,
      List<Map<String, Object>> destinations,
      List<Map<String, Object>> clusterResourceWhitelist,
      List<Map<String, Object>> namespaceResourceWhitelist) {}

  public record ApplicationSpec(
      String name,
      String namespace,
      Map<String, String> annotations,
      Map<String, String> labels,
      List<String> finalizers,
      String project,
      Source source,
      Destination destination,
      Map<String, Object> syncPolicy) {}

  public record Source(String repoURL, String chart, String targetRevision, Helm helm) {}

  public record Helm(String releaseName, Map<String, Object> valuesObject) {}

  public record Destination(String server, String namespace) {}
}

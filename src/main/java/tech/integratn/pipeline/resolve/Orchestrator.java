package tech.integratn.pipeline.resolve;

import java.util.Map;

/** A VClusterOrchestrator with every default, preset and derived value settled. */
public record Orchestrator(
    String name,
    String requestNamespace,
    String targetNamespace,
    String projectName,
    String applicationName,
    String preset,
    String baseDomain,
    String baseDomainSanitized,
    String hostname,
    String vip,
    int apiPort,
    String serverUrl,
    String clusterDomain,
    String environment,
    String onepasswordItem,
    String kubeconfigSyncJobName,
    String repoURL,
    String chart,
    String targetRevision,
    String destinationServer,
    Map<String, Object> helmValues,
    String valuesYaml,
    Map<String, Object> syncPolicy,
    Map<String, Object> clusterLabels,
    Map<String, Object> clusterAnnotations,
    Map<String, String> componentLabels) {}

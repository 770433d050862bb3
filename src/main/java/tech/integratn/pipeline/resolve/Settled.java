package tech.integratn.pipeline.resolve;

import java.util.Map;

/**
 * What the vcluster's chart values are made of, every default, preset and platform value
 * settled once by {@code OrchestratorResolver}; {@code HelmValues} reads nothing else, and the
 * template model shares its names and endpoint.
 */
record Settled(
    OrchestratorModel.Naming names,
    String environment,
    OrchestratorModel.Endpoint endpoint,
    ChartFeatures chart,
    Kubernetes kubernetes,
    Size size,
    Selectors selectors,
    UserValues user) {

  /** The Kubernetes the control plane runs: its image repository, version and cluster domain. */
  record Kubernetes(String image, String version, String clusterDomain) {}

  /** The control plane's size: a preset's, with each field the request gives over it. */
  record Size(Replicas replicas, Resources resources, Persistence persistence) {}

  record Replicas(int controlPlane, int coredns) {}

  record Resources(Quantities requests, Quantities limits) {}

  record Quantities(String cpu, String memory) {}

  /** {@code storageClass} null: the cluster's default class. */
  record Persistence(boolean enabled, String size, String storageClass) {}

  /** The labels that pick the host's ClusterSecretStores and ClusterIssuers to sync. */
  record Selectors(Map<String, String> clusterStore, Map<String, String> clusterIssuer) {}

  /** The request's free-form maps, merged over the base values in this order; null: none. */
  record UserValues(Map<String, Object> backingStore, Map<String, Object> exportKubeConfig,
      Map<String, Object> helmOverrides) {}
}

package tech.integratn.pipeline.resolve;

/**
 * The keys of the base Helm values that only some vcluster chart releases know, decided from
 * the requested release, so the base values pass every bundled release's schema.
 */
record ChartFeatures(boolean podDisruptionBudget) {
  /** controlPlane.advanced.podDisruptionBudget exists from this release on. */
  static final String PDB_SINCE = "0.31.0";

  static ChartFeatures of(String targetRevision) {
    return new ChartFeatures(ChartVersion.atLeast(targetRevision, PDB_SINCE));
  }
}

package tech.integratn.pipeline.resolve;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tech.integratn.pipeline.PipelineException;
import tech.integratn.pipeline.schema.JsonSchemas;
import tech.integratn.pipeline.schema.JsonTree;

/**
 * Checks merged vcluster Helm values against the chart's own values.schema.json of the requested
 * chart version (bundled for the versions we support), as the chart itself will at install time.
 */
public final class ChartValuesCheck {
  /** Where the jar holds the chart schemas (compacted by the build: build.BundledSchemas). */
  public static final String SCHEMA_DIRECTORY = "vcluster-chart";
  /** The chart versions whose schemas ship in the jar under vcluster-chart/. */
  public static final List<String> BUNDLED_VERSIONS = List.of("0.30.4", "0.31.0");
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

  private ChartValuesCheck() {}

  /** The bundled chart version matching {@code targetRevision} ("v0.31.0" = "0.31.0"), if any. */
  static Optional<String> bundledVersion(String targetRevision) {
    String version = targetRevision.trim().startsWith("v") ? targetRevision.trim().substring(1)
        : targetRevision.trim();
    return BUNDLED_VERSIONS.contains(version) ? Optional.of(version) : Optional.empty();
  }

  /**
   * Refuses values the chart would reject; returns a warning when no schema is bundled for the
   * version, or empty.
   */
  public static Optional<String> check(Map<String, Object> values, String targetRevision,
      String fieldsToCheck) {
    Optional<String> version = bundledVersion(targetRevision);
    if (version.isEmpty()) {
      return Optional.of("warning: no vcluster chart schema is bundled for chart version "
          + targetRevision + " (bundled: " + String.join(", ", BUNDLED_VERSIONS)
          + "); the Helm values were not checked against the chart");
    }
    List<Error> errors = schema(version.get()).validate(JsonTree.of(values));
    if (!errors.isEmpty()) {
      Error error = errors.get(0);
      String at = JsonSchemas.keyPath(error);
      throw PipelineException.invalidField(fieldsToCheck,
          "the merged Helm values break the vcluster chart " + version.get() + " schema at "
              + (at.isEmpty() ? "the top level" : at) + ": " + JsonSchemas.message(error),
          "The chart rejects such values at install time; fix or remove that key.");
    }
    return Optional.empty();
  }

  private static Schema schema(String version) {
    return COMPILED.computeIfAbsent(version, ChartValuesCheck::compile);
  }

  private static Schema compile(String version) {
    return JsonSchemas.compile(
        JsonTree.readResource(SCHEMA_DIRECTORY + "/values.schema-" + version + ".json"),
        SpecificationVersion.DRAFT_2020_12, "urn:vcluster-chart:" + version);
  }
}

package tech.integratn.pipeline.resolve;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.schema.JsonSchemas;
import tech.integratn.pipeline.schema.JsonTree;
import tech.integratn.pipeline.settings.PlatformSettings;

/**
 * Checks merged vcluster Helm values against the chart's own values.schema.json of the requested
 * chart version (bundled for the versions we support), as the chart itself will at install time.
 */
public final class ChartValuesCheck {
  /**
   * Values already found valid, per schema: direct mode checks the orchestrator's values, then
   * the same values again in its ArgoCDApplication part; a verdict cannot change in one JVM.
   */
  private static final Map<Schema, java.util.Set<Map<String, Object>>> PASSED =
      new ConcurrentHashMap<>();

  private ChartValuesCheck() {}

  /**
   * Refuses values the chart would reject; returns a warning when no schema is known for the
   * version, or empty. {@code extraSchema}, when given, is the schema file a platform names for
   * releases newer than the newest bundled one.
   */
  public static Optional<String> check(Map<String, Object> values, String targetRevision,
      String fieldsToCheck, Optional<Path> extraSchema) {
    Optional<String> resource = ChartReleases.schemaResource(targetRevision);
    Schema schema;
    String checkedAs;
    if (resource.isPresent()) {
      schema = JsonSchemas.compiled("urn:" + resource.get(), SpecificationVersion.DRAFT_2020_12,
          () -> JsonSchemas.resource(resource.get()));
      checkedAs = ChartReleases.normalise(targetRevision);
    } else if (extraSchema.isPresent() && ChartReleases.isNewerThanBundled(targetRevision)) {
      schema = JsonSchemas.compiled("file:" + extraSchema.get(), SpecificationVersion.DRAFT_2020_12,
          () -> readSchemaFile(extraSchema.get()));
      checkedAs = ChartReleases.normalise(targetRevision) + " (schema " + extraSchema.get() + ")";
    } else if (ChartReleases.isNewerThanBundled(targetRevision)) {
      return Optional.of("warning: vcluster chart " + targetRevision + " is newer than the newest "
          + "release checked here (" + ChartReleases.newest() + "); the Helm values were not "
          + "checked against its schema (a platform setting can name its values.schema.json)");
    } else {
      return Optional.of("warning: no vcluster chart schema is bundled for chart version "
          + targetRevision + " (bundled: " + ChartReleases.releases().get(0) + " to "
          + ChartReleases.newest() + "); the Helm values were not checked against the chart");
    }
    java.util.Set<Map<String, Object>> passed =
        PASSED.computeIfAbsent(schema, k -> ConcurrentHashMap.newKeySet());
    if (passed.contains(values)) {
      return Optional.empty();
    }
    List<Error> errors = schema.validate(JsonTree.of(values));
    if (errors.isEmpty()) {
      passed.add(values);
    } else {
      Error error = errors.get(0);
      String at = JsonSchemas.keyPath(error);
      throw PipelineException.invalidField(fieldsToCheck,
          "the merged Helm values break the vcluster chart " + checkedAs + " schema at "
              + (at.isEmpty() ? "the top level" : at) + ": " + JsonSchemas.message(error),
          "The chart rejects such values at install time; fix or remove that key.");
    }
    return Optional.empty();
  }

  /** The schema file a platform names for releases newer than the bundled ones, if any. */
  public static Optional<Path> extraSchema(PlatformSettings platform) {
    return Optional.of(platform.chart().valuesSchemaFile()).filter(f -> !f.isEmpty()).map(Path::of);
  }

  /** A platform's schema file; a missing or broken one is the operator's to fix (exit 2). */
  private static com.fasterxml.jackson.databind.JsonNode readSchemaFile(Path file) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      return JsonTree.read(in);
    } catch (java.io.IOException | RuntimeException e) {
      throw new PipelineException(tech.integratn.pipeline.failure.ExitCode.USAGE, "The settings' "
          + "chart.valuesSchemaFile " + file + " cannot be read as JSON (" + e.getMessage()
          + "). Point it at the chart release's values.schema.json.");
    }
  }

}

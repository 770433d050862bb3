package tech.integratn.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.CrdSchema;
import tech.integratn.pipeline.schema.JsonSchemas;

/**
 * The upstream schemas as upstream wrote them ({@code src/main/upstream-schemas/}, with
 * PROVENANCE; the jar ships them compacted) and the promises' own CRDs, by apiVersion and kind.
 * Kubernetes core files are read as draft-04.
 */
public final class UpstreamSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The same kinds the image's render check knows; the files are read here as upstream wrote them. */
  private static final Map<String, String> FILES = tech.integratn.pipeline.check.DocumentSchemas.files();
  private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();
  private static final Path CHART_SCHEMAS = Fixtures.projectRoot().resolve("src/main/chart-schemas");
  private static final Path DOCUMENT_SCHEMAS = Fixtures.projectRoot().resolve("src/main/upstream-schemas");

  private UpstreamSchemas() {}

  /** Violations of {@code document} against the schema of its apiVersion/kind; empty = valid. */
  public static List<String> violations(JsonNode document) {
    String apiVersion = document.path("apiVersion").asText();
    String kind = document.path("kind").asText();
    Schema schema = forKind(apiVersion, kind).orElseThrow(
        () -> new AssertionError("no schema for " + apiVersion + " " + kind));
    return messages(schema.validate(document));
  }

  /** Violations of vcluster Helm values against the chart schema of release {@code chartVersion}. */
  public static List<String> chartViolations(JsonNode values, String chartVersion) {
    String file = schemaFileOf(chartVersion);
    Schema schema = CACHE.computeIfAbsent("chart " + file, k -> compile(
        chartSchemaFile(file), SpecificationVersion.DRAFT_2020_12));
    return messages(schema.validate(values));
  }

  /** The values schema file of a release, from releases.tsv as upstream lists it. */
  public static String schemaFileOf(String release) {
    String version = release.startsWith("v") ? release.substring(1) : release;
    String file = releaseTable().get(version);
    if (file == null) {
      throw new AssertionError("no chart schema for release " + release);
    }
    return file;
  }

  /** Every release 0.30.0 to 0.36.1, in order, with its schema file. */
  public static Map<String, String> releaseTable() {
    Map<String, String> table = new java.util.LinkedHashMap<>();
    try {
      List<String> lines = java.nio.file.Files.readAllLines(CHART_SCHEMAS.resolve("releases.tsv"));
      for (String line : lines.subList(1, lines.size())) {
        String[] columns = line.split("\t");
        table.put(columns[0], columns[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return table;
  }

  /** A chart values schema as upstream publishes it (the jar ships it compacted). */
  public static JsonNode chartSchemaFile(String file) {
    try {
      return JSON.readTree(CHART_SCHEMAS.resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The distinct schema files, one per schema (each named after its first release). */
  public static List<String> chartSchemaFiles() {
    return releaseTable().values().stream().distinct().toList();
  }

  /** One release per distinct schema: the first release that has it. */
  public static List<String> chartVersions() {
    return chartSchemaFiles().stream()
        .map(f -> f.substring("values.schema-".length(), f.length() - ".json".length())).toList();
  }

  private static Optional<Schema> forKind(String apiVersion, String kind) {
    String key = apiVersion + "/" + kind;
    if (FILES.containsKey(key)) {
      return Optional.of(CACHE.computeIfAbsent(key, k -> {
        JsonNode schema = read(DOCUMENT_SCHEMAS.resolve(FILES.get(k)));
        boolean kubernetesCore = FILES.get(k).startsWith("k8s-");
        if (kubernetesCore) {
          ((ObjectNode) schema).remove("$schema");
        }
        return compile(schema, kubernetesCore ? SpecificationVersion.DRAFT_4 : SpecificationVersion.DRAFT_7);
      }));
    }
    if (PromiseKind.API_VERSION.equals(apiVersion)) {
      return PromiseKind.byKind(kind).map(promiseKind -> CACHE.computeIfAbsent(key,
          k -> compile(CrdSchema.of(promiseKind), SpecificationVersion.DRAFT_4)));
    }
    return Optional.empty();
  }

  private static Schema compile(JsonNode schema, SpecificationVersion dialect) {
    return JsonSchemas.compile(schema, dialect, "urn:test:" + Integer.toHexString(schema.hashCode()));
  }

  private static List<String> messages(List<Error> errors) {
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}

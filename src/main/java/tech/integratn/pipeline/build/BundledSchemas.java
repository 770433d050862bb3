package tech.integratn.pipeline.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.integratn.pipeline.check.DocumentSchemas;
import tech.integratn.pipeline.install.BundledPromises;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.CrdSchema;
import tech.integratn.pipeline.resolve.ChartReleases;
import tech.integratn.pipeline.schema.JsonTree;
import tech.integratn.pipeline.schema.SchemaCompactor;

/**
 * Run by the build at process-classes, never at render time: writes the schemas a render reads
 * as compact JSON into the classes directory, so a cold render parses ~60 KB of JSON instead of
 * ~260 KB of JSON and YAML (docs/performance.md).
 * <ul>
 *   <li>{@code vcluster-chart/values.schema-<version>.json}: each chart schema of
 *       {@code src/main/chart-schemas/}, without annotations ({@link SchemaCompactor});</li>
 *   <li>{@code crd-schemas/<promise>.json}: the served version's {@code openAPIV3Schema} of each
 *       promise already copied to {@code promises/}, unchanged (its descriptions are the
 *       "allowed" part of refusal messages).</li>
 * </ul>
 * Usage: {@code BundledSchemas CHART_SCHEMAS_DIR CLASSES_DIR}.
 */
public final class BundledSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BundledSchemas() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: BundledSchemas CHART_SCHEMAS_DIR UPSTREAM_SCHEMAS_DIR CLASSES_DIR");
    }
    Path classes = Path.of(args[2]);
    compactAll(Path.of(args[0]), Files.createDirectories(classes.resolve(ChartReleases.DIRECTORY)));
    compactAll(Path.of(args[1]), Files.createDirectories(classes.resolve(DocumentSchemas.DIRECTORY)));
    for (PromiseKind kind : PromiseKind.values()) {
      JsonNode schema = CrdSchema.openApiSchema(JsonTree.of(BundledPromises.read(kind)), kind);
      Path target = classes.resolve(CrdSchema.schemaResource(kind));
      Files.createDirectories(target.getParent());
      write(target, schema);
    }
  }

  private static void compactAll(Path sourceDirectory, Path target) throws IOException {
    try (DirectoryStream<Path> sources = Files.newDirectoryStream(sourceDirectory, "*.json")) {
      for (Path source : sources) {
        JsonNode schema;
        try (InputStream in = Files.newInputStream(source)) {
          schema = JsonTree.read(in);
        }
        write(target.resolve(source.getFileName().toString()), SchemaCompactor.compact(schema));
      }
    }
  }

  private static void write(Path file, JsonNode schema) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(schema), StandardCharsets.UTF_8);
  }
}

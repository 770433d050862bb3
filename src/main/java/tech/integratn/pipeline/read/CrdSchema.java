package tech.integratn.pipeline.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tech.integratn.pipeline.PromiseKind;
import tech.integratn.pipeline.schema.JsonTree;

/**
 * The {@code openAPIV3Schema} of a kind's CRD, as the bundled promise declares it, so the CRD
 * that Kubernetes enforces and the rules this program enforces are one text. The build extracts
 * it from {@code promises/<promise>/promise.yaml} to {@code crd-schemas/<promise>.json}
 * ({@code build.BundledSchemas}); reading that JSON costs a cold render far less than parsing
 * the promise's YAML.
 */
public final class CrdSchema {
  private static final Map<PromiseKind, JsonNode> SCHEMAS = new ConcurrentHashMap<>();

  private CrdSchema() {}

  public static String promiseResource(PromiseKind kind) {
    return "promises/" + kind.promise() + "/promise.yaml";
  }

  public static String schemaResource(PromiseKind kind) {
    return "crd-schemas/" + kind.promise() + ".json";
  }

  public static JsonNode of(PromiseKind kind) {
    return SCHEMAS.computeIfAbsent(kind, k -> JsonTree.readResource(schemaResource(k)));
  }

  /** The openAPIV3Schema of {@code kind}'s served version inside a parsed Promise. */
  public static JsonNode openApiSchema(JsonNode promise, PromiseKind kind) {
    for (JsonNode version : promise.at("/spec/api/spec/versions")) {
      if (PromiseKind.VERSION.equals(version.path("name").asText())) {
        JsonNode schema = version.at("/schema/openAPIV3Schema");
        if (schema.isObject()) {
          return schema;
        }
      }
    }
    throw new IllegalStateException(promiseResource(kind) + " has no " + PromiseKind.VERSION
        + " openAPIV3Schema");
  }
}

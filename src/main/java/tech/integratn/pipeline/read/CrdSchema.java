package tech.integratn.pipeline.read;

import com.fasterxml.jackson.databind.JsonNode;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.schema.JsonSchemas;

/**
 * The {@code openAPIV3Schema} of a kind's CRD, as the bundled promise declares it, so the CRD
 * that Kubernetes enforces and the rules this program enforces are one text. The build extracts
 * it from {@code promises/<promise>/promise.yaml} to {@code crd-schemas/<promise>.json}
 * ({@code build.BundledSchemas}); reading that JSON costs a cold render far less than parsing
 * the promise's YAML.
 */
public final class CrdSchema {
  private CrdSchema() {}

  public static String promiseResource(PromiseKind kind) {
    return "promises/" + kind.promise() + "/promise.yaml";
  }

  public static String schemaResource(PromiseKind kind) {
    return "crd-schemas/" + kind.promise() + ".json";
  }

  /** The CRD schema's id in the registry. */
  public static String id(PromiseKind kind) {
    return "urn:crd:" + kind.promise();
  }

  /** The CRD schema, compiled (OpenAPI 3.0 schema objects follow draft-04). */
  public static com.networknt.schema.Schema compiled(PromiseKind kind) {
    return JsonSchemas.compiled(id(kind), com.networknt.schema.SpecificationVersion.DRAFT_4,
        () -> of(kind));
  }

  public static JsonNode of(PromiseKind kind) {
    return JsonSchemas.resource(schemaResource(kind));
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

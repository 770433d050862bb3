package tech.integratn.pipeline.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tech.integratn.pipeline.PipelineException;
import tech.integratn.pipeline.PromiseKind;
import tech.integratn.pipeline.schema.JsonSchemas;
import tech.integratn.pipeline.schema.JsonTree;

/**
 * Checks a request against its CRD's openAPIV3Schema. OpenAPI 3.0 schema objects follow JSON
 * Schema draft-04 semantics (boolean exclusiveMinimum, no const), so draft-04 evaluates them;
 * the {@code x-kubernetes-*} extensions are annotations to it.
 */
public final class SchemaValidator {
  private static final Map<PromiseKind, Schema> COMPILED = new ConcurrentHashMap<>();

  public void validate(Request request) {
    JsonNode crdSchema = CrdSchema.of(request.kind());
    Object cleaned = NullFields.strip(request.object(), crdSchema);
    JsonNode instance = JsonTree.of(cleaned);
    Schema schema = COMPILED.computeIfAbsent(request.kind(), kind -> JsonSchemas.compile(
        crdSchema, SpecificationVersion.DRAFT_4, "urn:crd:" + kind.promise()));
    List<Error> errors = schema.validate(instance);
    if (!errors.isEmpty()) {
      throw refusal(request.kind(), errors.get(0), crdSchema);
    }
  }

  private static PipelineException refusal(PromiseKind kind, Error error, JsonNode crdSchema) {
    String path = JsonSchemas.keyPath(error);
    if ("required".equals(error.getKeyword())) {
      JsonNode fieldSchema = schemaAt(crdSchema, path);
      return PipelineException.invalidField(path, "is required but missing (or null)",
          "Set it to " + allowed(fieldSchema) + " in the " + kind.kind() + " resource.");
    }
    JsonNode fieldSchema = schemaAt(crdSchema, path);
    String found = Values.describe(JsonTree.plain(error.getInstanceNode()));
    return PipelineException.invalidField(path.isEmpty() ? "(resource)" : path,
        "found " + found + " (" + JsonSchemas.message(error) + ")",
        "Allowed: " + allowed(fieldSchema) + ".");
  }

  private static String allowed(JsonNode fieldSchema) {
    if (fieldSchema != null && fieldSchema.hasNonNull("description")) {
      return fieldSchema.get("description").asText();
    }
    if (fieldSchema != null && fieldSchema.hasNonNull("type")) {
      return "a value of type " + fieldSchema.get("type").asText();
    }
    return "what the CRD describes";
  }

  /** Walks properties / additionalProperties / items along a dotted path. */
  private static JsonNode schemaAt(JsonNode schema, String dottedPath) {
    JsonNode node = schema;
    if (dottedPath.isEmpty()) {
      return node;
    }
    for (String part : dottedPath.replaceAll("\\[\\d+]", ".[]").split("\\.")) {
      if (node == null) {
        return null;
      }
      if ("[]".equals(part)) {
        node = node.get("items");
      } else if (node.path("properties").has(part)) {
        node = node.path("properties").get(part);
      } else {
        node = node.get("additionalProperties");
      }
    }
    return node;
  }

  /**
   * Removes null values of fields the schema declares, since a present-but-null field counts as
   * absent. Nulls inside free-form or string maps stay, so the schema can refuse them there.
   */
  static final class NullFields {
    private NullFields() {}

    static Object strip(Object value, JsonNode schema) {
      if (value instanceof Map<?, ?> map && schema != null) {
        JsonNode properties = schema.path("properties");
        Map<Object, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = String.valueOf(entry.getKey());
          JsonNode child = properties.get(key);
          if (child != null && entry.getValue() == null) {
            continue;
          }
          copy.put(entry.getKey(), child != null ? strip(entry.getValue(), child) : entry.getValue());
        }
        return copy;
      }
      if (value instanceof List<?> list && schema != null && schema.has("items")) {
        List<Object> copy = new ArrayList<>();
        for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
          copy.add(strip(it.next(), schema.get("items")));
        }
        return copy;
      }
      return value;
    }
  }
}

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
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.schema.JsonSchemas;
import tech.integratn.pipeline.schema.JsonTree;

/**
 * Checks a request against its CRD's openAPIV3Schema. OpenAPI 3.0 schema objects follow JSON
 * Schema draft-04 semantics (boolean exclusiveMinimum, no const), so draft-04 evaluates them;
 * the {@code x-kubernetes-*} extensions are annotations to it.
 */
public final class SchemaValidator {
  /** Reported at most: a request with more has a bigger problem than its fields. */
  private static final int MAX_PROBLEMS = 20;

  private final boolean strict;

  /** As the Kratix step reads: fields the CRD does not declare are ignored (the API server prunes them). */
  public SchemaValidator() {
    this(false);
  }

  /** {@code strict}: a field the CRD does not declare is refused, as {@code kubectl apply} does. */
  public SchemaValidator(boolean strict) {
    this.strict = strict;
  }

  /** Refuses a request its CRD refuses, with every problem found and its field path. */
  public void validate(Request request) {
    JsonNode crdSchema = CrdSchema.of(request.kind());
    Object cleaned = NullFields.strip(request.object(), crdSchema);
    JsonNode instance = JsonTree.of(cleaned);
    Schema schema = strict
        ? JsonSchemas.compiled(CrdSchema.id(request.kind()) + ":strict",
            SpecificationVersion.DRAFT_4, () -> closed(crdSchema))
        : CrdSchema.compiled(request.kind());
    List<Error> errors = schema.validate(instance);
    if (!errors.isEmpty()) {
      List<PipelineException.Problem> problems = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Error error : errors) {
        PipelineException.Problem problem = problem(request.kind(), error, crdSchema);
        // One problem per field: a value of the wrong type also fails its enum or pattern.
        if (seen.add(problem.path()) && problems.size() < MAX_PROBLEMS) {
          problems.add(problem);
        }
      }
      throw PipelineException.invalidFields(problems);
    }
  }

  /**
   * The schema with unknown fields refused, as the API server's strict field validation does; a
   * resource's apiVersion, kind, metadata and status are always known.
   */
  static JsonNode closed(JsonNode schema) {
    com.fasterxml.jackson.databind.node.ObjectNode root =
        (com.fasterxml.jackson.databind.node.ObjectNode) JsonSchemas.withoutUnknownFields(schema);
    com.fasterxml.jackson.databind.node.ObjectNode properties =
        (com.fasterxml.jackson.databind.node.ObjectNode) root.with("properties");
    for (String always : new String[] {"apiVersion", "kind", "metadata", "status"}) {
      if (!properties.has(always)) {
        properties.putObject(always);
      }
    }
    return root;
  }

  private static PipelineException.Problem problem(PromiseKind kind, Error error,
      JsonNode crdSchema) {
    String path = JsonSchemas.keyPath(error);
    if ("required".equals(error.getKeyword())) {
      JsonNode fieldSchema = schemaAt(crdSchema, path);
      return new PipelineException.Problem(path, "is required but missing (or null). Set it to "
          + allowed(fieldSchema) + " in the " + kind.kind() + " resource.");
    }
    if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
      String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
      JsonNode parentSchema = schemaAt(crdSchema, parent);
      java.util.List<String> known = new ArrayList<>();
      if (parentSchema != null) {
        parentSchema.path("properties").fieldNames().forEachRemaining(known::add);
      }
      return new PipelineException.Problem(path, "is not a field of the " + kind.kind()
          + " CRD" + Suggestion.closest(error.getProperty(), known)
              .map(s -> " (did you mean " + s + "?)").orElse("")
          + ". Remove it or fix its spelling; kubectl apply refuses it too.");
    }
    JsonNode fieldSchema = schemaAt(crdSchema, path);
    String found = Values.describe(JsonTree.plain(error.getInstanceNode()));
    return new PipelineException.Problem(path.isEmpty() ? "(resource)" : path,
        "found " + found + " (" + JsonSchemas.message(error) + "). Allowed: "
            + allowed(fieldSchema) + ".");
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

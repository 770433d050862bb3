package tech.integratn.pipeline.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The JVM's one schema registry (every schema compiled once, by its id, and every bundled JSON
 * resource read once), and naming the place of a violation, for the CRD, chart and document
 * checks.
 */
public final class JsonSchemas {
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
  private static final Map<String, JsonNode> RESOURCES = new ConcurrentHashMap<>();

  private JsonSchemas() {}

  /** The schema named {@code id}, compiled from {@code source} the first time it is asked for. */
  public static Schema compiled(String id, SpecificationVersion dialect, Supplier<JsonNode> source) {
    return COMPILED.computeIfAbsent(id, key -> compile(source.get(), dialect, key));
  }

  /** A JSON resource of the jar, read once; callers never change it. */
  public static JsonNode resource(String name) {
    return RESOURCES.computeIfAbsent(name, JsonTree::readResource);
  }

  public static Schema compile(JsonNode schema, SpecificationVersion dialect, String id) {
    return SchemaRegistry.withDefaultDialect(dialect).getSchema(SchemaLocation.of(id), schema);
  }

  /**
   * A copy of a Kubernetes structural schema that refuses unknown fields wherever it lists
   * properties and keeps no unknown fields, as the API server's strict field validation does.
   */
  public static JsonNode withoutUnknownFields(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    forbidUnknown(copy);
    return copy;
  }

  private static void forbidUnknown(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      if (object.has("properties") && !object.has("additionalProperties")
          && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
        object.put("additionalProperties", false);
      }
      object.elements().forEachRemaining(JsonSchemas::forbidUnknown);
    } else if (node != null && node.isArray()) {
      node.forEach(JsonSchemas::forbidUnknown);
    }
  }

  /** Where the error is, as a dotted path with [i] for list items ("" for the top level). */
  public static String path(Error error) {
    NodePath location = error.getInstanceLocation();
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        path.append(path.length() > 0 ? "." : "").append(element);
      }
    }
    return path.toString();
  }

  /** The path of the offending key itself: for required and unknown keys, the key's path. */
  public static String keyPath(Error error) {
    String path = path(error);
    boolean namesAKey = "required".equals(error.getKeyword())
        || "additionalProperties".equals(error.getKeyword());
    if (namesAKey && error.getProperty() != null) {
      return path.isEmpty() ? error.getProperty() : path + "." + error.getProperty();
    }
    return path;
  }

  /** The validator's message without its leading location. */
  public static String message(Error error) {
    return error.getMessage().replaceFirst("^\\$[^:]*: ", "");
  }
}

package tech.integratn.pipeline.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema (2020-12 or earlier) without its annotation keywords, which never change whether
 * an instance is valid: what the build ships for the chart's values schemas
 * ({@code build.BundledSchemas}). Only schema positions are touched; data such as {@code enum},
 * {@code const} and a property that happens to be called "description" stays as written.
 */
public final class SchemaCompactor {
  /** The meta-data vocabulary of 2020-12, plus {@code $comment}. */
  private static final Set<String> ANNOTATIONS = Set.of("title", "description", "default",
      "deprecated", "readOnly", "writeOnly", "examples", "$comment");
  /** Keywords whose value maps names to schemas. */
  private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties",
      "$defs", "definitions", "dependentSchemas");
  /** Keywords whose value is a schema, or (items, before 2020-12) a list of schemas. */
  private static final Set<String> SCHEMA_VALUES = Set.of("items", "additionalItems",
      "additionalProperties", "unevaluatedItems", "unevaluatedProperties", "not", "if", "then",
      "else", "contains", "propertyNames", "contentSchema");
  /** Keywords whose value is a list of schemas. */
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");

  private SchemaCompactor() {}

  public static JsonNode compact(JsonNode schema) {
    if (!schema.isObject()) {
      return schema; // true, false
    }
    ObjectNode compacted = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      String keyword = entry.getKey();
      JsonNode value = entry.getValue();
      if (ANNOTATIONS.contains(keyword)) {
        continue;
      }
      if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
        ObjectNode members = compacted.putObject(keyword);
        value.properties().forEach(member -> members.set(member.getKey(), compact(member.getValue())));
      } else if ((SCHEMA_LISTS.contains(keyword) || SCHEMA_VALUES.contains(keyword))
          && value.isArray()) {
        ArrayNode schemas = compacted.putArray(keyword);
        value.forEach(member -> schemas.add(compact(member)));
      } else if (SCHEMA_VALUES.contains(keyword)) {
        compacted.set(keyword, compact(value));
      } else {
        compacted.set(keyword, value);
      }
    }
    return compacted;
  }
}

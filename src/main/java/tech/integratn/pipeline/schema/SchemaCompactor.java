package tech.integratn.pipeline.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema (2020-12 or earlier) without its annotation keywords, which never change whether
 * an instance is valid: what the build ships for the chart's values schemas. Only schema
 * positions are touched; data such as {@code enum}, {@code const} and a property that happens
 * to be called "description" stays as written.
 *
 * <p>Run by the build (process-classes): {@code SchemaCompactor SOURCE_DIR TARGET_DIR} writes
 * every {@code *.json} of SOURCE_DIR, compacted, to TARGET_DIR.
 */
public final class SchemaCompactor {
  /** The meta-data vocabulary of 2020-12, plus {@code $comment}. */
  static final Set<String> ANNOTATIONS = Set.of("title", "description", "default", "deprecated",
      "readOnly", "writeOnly", "examples", "$comment");
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

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SchemaCompactor SOURCE_DIR TARGET_DIR");
    }
    Path target = Files.createDirectories(Path.of(args[1]));
    ObjectMapper json = new ObjectMapper();
    try (DirectoryStream<Path> sources = Files.newDirectoryStream(Path.of(args[0]), "*.json")) {
      for (Path source : sources) {
        JsonNode schema;
        try (InputStream in = Files.newInputStream(source)) {
          schema = JsonTree.read(in);
        }
        Files.writeString(target.resolve(source.getFileName().toString()),
            json.writeValueAsString(compact(schema)));
      }
    }
  }
}

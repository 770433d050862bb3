package tech.integratn.pipeline.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.CharTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain values as the YAML reader gives them (maps, lists, strings, numbers, booleans, null) as
 * Jackson trees for the schema checks, and back; and JSON text as a tree.
 *
 * <p>Built on {@link JsonNodeFactory} and the streaming parser, not {@code ObjectMapper}: the
 * mapper's first use initialises its default date format, which loads locale data, and its
 * serialiser machinery - about a sixth of a cold render's CPU (docs/performance.md).
 */
public final class JsonTree {
  private static final JsonNodeFactory NODES = new PrintingTextNodes();
  private static final JsonFactory JSON = new JsonFactory();

  private JsonTree() {}

  /** {@code value} as a tree; map keys become their text, as YAML keys do in JSON. */
  public static JsonNode of(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((key, child) -> object.set(String.valueOf(key), of(child)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      list.forEach(child -> array.add(of(child)));
      return array;
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigInteger number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Double number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigDecimal number) {
      return NODES.numberNode(number);
    }
    throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName());
  }

  /** The plain value of {@code node}: maps keep their order, numbers keep their Java type. */
  public static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), plain(field.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(child -> list.add(plain(child)));
      return list;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    return node.asText();
  }

  /** A JSON file the jar carries (a schema the build wrote), parsed. */
  public static JsonNode readResource(String resource) {
    try (InputStream in = JsonTree.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + resource);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Parses one JSON document; integers keep their size, other numbers become doubles. */
  public static JsonNode read(InputStream json) throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IOException("no JSON value in the input");
      }
      return value(parser, first);
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new IOException("unexpected JSON token " + token);
    }
  }

  /**
   * Text nodes that print themselves. {@code JsonNode.toString()} otherwise builds a whole
   * {@code ObjectMapper} on first use (~0.1 s CPU), and the schema validator calls it for every
   * textual {@code enum} value while compiling a schema.
   */
  private static final class PrintingTextNodes extends JsonNodeFactory {
    @Override
    public TextNode textNode(String text) {
      return text == null ? null : new PrintingTextNode(text);
    }
  }

  private static final class PrintingTextNode extends TextNode {
    PrintingTextNode(String text) {
      super(text);
    }

    @Override
    public String toString() {
      StringBuilder quoted = new StringBuilder(textValue().length() + 2).append('"');
      CharTypes.appendQuoted(quoted, textValue());
      return quoted.append('"').toString();
    }
  }
}

package tech.integratn.pipeline.read;

import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.yaml.Yaml;

/** How a found value is shown in an error message: short, typed, never a wall of text. */
public final class Values {
  private static final int MAX_SHOWN = 80;

  private Values() {}

  public static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "a map";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof String s) {
      String shown = s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "..." : s;
      return "the string " + Yaml.flow(shown);
    }
    if (value instanceof Boolean) {
      return "the boolean " + value;
    }
    if (value instanceof Number) {
      return "the number " + value;
    }
    return "a " + value.getClass().getSimpleName();
  }
}

package tech.integratn.pipeline.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds and merges the ordered map trees that become YAML. */
public final class Tree {
  private Tree() {}

  /** An ordered map from key/value pairs; a pair whose value is null is left out. */
  public static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return map;
  }

  /** A list without the null items (an optional entry that is absent). */
  public static List<Object> list(Object... items) {
    List<Object> list = new ArrayList<>();
    for (Object item : items) {
      if (item != null) {
        list.add(item);
      }
    }
    return list;
  }

  /**
   * {@code overlay} deep-merged over {@code base} into a new map: maps merge key by key
   * recursively; any other value (lists included) replaces. Neither argument is changed.
   */
  public static Map<String, Object> merge(Map<String, ?> base, Map<?, ?> overlay) {
    Map<String, Object> merged = copy(base);
    if (overlay == null) {
      return merged;
    }
    for (Map.Entry<?, ?> entry : overlay.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object mine = merged.get(key);
      Object theirs = entry.getValue();
      if (mine instanceof Map<?, ?> m && theirs instanceof Map<?, ?> t) {
        merged.put(key, merge(stringKeys(m), t));
      } else {
        merged.put(key, deepCopy(theirs));
      }
    }
    return merged;
  }

  private static Map<String, Object> copy(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, deepCopy(v)));
    return copy;
  }

  private static Map<String, ?> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  private static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> m) {
      return copy(stringKeys(m));
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(item -> copy.add(deepCopy(item)));
      return copy;
    }
    return value;
  }
}

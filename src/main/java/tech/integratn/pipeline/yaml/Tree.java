package tech.integratn.pipeline.yaml;

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

  /** How {@link #merge} treats the two cases where merges differ; the rest is one deep merge. */
  public enum Rule {
    /**
     * Helm values, sync policies, labels of a document: a null in the overlay is written as
     * null, and every map merges key by key.
     */
    VALUES,
    /**
     * Platform settings over their defaults: a null keeps the default, and a map under a key
     * ending in {@code Labels} (a label selector) replaces the default's whole, because two
     * selectors merged would select what neither says.
     */
    SETTINGS
  }

  /** {@code overlay} deep-merged over {@code base} by {@link Rule#VALUES}. */
  public static Map<String, Object> merge(Map<String, ?> base, Map<?, ?> overlay) {
    return merge(base, overlay, Rule.VALUES);
  }

  /**
   * {@code overlay} deep-merged over {@code base} into a new map: maps merge key by key
   * recursively (but see {@link Rule}); any other value (lists included) replaces. Neither
   * argument is changed, and the result shares nothing with them.
   */
  public static Map<String, Object> merge(Map<String, ?> base, Map<?, ?> overlay, Rule rule) {
    Map<String, Object> merged = copy(base);
    if (overlay == null) {
      return merged;
    }
    for (Map.Entry<?, ?> entry : overlay.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object mine = merged.get(key);
      Object theirs = entry.getValue();
      boolean wholeSelector = rule == Rule.SETTINGS && key.endsWith("Labels");
      if (mine instanceof Map<?, ?> m && theirs instanceof Map<?, ?> t && !wholeSelector) {
        merged.put(key, merge(copy(m), t, rule));
      } else if (theirs != null || rule == Rule.VALUES) {
        merged.put(key, copy(theirs));
      }
    }
    return merged;
  }

  /** A deep copy with every map key as text, as a JSON-shaped value has. */
  public static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      return copy(map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(copy(item)));
      return copy;
    }
    return value;
  }

  /** As {@link #copy(Object)}, for a map. */
  public static Map<String, Object> copy(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
    return copy;
  }
}

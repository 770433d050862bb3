package tech.integratn.pipeline.admit;

import java.util.Map;
import java.util.Optional;

/** A request spec's fields by dotted path, with the path for messages. */
record Fields(Map<String, Object> map, String path) {
  Optional<String> string(String key) {
    return map.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  Fields section(String key) {
    @SuppressWarnings("unchecked")
    Map<String, Object> child = map.get(key) instanceof Map<?, ?> m
        ? (Map<String, Object>) m : Map.of();
    return new Fields(child, path + "." + key);
  }

  Object get(String key) {
    return map.get(key);
  }

  String at(String key) {
    return path + "." + key;
  }
}

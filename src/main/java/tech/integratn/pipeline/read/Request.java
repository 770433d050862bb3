package tech.integratn.pipeline.read;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.integratn.pipeline.kind.PromiseKind;

/** One resource request as Kratix hands it over: its kind and the parsed object. */
public record Request(PromiseKind kind, Map<String, Object> object) {
  /** Where a namespaced resource lands when its file names no namespace (as kubectl does). */
  public static final String DEFAULT_NAMESPACE = "default";

  public String name() {
    Object name = metadata().get("name");
    return name instanceof String s ? s : "";
  }

  public String namespace() {
    Object namespace = metadata().get("namespace");
    return namespace instanceof String s && !s.isEmpty() ? s : DEFAULT_NAMESPACE;
  }

  /** The resource's labels, string values only. */
  public Map<String, String> labels() {
    return strings(metadata().get("labels"));
  }

  /** The resource's annotations, string values only (the API server allows nothing else). */
  public Map<String, String> annotations() {
    return strings(metadata().get("annotations"));
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> strings = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (v instanceof String s) {
          strings.put(String.valueOf(k), s);
        }
      });
    }
    return strings;
  }

  /** When the request last changed, as RFC 3339; the epoch when the file does not say. */
  public String lastChanged() {
    String newest = null;
    if (metadata().get("managedFields") instanceof java.util.List<?> fields) {
      for (Object field : fields) {
        if (field instanceof Map<?, ?> entry && entry.get("time") instanceof String time
            && (newest == null || time.compareTo(newest) > 0)) {
          newest = time;
        }
      }
    }
    if (newest == null && metadata().get("creationTimestamp") instanceof String created) {
      newest = created;
    }
    return newest != null && isTime(newest) ? newest : "1970-01-01T00:00:00Z";
  }

  /** An RFC 3339 time as the API server writes it (UTC, whole seconds). */
  public static boolean isTime(String text) {
    return text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }

  public java.util.Optional<Integer> generation() {
    return metadata().get("generation") instanceof Integer g
        ? java.util.Optional.of(g) : java.util.Optional.empty();
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> spec() {
    return object.get("spec") instanceof Map<?, ?> spec ? (Map<String, Object>) spec : Map.of();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> metadata() {
    return object.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}

package tech.integratn.pipeline.read;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.integratn.pipeline.PromiseKind;

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

  /** The resource's annotations, string values only (the API server allows nothing else). */
  public Map<String, String> annotations() {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (metadata().get("annotations") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (v instanceof String s) {
          annotations.put(String.valueOf(k), s);
        }
      });
    }
    return annotations;
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

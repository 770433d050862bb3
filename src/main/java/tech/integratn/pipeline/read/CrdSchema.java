package tech.integratn.pipeline.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tech.integratn.pipeline.PromiseKind;
import tech.integratn.pipeline.schema.JsonTree;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * The {@code openAPIV3Schema} of a kind's CRD, read from the promise bundled in the jar, so the
 * CRD that Kubernetes enforces and the rules this program enforces are one text.
 */
public final class CrdSchema {
  private static final Map<PromiseKind, JsonNode> SCHEMAS = new ConcurrentHashMap<>();

  private CrdSchema() {}

  public static String promiseResource(PromiseKind kind) {
    return "promises/" + kind.promise() + "/promise.yaml";
  }

  public static JsonNode of(PromiseKind kind) {
    return SCHEMAS.computeIfAbsent(kind, k -> openApiSchema(loadPromise(k), k));
  }

  /** The openAPIV3Schema of {@code kind}'s served version inside a parsed Promise. */
  public static JsonNode openApiSchema(JsonNode promise, PromiseKind kind) {
    for (JsonNode version : promise.at("/spec/api/spec/versions")) {
      if (PromiseKind.VERSION.equals(version.path("name").asText())) {
        JsonNode schema = version.at("/schema/openAPIV3Schema");
        if (schema.isObject()) {
          return schema;
        }
      }
    }
    throw new IllegalStateException(promiseResource(kind) + " has no " + PromiseKind.VERSION
        + " openAPIV3Schema");
  }

  private static JsonNode loadPromise(PromiseKind kind) {
    String resource = promiseResource(kind);
    try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JsonTree.of(Yaml.loadAll(text, text.length() + 1).get(0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}

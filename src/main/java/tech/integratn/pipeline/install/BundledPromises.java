package tech.integratn.pipeline.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.yaml.Tree;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * The promises in the jar ({@code promises/<promise>/promise.yaml}), whole: a kind that shares
 * another's request schema gets that kind's CRD versions, so the schema is written in one file.
 */
public final class BundledPromises {
  private BundledPromises() {}

  /** A fresh copy of the kind's promise, its CRD versions filled in when they are shared. */
  public static Map<String, Object> read(PromiseKind kind) {
    Map<String, Object> promise = file(kind);
    PromiseKind source = kind.requestSchemaOf();
    if (source != kind) {
      Object versions = crd(file(source)).get("versions");
      crd(promise).put("versions", Tree.copy(versions));
    }
    return promise;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> crd(Map<String, Object> promise) {
    Map<String, Object> spec = (Map<String, Object>) promise.get("spec");
    Map<String, Object> api = (Map<String, Object>) spec.get("api");
    return (Map<String, Object>) api.get("spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> file(PromiseKind kind) {
    String resource = "promises/" + kind.promise() + "/promise.yaml";
    try (InputStream in = BundledPromises.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + resource);
      }
      return (Map<String, Object>) Yaml.loadAll(new String(in.readAllBytes(),
          StandardCharsets.UTF_8), 1 << 20).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package tech.integratn.pipeline.render;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.failure.PipelineException;

/**
 * Every rendered file is one object the API server stores (a sub-request, a ConfigMap...), and
 * it stores at most {@link #MAX_OBJECT_BYTES} for one. Written again, request text can grow past
 * that (escapes, the same values carried twice); such a file is refused before anything reads
 * it, at the request's largest text, which is what made it grow.
 */
public final class StoredSize {
  /** What one object may take in etcd behind the API server (1.5 MiB). */
  public static final int MAX_OBJECT_BYTES = 1536 * 1024;

  private StoredSize() {}

  /** Refuses (exit 3) the first file of {@code files} larger than one object may be. */
  public static void check(Map<String, Object> request, List<RenderedFile> files) {
    for (RenderedFile file : files) {
      // A char is at most three bytes of UTF-8: most files need no count.
      if ((long) file.content().length() * 3 <= MAX_OBJECT_BYTES) {
        continue;
      }
      int bytes = file.content().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_OBJECT_BYTES) {
        Largest largest = new Largest();
        largest.visit(request, "");
        throw PipelineException.invalidField(largest.path.isEmpty() ? "spec" : largest.path,
            "makes " + file.name() + " " + bytes + " bytes once written as the pipeline "
            + "publishes it, more than the " + MAX_OBJECT_BYTES + " bytes the API server "
            + "stores for one object", "Make the text smaller (move large manifests or "
            + "values into a chart or a ConfigMap the cluster already has).");
      }
    }
  }

  /** The path of the longest text (key or value) in a request. */
  private static final class Largest {
    private String path = "";
    private int length = -1;

    void visit(Object value, String at) {
      if (value instanceof Map<?, ?> map) {
        map.forEach((key, item) -> {
          String below = at.isEmpty() ? String.valueOf(key) : at + "." + key;
          offer(String.valueOf(key).length(), below);
          visit(item, below);
        });
      } else if (value instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          visit(list.get(i), at + "[" + i + "]");
        }
      } else if (value instanceof String text) {
        offer(text.length(), at);
      }
    }

    private void offer(int candidate, String at) {
      if (candidate > length) {
        length = candidate;
        path = at;
      }
    }
  }
}

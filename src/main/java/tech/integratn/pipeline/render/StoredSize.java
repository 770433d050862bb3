package tech.integratn.pipeline.render;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Every rendered file is one object the API server stores (a sub-request, a ConfigMap...), and
 * it stores at most {@link #MAX_OBJECT_BYTES} for one. Written again, request text can grow past
 * that (escapes, the same values carried twice); such a file is refused before anything reads
 * it, at the request's largest text, which is what made it grow.
 */
public final class StoredSize {
  /** What one object may take in etcd behind the API server (1.5 MiB). */
  public static final int MAX_OBJECT_BYTES = 1536 * 1024;
  /** The most {@link #jsonBound} counts for one character (a line break). */
  private static final int MOST_JSON_BYTES = 8;

  private StoredSize() {}

  /** Refuses (exit 3) the first file of {@code files} larger than one object may be. */
  public static void check(Map<String, Object> request, List<RenderedFile> files) {
    for (RenderedFile file : files) {
      // A char is at most three bytes of UTF-8 and MOST_JSON_BYTES in the JSON bound below:
      // most files need no count.
      if ((long) file.content().length() * MOST_JSON_BYTES <= MAX_OBJECT_BYTES) {
        continue;
      }
      int bytes = file.content().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_OBJECT_BYTES) {
        throw tooLarge(request, file, bytes, "once written as the pipeline publishes it");
      }
      // The API server stores a custom resource as JSON, whose escapes can be longer than the
      // YAML's; counted exactly only when a bound of them passes the limit.
      if (jsonBound(file.content()) > MAX_OBJECT_BYTES) {
        long json = jsonBytes(file);
        if (json > MAX_OBJECT_BYTES) {
          throw tooLarge(request, file, json, "as the JSON the API server stores");
        }
      }
    }
  }

  private static PipelineException tooLarge(Map<String, Object> request, RenderedFile file,
      long bytes, String how) {
    Largest largest = new Largest();
    largest.visit(request, "");
    return PipelineException.invalidField(largest.path.isEmpty() ? "spec" : largest.path,
        "makes " + file.name() + " " + bytes + " bytes " + how + ", more than the "
        + MAX_OBJECT_BYTES + " bytes the API server stores for one object", "Make the text "
        + "smaller (move large manifests or values into a chart or a ConfigMap the cluster "
        + "already has).");
  }

  /**
   * At least the bytes of {@code yaml}'s documents written as JSON: every character counted at
   * the most JSON can make of it (a backslash may start an escape that decodes to a character
   * JSON writes as six bytes; a line, comma or bracket may open a key or item JSON quotes).
   */
  static long jsonBound(String yaml) {
    long bytes = 0;
    for (int i = 0; i < yaml.length(); i++) {
      char c = yaml.charAt(i);
      bytes += c == '\n' ? MOST_JSON_BYTES
          : c == '\\' || c == ',' || c == '{' || c == '[' || c < 0x20 ? 6 : jsonBytes(c);
    }
    return bytes;
  }

  /** The bytes of {@code file}'s documents as JSON, each string escaped as Go's encoder does. */
  private static long jsonBytes(RenderedFile file) {
    List<Node> documents;
    try {
      documents = Yaml.composeAll(file.content(), Integer.MAX_VALUE);
    } catch (YamlEngineException e) {
      // Said as the guard says it: what cannot be read is not published.
      throw PipelineException.outputRefused(file.name(),
          "is not valid YAML (" + Yaml.problem(e) + ")", "");
    }
    long bytes = 0;
    for (Node document : documents) {
      bytes = Math.max(bytes, json(document, Collections.newSetFromMap(new IdentityHashMap<>())));
    }
    return bytes;
  }

  /** Scalars count as strings (two quotes more than a number or boolean would take). */
  private static long json(Node node, Set<Node> open) {
    if (node instanceof ScalarNode scalar) {
      return jsonString(scalar.getValue());
    }
    if (!open.add(node)) {
      return 0; // an alias of a node around it: refused by the guard, not stored
    }
    long bytes = 2;
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        bytes += json(tuple.getKeyNode(), open) + json(tuple.getValueNode(), open) + 2;
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        bytes += json(item, open) + 1;
      }
    }
    open.remove(node);
    return bytes;
  }

  private static long jsonString(String text) {
    long bytes = 2;
    for (int i = 0; i < text.length(); i++) {
      bytes += jsonBytes(text.charAt(i));
    }
    return bytes;
  }

  /** What Go's encoder writes for one character of a string (HTML characters escaped too). */
  private static int jsonBytes(char c) {
    if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
      return 2;
    }
    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
        || Character.isSurrogate(c)) {
      return 6;
    }
    return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
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

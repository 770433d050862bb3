package tech.integratn.pipeline.check;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * The line of a document a field path ({@code spec.vcluster.preset}, {@code spec.a[0].b}) points
 * at, so a CI annotation lands on the field: the deepest part of the path the document has (a
 * missing field points at its parent), else the document's first line. Keys that hold dots
 * (label names) are matched whole.
 */
final class FieldLines {
  /** A document's node tree, or null when it cannot be read (then every path is its first line). */
  private final Node root;

  FieldLines(String text) {
    Node read;
    try {
      List<Node> documents = Yaml.composeAll(text, 4 * 1024 * 1024);
      read = documents.isEmpty() ? null : documents.get(0);
    } catch (RuntimeException unreadable) {
      // The reader's own error already says where the text is broken.
      read = null;
    }
    this.root = read;
  }

  /** The 0-based line in the document text of the path's deepest node found; -1 if none. */
  int line(String path) {
    if (root == null) {
      return -1;
    }
    List<String> segments = segments(path);
    if (segments.isEmpty() || !(root instanceof MappingNode)) {
      return -1;
    }
    Node node = root;
    int found = -1;
    int i = 0;
    while (i < segments.size()) {
      if (node instanceof MappingNode mapping) {
        int matched = -1;
        // The longest run of segments that is one key: "app.kubernetes.io/name" is one key.
        for (int j = segments.size(); j > i && matched < 0; j--) {
          String key = String.join(".", segments.subList(i, j));
          for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
              found = tuple.getKeyNode().getStartMark().map(m -> m.getLine()).orElse(found);
              node = tuple.getValueNode();
              matched = j;
              break;
            }
          }
        }
        if (matched < 0) {
          return found;
        }
        i = matched;
      } else if (node instanceof SequenceNode sequence && segments.get(i).matches("\\d{1,6}")) {
        int index = Integer.parseInt(segments.get(i));
        if (index >= sequence.getValue().size()) {
          return found;
        }
        node = sequence.getValue().get(index);
        found = node.getStartMark().map(m -> m.getLine()).orElse(found);
        i++;
      } else {
        return found;
      }
    }
    return found;
  }

  /** {@code spec.a[0].b} as spec, a, 0, b; a path with a space in it ends at the space. */
  static List<String> segments(String path) {
    String head = path.split(" ", 2)[0];
    List<String> segments = new ArrayList<>();
    for (String part : head.replace("[", ".").replace("]", "").split("\\.")) {
      if (!part.isEmpty()) {
        segments.add(part);
      }
    }
    return segments;
  }
}

package tech.integratn.pipeline.read;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tech.integratn.pipeline.failure.PipelineException;

/**
 * A request holds only what the YAML 1.2 core schema builds, as the API server's JSON does:
 * maps, lists, strings, integers, floats, booleans and nulls. An explicit tag outside those
 * ({@code !!binary}, {@code !!set}, {@code !!timestamp}, a local or Java tag) is refused with its
 * field path, and so is a core tag on a value that is not of its type ({@code !!int "abc"}).
 */
final class TagCheck {
  private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();
  private static final String CORE_PREFIX = Tag.PREFIX;

  private TagCheck() {}

  static void check(Node document) {
    walk(document, "", Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void walk(Node node, String path, Set<Node> visited) {
    if (!visited.add(node)) {
      return;
    }
    Tag tag = node.getTag();
    if (node instanceof MappingNode mapping) {
      expect(tag, Tag.MAP, path);
      for (NodeTuple tuple : mapping.getValue()) {
        Node key = tuple.getKeyNode();
        walk(key, path, visited);
        String name = key instanceof ScalarNode s ? s.getValue() : "?";
        walk(tuple.getValueNode(), path.isEmpty() ? name : path + "." + name, visited);
      }
    } else if (node instanceof SequenceNode sequence) {
      expect(tag, Tag.SEQ, path);
      for (int i = 0; i < sequence.getValue().size(); i++) {
        walk(sequence.getValue().get(i), path + "[" + i + "]", visited);
      }
    } else if (node instanceof ScalarNode scalar) {
      scalar(scalar, path);
    }
  }

  private static void scalar(ScalarNode scalar, String path) {
    Tag tag = scalar.getTag();
    if (Tag.STR.equals(tag)) {
      return;
    }
    if (!Tag.INT.equals(tag) && !Tag.FLOAT.equals(tag) && !Tag.BOOL.equals(tag)
        && !Tag.NULL.equals(tag)) {
      throw refuse(path, tag);
    }
    Tag implicit = CORE.resolve(scalar.getValue(), true);
    boolean fits = implicit.equals(tag) || Tag.FLOAT.equals(tag) && Tag.INT.equals(implicit);
    if (!fits) {
      throw PipelineException.invalidField(where(path), "found " + Values.describe(
          scalar.getValue()) + " is tagged " + shown(tag) + " but is not of that type",
          "Remove the tag, or write a value of that type.");
    }
  }

  private static void expect(Tag tag, Tag wanted, String path) {
    if (!wanted.equals(tag)) {
      throw refuse(path, tag);
    }
  }

  private static PipelineException refuse(String path, Tag tag) {
    return PipelineException.invalidField(where(path), "found the explicit YAML tag " + shown(tag)
            + ", which a Kubernetes resource cannot hold",
        "Remove the tag: only plain maps, lists, strings, numbers, booleans and null are "
            + "allowed (the YAML core schema).");
  }

  private static String where(String path) {
    return path.isEmpty() ? "(resource)" : path;
  }

  /** {@code !!name} for the standard tags; other tags are not echoed, they may be anything. */
  private static String shown(Tag tag) {
    String value = tag.getValue();
    if (value.startsWith(CORE_PREFIX) && value.substring(CORE_PREFIX.length()).matches("[a-z]{1,20}")) {
      return "!!" + value.substring(CORE_PREFIX.length());
    }
    return "(a custom tag)";
  }
}

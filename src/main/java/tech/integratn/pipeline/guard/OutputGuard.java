package tech.integratn.pipeline.guard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import tech.integratn.pipeline.ExitCode;
import tech.integratn.pipeline.PipelineException;
import tech.integratn.pipeline.render.RenderedFile;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Checks what was rendered, not what was meant: every document of every file must parse, have
 * no ambiguous (duplicate) keys, and hold no core Secret anywhere, however it is spelt: quoted,
 * flow, tagged, aliased, through a YAML 1.1 merge key, as an item of a List or of any sequence,
 * nested in Helm values, or as manifests embedded in Helm values text. One offending document
 * refuses the whole run.
 */
public final class OutputGuard {
  private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;
  private static final int MAX_EMBEDDING_DEPTH = 4;

  public void check(List<RenderedFile> files) {
    for (RenderedFile file : files) {
      List<Node> documents = parse(file.name(), file.content(), "");
      for (int i = 0; i < documents.size(); i++) {
        inspectDocument(documents.get(i), new Where(file.name(), "document " + (i + 1)), 0);
      }
    }
  }

  private List<Node> parse(String file, String content, String what) {
    try {
      return Yaml.composeAll(content, MAX_CODE_POINTS);
    } catch (YamlEngineException e) {
      throw refuse(file + what + " is not valid YAML (" + e.getMessage().replaceAll("\\s+", " ")
          + ")");
    } catch (StackOverflowError e) {
      throw refuse(file + what + " is nested too deeply to check");
    }
  }

  private void inspectDocument(Node document, Where where, int embedding) {
    if (document == null) {
      return;
    }
    checkKeys(document, where, new HashSet<>());
    findSecrets(document, where, "", Collections.newSetFromMap(new IdentityHashMap<>()));
    if (embedding >= MAX_EMBEDDING_DEPTH || !(document instanceof MappingNode mapping)) {
      return;
    }
    Fields fields = Fields.of(mapping);
    List<Node> helmValues = new ArrayList<>(EmbeddedText.helmValuesMaps(fields));
    for (EmbeddedText text : EmbeddedText.helmValuesText(fields)) {
      List<Node> parsed = parse(where.toString(), text.text(), " " + text.path());
      for (int i = 0; i < parsed.size(); i++) {
        inspectDocument(parsed.get(i), where.inside(text.path()), embedding + 1);
      }
      helmValues.addAll(parsed);
    }
    for (Node values : helmValues) {
      for (EmbeddedText text : EmbeddedText.manifests(values)) {
        List<Node> manifests = parse(where.toString(), text.text(), " " + text.path());
        for (int i = 0; i < manifests.size(); i++) {
          inspectDocument(manifests.get(i),
              where.inside(text.path() + " document " + (i + 1)), embedding + 1);
        }
      }
    }
  }

  /**
   * A core Secret anywhere in a document is refused, not only at its top: as a List's item, in a
   * top-level sequence, or as an object in Helm values that a chart renders as a manifest
   * (the common extraObjects pattern).
   */
  private void findSecrets(Node node, Where where, String path, Set<Node> visited) {
    if (!visited.add(node)) {
      return;
    }
    if (node instanceof MappingNode mapping) {
      Fields fields = Fields.of(mapping);
      String kind = fields.scalar("kind").orElse("");
      String apiVersion = fields.scalar("apiVersion").orElse("");
      if (isSecretKind(kind) && isCoreGroup(apiVersion)) {
        throw refuse(where + (path.isEmpty() ? "" : " at " + path) + " is a Secret (kind " + kind
            + ", apiVersion " + (apiVersion.isEmpty() ? "unset" : apiVersion) + "). Secrets must "
            + "never be published to the state repository: deliver them with an ExternalSecret "
            + "instead.");
      }
      for (NodeTuple tuple : fields.tuples) {
        String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
        findSecrets(tuple.getValueNode(), where, path.isEmpty() ? key : path + "." + key, visited);
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        findSecrets(items.get(i), where, path + "[" + i + "]", visited);
      }
    }
  }

  /** Duplicate keys are read differently by different YAML readers, so they are refused. */
  private void checkKeys(Node node, Where where, Set<Node> seen) {
    if (!seen.add(node)) {
      return;
    }
    if (node instanceof MappingNode mapping) {
      Set<String> keys = new HashSet<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && !isMergeKey(key)
            && !keys.add(key.getValue())) {
          throw refuse(where + " has the key " + Yaml.flow(key.getValue()) + " twice; YAML "
              + "readers disagree on which one wins.");
        }
        checkKeys(tuple.getKeyNode(), where, seen);
        checkKeys(tuple.getValueNode(), where, seen);
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        checkKeys(item, where, seen);
      }
    }
  }

  static boolean isMergeKey(ScalarNode key) {
    return key.getScalarStyle() == ScalarStyle.PLAIN && "<<".equals(key.getValue());
  }

  private static boolean isSecretKind(String kind) {
    String k = kind.trim().toLowerCase(Locale.ROOT);
    return k.equals("secret") || k.equals("secretlist");
  }

  /** Core group: "v1", no apiVersion at all, or any version without a group prefix. */
  private static boolean isCoreGroup(String apiVersion) {
    String v = apiVersion.trim().toLowerCase(Locale.ROOT);
    return !v.contains("/") || v.startsWith("/") || v.startsWith("core/");
  }

  private static PipelineException refuse(String reason) {
    return new PipelineException(ExitCode.OUTPUT_REFUSED,
        "Refusing to write any output: " + reason);
  }

  /** Where a document sits, for the refusal message. */
  private record Where(String file, String document) {
    Where inside(String part) {
      return new Where(file, document + ", " + part);
    }

    @Override
    public String toString() {
      return file + " " + document;
    }
  }

  /** A mapping's entries with YAML 1.1 merge keys applied, as go-yaml readers see them. */
  static final class Fields {
    private final List<NodeTuple> tuples = new ArrayList<>();

    static Fields of(MappingNode mapping) {
      Fields fields = new Fields();
      fields.collect(mapping, new HashSet<>());
      return fields;
    }

    private void collect(MappingNode mapping, Set<Node> visiting) {
      if (!visiting.add(mapping)) {
        return;
      }
      List<NodeTuple> merged = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && isMergeKey(key)) {
          Node value = tuple.getValueNode();
          if (value instanceof MappingNode m) {
            merged.addAll(Fields.ofInner(m, visiting));
          } else if (value instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
              if (item instanceof MappingNode m) {
                merged.addAll(Fields.ofInner(m, visiting));
              }
            }
          }
        } else {
          tuples.add(tuple);
        }
      }
      tuples.addAll(merged);
    }

    private static List<NodeTuple> ofInner(MappingNode mapping, Set<Node> visiting) {
      Fields inner = new Fields();
      inner.collect(mapping, visiting);
      return inner.tuples;
    }

    /** The first value under {@code key} (explicit keys precede merged ones). */
    Node get(String key) {
      for (NodeTuple tuple : tuples) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().trim().equalsIgnoreCase(key)) {
          return tuple.getValueNode();
        }
      }
      return null;
    }

    Optional<String> scalar(String key) {
      return get(key) instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }

    Node at(String... path) {
      Node node = null;
      Fields current = this;
      for (String part : path) {
        if (current == null) {
          return null;
        }
        node = current.get(part);
        current = node instanceof MappingNode m ? Fields.of(m) : null;
      }
      return node;
    }
  }
}

package tech.integratn.pipeline.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * A string in rendered output that some consumer may read as YAML: Helm values text, vcluster's
 * deploy manifests, a ConfigMap's data, or any other. The consumers are Go programs, which read
 * more than a YAML 1.2 reader does: they also break lines at NEL, LS and PS, skip a byte-order
 * mark at the start of any line, and split streams at any line that starts with {@code ---}
 * (Helm's splitter whatever follows it, kubectl's when only Unicode white space or a comment
 * does). A text is read as written and, where that differs, the way they read it; every reading
 * must be read completely, or the text is {@link Unreadable}.
 */
final class CarriedText {
  /** One schema for every text: each new one compiles its resolver's patterns again. */
  private static final CoreSchema SCHEMA = new CoreSchema();

  private CarriedText() {}

  /** Our reader could not read a text completely: a syntax error or one of its limits. */
  static final class Unreadable extends Exception {
    Unreadable(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The documents of every reading of {@code text}; {@code asWritten} false leaves out the
   * reading as written (the caller has read it already).
   */
  static List<Node> read(String text, boolean asWritten) throws Unreadable {
    List<Node> documents = new ArrayList<>();
    if (asWritten) {
      documents.addAll(parse(text));
    }
    String go = goLines(text);
    List<String> parts = splitLikeGo(go);
    if (!go.equals(text) || parts.size() > 1) {
      for (String part : parts) {
        documents.addAll(parse(part));
      }
    }
    return documents;
  }

  /** NEL, LS and PS as line breaks, and no byte-order marks (Go readers skip them). */
  static String goLines(String text) {
    boolean plain = true;
    for (int i = 0; i < text.length() && plain; i++) {
      char c = text.charAt(i);
      plain = c != '\u0085' && c != '\u2028' && c != '\u2029' && c != '\ufeff';
    }
    if (plain) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
        out.append('\n');
      } else if (c != '\ufeff') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The parts a Go splitter cuts the text into, when some line starts with {@code ---} followed
   * by more than YAML's white space; otherwise the text whole (its markers are YAML's own). The
   * rest of such a line, without leading white space, starts the next part.
   */
  static List<String> splitLikeGo(String text) {
    if (!hasForeignMarker(text)) {
      return List.of(text);
    }
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int at = 0;
    while (at < text.length()) {
      int end = text.indexOf('\n', at);
      int next = end < 0 ? text.length() : end + 1;
      if (text.startsWith("---", at)) {
        parts.add(part.toString());
        part.setLength(0);
        int rest = at + 3;
        while (rest < next && (Character.isWhitespace(text.charAt(rest))
            || Character.isSpaceChar(text.charAt(rest)))) {
          rest++;
        }
        part.append(text, rest, next);
      } else {
        part.append(text, at, next);
      }
      at = next;
    }
    parts.add(part.toString());
    return parts;
  }

  private static boolean hasForeignMarker(String text) {
    for (int at = text.startsWith("---") ? 0 : text.indexOf("\n---"); at >= 0;
        at = text.indexOf("\n---", at + 1)) {
      int after = at + (text.charAt(at) == '\n' ? 4 : 3);
      if (after < text.length() && " \t\r\n".indexOf(text.charAt(after)) < 0) {
        return true;
      }
    }
    return false;
  }

  private static List<Node> parse(String text) throws Unreadable {
    try {
      return Yaml.composeAll(text, lenient(text.length()));
    } catch (YamlEngineException e) {
      throw new Unreadable(Yaml.problem(e));
    }
  }

  /** Duplicate keys kept, as some readers keep the last and some the first. */
  private static LoadSettings lenient(int length) {
    return LoadSettings.builder()
        .setBufferSize(Math.max(1024, length + 1))
        .setAllowDuplicateKeys(true)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(Yaml.MAX_ALIASES)
        .setCodePointLimit(Math.max(1024, length + 1))
        .setDefaultMap(LinkedHashMap::new)
        .setDefaultList(ArrayList::new)
        .setSchema(SCHEMA)
        .build();
  }
}

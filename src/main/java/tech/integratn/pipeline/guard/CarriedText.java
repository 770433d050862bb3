package tech.integratn.pipeline.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;
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
  /**
   * Every plain scalar as text: the guard reads keys and values as written (and explicit tags
   * such as !!binary), never a resolved type, so no scalar needs a schema's patterns, which
   * cost a matcher per scalar. One schema for every text.
   */
  private static final FailsafeSchema SCHEMA = new FailsafeSchema() {
    @Override
    public ScalarResolver getScalarResolver() {
      return (value, implicit) -> Tag.STR;
    }
  };

  /**
   * Settings for short texts, built once: a large text's strings are read one by one, and
   * building settings and a reader's buffer cost more than reading most of them.
   */
  private static final int SHORT = 64;
  private static final LoadSettings SHORT_WITHOUT_PLACES = settings(SHORT - 1, false);
  private static final LoadSettings SHORT_WITH_PLACES = settings(SHORT - 1, true);

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
    if (isWords(text)) {
      return List.of();
    }
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

  /**
   * Whether a text is only ASCII letters, digits and spaces: one line with no indicator, break,
   * tab, marker or directive, which every reader (YAML 1.1 and 1.2, Go's splitters) reads as one
   * plain scalar of those words, and a scalar holds no Secret. Nothing to read: a large text's
   * many such strings each cost a reader's set-up otherwise.
   */
  static boolean isWords(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ')) {
        return false;
      }
    }
    return true;
  }

  /** NEL, LS and PS as line breaks, and no byte-order marks (Go readers skip them). */
  static String goLines(String text) {
    if (text.indexOf('\u0085') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0
        && text.indexOf('\ufeff') < 0) {
      return text;
    }
    char[] chars = text.toCharArray();
    int length = 0;
    for (char c : chars) {
      if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
        chars[length++] = '\n';
      } else if (c != '\ufeff') {
        chars[length++] = c;
      }
    }
    return new String(chars, 0, length);
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

  /**
   * Read without the places of nodes first (a quarter less to allocate, and nothing but a
   * refusal uses them); a text that fails is read again with them, for the line and column of
   * its refusal and for {@code \L}/{@code \P}, which the reader finds by that place.
   */
  private static List<Node> parse(String text) throws Unreadable {
    try {
      return Yaml.composeAll(text, lenient(text.length(), false));
    } catch (YamlEngineException withoutPlaces) {
      try {
        return Yaml.composeAll(text, lenient(text.length(), true));
      } catch (YamlEngineException e) {
        throw new Unreadable(Yaml.problem(e));
      }
    }
  }

  private static LoadSettings lenient(int length, boolean places) {
    if (length < SHORT) {
      return places ? SHORT_WITH_PLACES : SHORT_WITHOUT_PLACES;
    }
    return settings(length, places);
  }

  /** Duplicate keys kept, as some readers keep the last and some the first. */
  private static LoadSettings settings(int length, boolean places) {
    return LoadSettings.builder()
        .setUseMarks(places)
        .setBufferSize(Math.max(SHORT, length + 1))
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

package tech.integratn.pipeline.guard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.render.RenderedFile;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Checks what was rendered, not what was meant: every document of every file must parse, have
 * no ambiguous (duplicate) keys, and hold no core Secret anywhere, however it is spelt: quoted,
 * flow, tagged, aliased, through a YAML 1.1 merge key, as an item of a List or of any sequence,
 * nested in Helm values, or in any string that a YAML reader could read as documents (Helm values
 * text, carried manifests, text inside that text), read both with YAML 1.2's line breaks and
 * with the Go readers' (NEL, LS, PS). One offending document refuses the whole run.
 */
public final class OutputGuard {
  private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

  /** What is never published: read by every step below, never listed again. */
  private final ForbiddenKinds kinds;

  /**
   * Texts already read completely and found clean: the same text (a Helm value carried in the
   * values of one file and in the values text of another, say) needs no second reading, at any
   * depth. Shallower, the same reading follows with room to spare below the depth limit; deeper,
   * what it holds has been read already, and the limit only bounds work.
   */
  private final Set<String> cleanTexts = new HashSet<>();
  /** The same, for texts read where a consumer executes them. */
  private final Set<String> cleanExecuted = new HashSet<>();
  /**
   * How deep the walk is, counting text inside text: bounded, so that no output, however its
   * texts nest, can take the walk past the thread's stack (each text is itself at most
   * {@link Yaml#MAX_DEPTH} deep).
   */
  private int level;
  /**
   * Characters of carried text read so far in this run. Text nested in text is read once per
   * level it sits at, so a request could make the guard read its bytes many times over: past
   * the budget the run is refused instead of read on (the guard stays linear in what it was
   * given; the image's budget is several times what the largest request text needs).
   */
  private long textRead;
  static final long MAX_TEXT_READ = 12L * 1024 * 1024;
  private final long maxTextRead;
  private static final int MAX_LEVEL = 2 * Yaml.MAX_DEPTH;

  public OutputGuard() {
    this(ForbiddenKinds.CORE, MAX_TEXT_READ);
  }

  /** A guard that refuses {@code kinds}: a test's table (the image's is ForbiddenKinds.CORE). */
  OutputGuard(ForbiddenKinds kinds) {
    this(kinds, MAX_TEXT_READ);
  }

  /** {@code maxTextRead}: a test's smaller budget of carried text (the image's MAX_TEXT_READ). */
  OutputGuard(ForbiddenKinds kinds, long maxTextRead) {
    this.kinds = kinds;
    this.maxTextRead = maxTextRead;
  }

  public void check(List<RenderedFile> files) {
    checkAndParse(files);
  }

  /**
   * Checks {@code files} and returns each file's documents as node trees, in order, for a caller
   * that goes on to read them (render check validates them against their schemas).
   */
  public List<List<Node>> checkAndParse(List<RenderedFile> files) {
    List<List<Node>> parsed = new ArrayList<>();
    for (RenderedFile file : files) {
      List<Node> documents = parse(file.name(), file.content());
      parsed.add(documents);
      for (int i = 0; i < documents.size(); i++) {
        Where where = new Where(file.name(), "document " + (i + 1));
        checkKeys(documents.get(i), where, new HashSet<>());
        inspect(documents.get(i), where, 0, false);
      }
      // The file as a Go reader reads it, where that differs (a template that wrote NEL raw).
      readAndInspect(file.content(), false, new Where(file.name(), "as a Go YAML reader reads it"),
          "", 0, false);
    }
    return parsed;
  }

  /**
   * Checks one text as the guard checks every string it finds in output: {@code where} names it
   * in a refusal. For a resolver that publishes text it has to vouch for (a manifests template).
   */
  public void checkText(String text, String where) {
    checkText(text, where, true);
  }

  /** As {@link #checkText(String, String)}; {@code executed}: whether a consumer executes it. */
  public void checkText(String text, String where, boolean executed) {
    carried(text, new Where(where, ""), "", 0, executed);
  }

  private List<Node> parse(String file, String content) {
    try {
      return Yaml.composeAll(content, MAX_CODE_POINTS);
    } catch (YamlEngineException e) {
      throw refuse(file, "is not valid YAML (" + Yaml.problem(e) + ")", "");
    }
  }

  private void inspect(Node document, Where where, int depth, boolean executed) {
    if (document != null) {
      walk(document, where, "", List.of(), depth, executed || installsForeignChart(document),
          Collections.newSetFromMap(new IdentityHashMap<>()));
    }
  }

  /**
   * A core Secret anywhere in a document is refused, not only at its top: as a List's item, in a
   * top-level sequence, as an object in Helm values that a chart renders as a manifest (the
   * common extraObjects pattern), and in any string, key or value, read as YAML.
   */
  private void walk(Node node, Where where, String path, List<String> keys, int depth,
      boolean executed, Set<Node> visited) {
    if (!visited.add(node)) {
      return;
    }
    if (++level > MAX_LEVEL) {
      throw refuse(where.file(), "holds text nested too deeply to check",
          "Nothing that deep is published: flatten the text.");
    }
    try {
      walkInto(node, where, path, keys, depth, executed || Consumers.executes(keys), visited);
    } finally {
      level--;
    }
  }

  private void walkInto(Node node, Where where, String path, List<String> keys, int depth,
      boolean executed, Set<Node> visited) {
    if (node instanceof MappingNode mapping) {
      Fields fields = Fields.of(mapping);
      if (fields.isForbidden(kinds)) {
        throw PipelineException.outputRefused(where + at(path),
            "is a Secret (kind " + fields.texts("kind").get(0) + ", apiVersion "
            + (fields.texts("apiVersion").isEmpty() ? "unset" : fields.texts("apiVersion").get(0))
            + ")", "Secrets must never be published to the state repository: deliver them with "
            + "an ExternalSecret instead.");
      }
      for (NodeTuple tuple : fields.tuples) {
        String key = tuple.getKeyNode() instanceof ScalarNode k ? Fields.text(k) : "?";
        String at = path.isEmpty() ? key : path + "." + key;
        List<String> below = Consumers.below(keys, key);
        walk(tuple.getKeyNode(), where, at, below, depth, executed, visited);
        walk(tuple.getValueNode(), where, at, below, depth, executed, visited);
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        walk(items.get(i), where, path + "[" + i + "]", Consumers.below(keys, Consumers.ITEM),
            depth, executed, visited);
      }
    } else if (node instanceof ScalarNode scalar) {
      if (Consumers.decodes(keys) && !scalar.getValue().isEmpty()) {
        throw refuse(where + " at " + path, "is a chart archive that vcluster decodes and "
            + "installs; its templates cannot be read before they are published", "Install the "
            + "chart from a repository (chart.name, chart.repo, chart.version) instead.");
      }
      if (scalar.getAnchor().isPresent() && isKindWord(Fields.text(scalar))) {
        throw refuse(where + at(path), "anchors the word "
            + Yaml.flow(Fields.text(scalar)) + ": a chart prints some values raw into one "
            + "document, so an alias in another value can join it with the other word of a "
            + "Secret", "Remove the anchor (&" + scalar.getAnchor().get() + ").");
      }
      carried(Fields.text(scalar), where, path, depth, executed);
    }
  }

  /**
   * A string, which a consumer may read as YAML and may first execute as a Go template. Text that
   * cannot spell a Secret ({@link Spelling}) is not read; every other text must be read
   * completely in every reading, and what it holds is inspected like a rendered document. A
   * text the guard cannot read completely is refused: it is never published as if clean.
   */
  private void carried(String text, Where where, String path, int depth, boolean executed) {
    Set<String> clean = executed ? cleanExecuted : cleanTexts;
    if (clean.contains(text)) {
      return;
    }
    String place = at(path);
    if (executed && GoTemplate.hasActions(text)) {
      GoTemplate.Execution execution = GoTemplate.execute(text);
      if (!execution.known()) {
        throw refuse(where + place, "holds a Go template that " + execution.problem(),
            "Some consumers execute text as a template, and the pipeline publishes only what "
            + "it can prove; write the text without {{, or write a literal {{ as {{\"{{\"}}.");
      }
      // What a consumer that executes it writes, read but not executed again (as consumers do).
      plain(execution.output(), where, path.isEmpty() ? "(as a template writes it)"
          : path + " (as a template writes it)", depth, false, false);
      if (execution.hasComments()) {
        // A reader that does not execute it reads the comments as text.
        plain(text, where, path, depth, false, false);
      }
    } else {
      plain(text, where, path, depth, executed, executed);
    }
    // After what the text holds was read, so that the innermost text holding it is named.
    if (Spelling.spells(text, Spelling.NO_VALUE)) {
      throw refuse(where + place, "holds \"" + Spelling.NO_VALUE + "\", which Helm (in every "
          + "chart template, tpl included) and vcluster (in its CoreDNS manifests) delete from "
          + "what they write, so what they apply is not the text checked and could spell a "
          + "Secret", "Remove \"" + Spelling.NO_VALUE + "\" from the text.");
    }
    clean.add(text);
  }

  /** Whether {@code text} could be {@code kind} or a forbidden kind, the words of a Secret. */
  private boolean isKindWord(String text) {
    return couldBe(text, "kind")
        || kinds.lowerCase().stream().anyMatch(word -> couldBe(text, word));
  }

  /** {@code executable}: whether a consumer may execute template text decoded from it. */
  private void plain(String text, Where where, String path, int depth, boolean executable,
      boolean executed) {
    if (Spelling.inert(text, executable, kinds)) {
      return;
    }
    String place = at(path);
    if (depth >= Spelling.MAX_TEXT_DEPTH) {
      throw refuse(where + place, "holds text nested more than " + Spelling.MAX_TEXT_DEPTH
          + " levels deep in other text, too deep to check", "");
    }
    readAndInspect(text, true, where, path, depth, executed);
  }

  private void readAndInspect(String text, boolean asWritten, Where where, String path, int depth,
      boolean executed) {
    List<Node> documents;
    try {
      textRead += text.length();
      if (textRead > maxTextRead) {
        throw refuse(where + at(path), "holds text nested in "
            + "other text that, level by level, adds up to more than the " + maxTextRead
            + " characters the guard reads in one run", "Flatten the text (fewer levels of "
            + "text inside text) or make it smaller.");
      }
      documents = CarriedText.read(text, asWritten);
    } catch (CarriedText.Unreadable e) {
      String place = at(path);
      throw refuse(where + place, "holds text that could spell a Secret and that the guard "
          + "cannot read completely (" + e.getMessage() + ")", "Text the guard cannot read is "
          + "never published: Go YAML readers read more than it does. Write it as plain YAML "
          + "(no YAML 1.1-only escapes, tags, byte-order marks or stray document markers), or "
          + "reword it.");
    }
    for (int i = 0; i < documents.size(); i++) {
      Node document = documents.get(i);
      if (document instanceof ScalarNode scalar && Fields.text(scalar).equals(text)) {
        continue; // plain text that reads as itself
      }
      inspect(document, where.inside(path, i + 1), depth + 1, executed);
    }
  }

  /** Whether {@code document} is an Argo CD source of a chart {@link Consumers} does not know. */
  private static boolean installsForeignChart(Node document) {
    Node spec = child(document, "spec");
    Node source = child(spec, "source");
    Node chart = child(source, "chart");
    return Consumers.foreignChart(source != null, child(spec, "sources") != null,
        chart instanceof ScalarNode name ? name.getValue() : null);
  }

  /** The value of {@code key} in a mapping (merge keys applied), or null. */
  private static Node child(Node node, String key) {
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : Fields.of(mapping).tuples) {
        if (tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key)) {
          return tuple.getValueNode();
        }
      }
    }
    return null;
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
          throw refuse(where.toString(), "has the key " + Yaml.flow(key.getValue())
              + " twice; YAML readers disagree on which one wins.", "");
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

  /** White space trimmed as Go's strings.TrimSpace trims it (NEL, NBSP and every Unicode space too). */
  static String trimSpace(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  /**
   * Whether a scalar is {@code word} (case folded, white space around it dropped) or, when a
   * template's placeholder stands in it, could be once a DNS name replaces the placeholder.
   */
  static boolean couldBe(String text, String word) {
    String trimmed = trimSpace(text);
    if (trimmed.indexOf(Spelling.PLACEHOLDER) < 0) {
      // Folding maps each code point to one or more, and ASCII to ASCII one for one: only text
      // of the word's length, or short text with other letters, can fold to it.
      return (trimmed.length() == word.length()
          || trimmed.length() <= 2 * word.length() && !isAscii(trimmed))
          && Spelling.fold(trimmed).equals(word);
    }
    StringBuilder pattern = new StringBuilder();
    for (String piece : trimmed.split(String.valueOf(Spelling.PLACEHOLDER), -1)) {
      if (pattern.length() > 0) {
        pattern.append("[a-z0-9.-]+");
      }
      pattern.append(java.util.regex.Pattern.quote(Spelling.fold(piece)));
    }
    return trimmed.length() <= 4 * word.length()
        && java.util.regex.Pattern.compile(pattern.toString()).matcher(word).matches();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /** Core group: "v1", no apiVersion at all, or any version without a group prefix. */
  private static boolean isCoreGroup(String apiVersion) {
    if (apiVersion.indexOf(Spelling.PLACEHOLDER) >= 0) {
      return true;
    }
    String v = trimSpace(apiVersion).toLowerCase(Locale.ROOT);
    return !v.contains("/") || v.startsWith("/") || v.startsWith("core/");
  }

  private static PipelineException refuse(String reason) {
    return PipelineException.outputRefused(reason);
  }

  /** " at PATH", or nothing at a document's top: how a refusal says where in a document. */
  private static String at(String path) {
    return path.isEmpty() ? "" : " at " + path;
  }

  /** {@code place} (a file, a document, a path in words) holds what was {@code found}. */
  private static PipelineException refuse(Object place, String found, String fix) {
    return PipelineException.outputRefused(String.valueOf(place), found, fix);
  }

  /** Where a document sits, for the refusal message. */
  private record Where(String file, String document) {
    Where inside(String path, int documentInText) {
      return new Where(file, document + (path.isEmpty() ? "" : ", text at " + path)
          + " document " + documentInText);
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

    /** A scalar's text; {@code !!binary} is decoded, as Go readers decode it into a string. */
    static String text(ScalarNode scalar) {
      if (Tag.BINARY.equals(scalar.getTag())) {
        try {
          return new String(Base64.getMimeDecoder().decode(scalar.getValue()),
              StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return scalar.getValue();
        }
      }
      return scalar.getValue();
    }

    /** Every scalar text under {@code key}: readers differ on which duplicate wins. */
    List<String> texts(String key) {
      List<String> found = new ArrayList<>();
      String word = key.toLowerCase(Locale.ROOT);
      for (NodeTuple tuple : tuples) {
        if (tuple.getKeyNode() instanceof ScalarNode k
            && couldBe(text(k), word)
            && tuple.getValueNode() instanceof ScalarNode v) {
          found.add(text(v));
        }
      }
      return found;
    }

    /** A forbidden kind of the core group, under any reading of duplicate keys. */
    boolean isForbidden(ForbiddenKinds kinds) {
      List<String> apiVersions = texts("apiVersion");
      return texts("kind").stream()
          .anyMatch(kind -> kinds.lowerCase().stream().anyMatch(word -> couldBe(kind, word)))
          && (apiVersions.isEmpty() || apiVersions.stream().anyMatch(OutputGuard::isCoreGroup));
    }
  }
}

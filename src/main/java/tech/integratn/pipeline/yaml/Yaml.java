package tech.integratn.pipeline.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.NonPrintableStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The one place YAML is read and written. Everything the pipeline emits that came from data
 * (user strings, maps, lists, Helm values, scripts) goes through {@link #block} or {@link #flow},
 * so quoting and indentation are the serialiser's job, never a template's.
 */
public final class Yaml {
  /** Texts and trees this long are worth remembering across calls (see {@link RecentlyUsed}). */
  private static final int LARGE_TEXT = 256;
  private static final ThreadLocal<Map<Object, String>> BLOCKS =
      ThreadLocal.withInitial(RecentlyUsed::create);
  private static final ThreadLocal<Map<String, List<Node>>> DOCUMENTS =
      ThreadLocal.withInitial(RecentlyUsed::create);

  /**
   * The last few results per thread, for values a render writes or reads more than once. The
   * values rendered are never changed after they are resolved, so equal means the same output.
   */
  private static final class RecentlyUsed<K, V> extends LinkedHashMap<K, V> {
    private static final int SIZE = 16;

    RecentlyUsed() {
      super(32, 0.75f, true);
    }

    static <K, V> Map<K, V> create() {
      return new RecentlyUsed<>();
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      return size() > SIZE;
    }
  }

  /** Aliases allowed per document: enough for hand-written anchors, far too few for a bomb. */
  public static final int MAX_ALIASES = 50;
  /**
   * Collections nested in one another, at most, in a text read: far more than any Kubernetes
   * object or Helm values hold, and shallow enough that reading the tree, and every walk over it
   * (the guard's, text inside text included), stays well inside a thread's stack. Deeper text is
   * refused before it is read, so running out of stack is not a way a reading can end.
   */
  public static final int MAX_DEPTH = 200;

  /** A text nested deeper than {@link #MAX_DEPTH}: refused as a YAML error, before reading. */
  public static final class TooDeep extends YamlEngineException {
    TooDeep() {
      super("the text is nested more than " + MAX_DEPTH + " levels deep");
    }
  }

  /**
   * Nodes (scalars, lists, maps) one text may make, at most. Bytes are bounded before a text is
   * read, but a byte can make a node ({@code [[[[...}), and a node takes a hundred bytes or more of
   * heap: past this a text is refused before it fills the heap a pod's JVM has. Many times what
   * the largest real values texts make (a 1.4 MB values text of short lines, tens of thousands).
   */
  public static final int MAX_NODES = 200_000;

  /** A text that makes more than {@link #MAX_NODES} nodes: refused as a YAML error. */
  public static final class TooMany extends YamlEngineException {
    TooMany() {
      super("the text makes more than " + MAX_NODES + " values, lists and maps");
    }
  }

  /** snakeyaml-engine's composer, which recurses once per level, stopped at {@link #MAX_DEPTH}. */
  private static final class BoundedComposer extends Composer {
    private int depth;
    private int nodes;

    BoundedComposer(LoadSettings settings, String text) {
      super(settings, new ParserImpl(settings, new StreamReader(settings, text)));
    }

    @Override
    protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
      enter();
      try {
        return super.composeSequenceNode(anchor);
      } finally {
        depth--;
      }
    }

    @Override
    protected Node composeMappingNode(Optional<Anchor> anchor) {
      enter();
      try {
        return super.composeMappingNode(anchor);
      } finally {
        depth--;
      }
    }

    @Override
    protected Node composeScalarNode(Optional<Anchor> anchor, List<CommentLine> comments) {
      count();
      return super.composeScalarNode(anchor, comments);
    }

    private void enter() {
      count();
      if (++depth > MAX_DEPTH) {
        throw new TooDeep();
      }
    }

    private void count() {
      if (++nodes > MAX_NODES) {
        throw new TooMany();
      }
    }
  }
  /**
   * Double-quoted scalars with {@code \L} / {@code \P} escapes read in one text (each costs one
   * more reading); more are refused as unreadable.
   */
  public static final int MAX_SEPARATOR_SCALARS = 8;

  private static final String HOLDER_KEY = "_";
  /** Strings that every YAML reader takes as themselves when written plain (see {@link #flow}). */
  private static final Pattern SIMPLE = Pattern.compile(
      "[A-Za-z0-9][A-Za-z0-9._/-]*");
  private static final StrictScalarResolver RESOLVER = new StrictScalarResolver();
  private static final CoreSchema LOAD_SCHEMA = new CoreSchema();
  private static final DumpSettings BLOCK = dumpSettings(FlowStyle.BLOCK);
  private static final DumpSettings FLOW = dumpSettings(FlowStyle.FLOW);

  private Yaml() {}

  /**
   * Serialises {@code value} to follow {@code "key:"} directly (no space) in block context, with
   * nested lines starting at column {@code indent} (the key's own column plus two, like Helm's
   * nindent): a scalar or empty collection stays on the key's line after one space, a non-empty
   * map or list starts on the next line, a multi-line string becomes a literal block.
   */
  public static String block(Object value, int indent) {
    if (indent < 2) {
      throw new IllegalArgumentException("indent must be at least 2, was " + indent);
    }
    String plain = plainScalar(value);
    if (plain != null) {
      return " " + plain;
    }
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      // A map's block is its document moved right: the Helm values are written as a document
      // (the values text) and as a block (an Application's values), with one serialisation.
      Map<Object, String> blocks = BLOCKS.get();
      String known = blocks.get(List.of(indent, value));
      if (known == null) {
        known = shifted(document(value), indent);
        blocks.put(List.of(indent, value), known);
      }
      return known;
    }
    if (value instanceof Map || value instanceof List
        || value instanceof String s && s.length() > LARGE_TEXT) {
      // The Helm values are written three or four times in a direct render or a check: once.
      return BLOCKS.get().computeIfAbsent(List.of(indent, value),
          key -> blockOf(value, indent));
    }
    return blockOf(value, indent);
  }

  /**
   * A document of a non-empty map as the block after a key: each line of the nested map the
   * serialiser would write is the document's line moved right (it splits no lines, and every
   * indentation it writes, block scalars' included, is relative to the parent's), which
   * {@code YamlBlockTest} holds to {@link #blockOf}.
   */
  private static String shifted(String document, int indent) {
    String pad = " ".repeat(indent);
    StringBuilder out = new StringBuilder(document.length() + 64);
    int at = 0;
    int end = document.endsWith("\n") ? document.length() - 1 : document.length();
    while (at <= end) {
      int next = document.indexOf('\n', at);
      if (next < 0 || next > end) {
        next = end;
      }
      out.append('\n');
      if (next > at) {
        out.append(pad).append(document, at, next);
      }
      at = next + 1;
    }
    return out.toString();
  }

  /** As the serialiser writes {@code value} under a key: what {@link #block} must equal. */
  static String blockOf(Object value, int indent) {
    Map<String, Object> holder = new LinkedHashMap<>();
    holder.put(HOLDER_KEY, value);
    String dumped = dump(BLOCK, holder);
    String afterKey = dumped.substring(HOLDER_KEY.length() + 1);
    String pad = " ".repeat(indent - 2);
    StringBuilder out = new StringBuilder();
    String[] lines = stripFinalNewline(afterKey).split("\n", -1);
    out.append(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.append('\n');
      if (!lines[i].isEmpty()) {
        out.append(pad).append(lines[i]);
      }
    }
    return out.toString();
  }

  /** Serialises {@code value} on one line: a quoted-as-needed scalar, or a flow map or list. */
  public static String flow(Object value) {
    String plain = plainScalar(value);
    if (plain != null) {
      return plain;
    }
    if (!(value instanceof Map || value instanceof List)) {
      String scalar = block(value, 2);
      if (!scalar.contains("\n")) {
        return scalar.substring(1);
      }
    }
    Map<String, Object> holder = new LinkedHashMap<>();
    holder.put(HOLDER_KEY, value);
    String dumped = dump(FLOW, holder);
    String inner = stripFinalNewline(dumped).trim();
    // "{_: value}" -> "value"
    return inner.substring(HOLDER_KEY.length() + 3, inner.length() - 1);
  }

  /**
   * The common scalars that need no quoting, written without the serialiser, which costs far
   * more per call than the value; null for anything else. The rule for when quotes are needed is
   * the serialiser's own resolver.
   */
  private static String plainScalar(Object value) {
    if (value instanceof String s && SIMPLE.matcher(s).matches()
        && Tag.STR.equals(RESOLVER.resolve(s, true))) {
      return s;
    }
    if (value instanceof Integer || value instanceof Boolean) {
      return value.toString();
    }
    return null;
  }

  /** A whole document (used for status.yaml and the Helm values text). */
  public static String document(Object value) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      return BLOCKS.get().computeIfAbsent(List.of(0, value), key -> dump(BLOCK, value));
    }
    return dump(BLOCK, value);
  }

  /**
   * One Dump per settings and thread: building its representer costs more than most values it
   * writes, and a render writes hundreds. A Dump keeps no state between calls.
   */
  private static final ThreadLocal<Dump> BLOCK_DUMP =
      ThreadLocal.withInitial(() -> new Dump(BLOCK, new ReaderSafeRepresenter(BLOCK)));
  private static final ThreadLocal<Dump> FLOW_DUMP =
      ThreadLocal.withInitial(() -> new Dump(FLOW, new ReaderSafeRepresenter(FLOW)));

  private static String dump(DumpSettings settings, Object value) {
    Dump dump = (settings == BLOCK ? BLOCK_DUMP : FLOW_DUMP).get();
    return ReaderSafeRepresenter.escapeRaw(dump.dumpToString(value));
  }

  /**
   * Settings for reading untrusted YAML: no duplicate keys, few aliases, no recursive keys. The
   * reader's buffer holds the whole text: with the default 1 KiB buffer snakeyaml-engine takes
   * quadratic time on a long scalar (6 s for a 4 MiB one, 0.06 s with this).
   */
  public static LoadSettings loadSettings(int codePointLimit, int textLength) {
    return LoadSettings.builder()
        .setBufferSize(Math.max(1024, Math.min(textLength + 1, codePointLimit)))
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setCodePointLimit(codePointLimit)
        .setDefaultMap(LinkedHashMap::new)
        .setDefaultList(ArrayList::new)
        .setSchema(LOAD_SCHEMA)
        .build();
  }

  /** Every document of {@code text} as plain Java values (maps keep their key order). */
  public static List<Object> loadAll(String text, int codePointLimit) {
    LoadSettings settings = loadSettings(codePointLimit, text.length());
    List<Node> nodes = composeAll(text, settings);
    return readerFailuresAsYamlErrors(unused -> {
      List<Object> documents = new ArrayList<>();
      for (Node node : nodes) {
        documents.add(new StandardConstructor(settings).constructSingleDocument(Optional.of(node)));
      }
      return documents;
    }, text);
  }

  /**
   * Every document of {@code text} as node trees, which keep styles, tags and merge keys. The
   * list may be shared with an earlier caller: copy it to change it.
   */
  public static List<Node> composeAll(String text, int codePointLimit) {
    if (text.length() > LARGE_TEXT) {
      // A sub-request read by its part in direct mode is then read again by the guard, and the
      // guard reads the same carried text in several files: read once. Nodes are not changed
      // by any reader, and a text that fails is not kept.
      List<Node> known = DOCUMENTS.get().get(text);
      if (known != null && text.codePointCount(0, text.length()) <= codePointLimit) {
        return known;
      }
      List<Node> documents = List.copyOf(composeAll(text, loadSettings(codePointLimit, text.length())));
      DOCUMENTS.get().put(text, documents);
      return documents;
    }
    return composeAll(text, loadSettings(codePointLimit, text.length()));
  }

  /** As {@link #composeAll(String, int)}, with the caller's settings. */
  public static List<Node> composeAll(String text, LoadSettings settings) {
    Function<String, List<Node>> compose = current -> {
      List<Node> documents = new ArrayList<>();
      for (BoundedComposer composer = new BoundedComposer(settings, current);
          composer.hasNext(); ) {
        documents.add(composer.next());
      }
      return documents;
    };
    try {
      return readerFailuresAsYamlErrors(compose, text);
    } catch (ScannerException e) {
      int at = separatorEscapeAt(text, e);
      if (at < 0) {
        throw e;
      }
      // One pass: every \L and \P from the first one on spelt out, read once more. Outside a
      // double-quoted scalar that spelling would change the text read, so when any other scalar
      // shows one, the escapes are spelt out scalar by scalar instead.
      try {
        List<Node> documents = compose.apply(separatorsSpeltOut(text, at, false));
        if (spelledOnlyInDoubleQuotes(documents)) {
          return documents;
        }
      } catch (RuntimeException tryScalarByScalar) {
        // read again below, where every failure is reported as the reader's
      }
      return withSeparatorEscapes(text, compose);
    }
  }

  /** Where the scanner stopped at {@code \L} or {@code \P} (the backslash), or -1. */
  private static int separatorEscapeAt(String text, ScannerException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    if (!(problem.startsWith("found unknown escape character L(")
        || problem.startsWith("found unknown escape character P("))
        || e.getProblemMark().isEmpty()) {
      return -1;
    }
    int at = text.offsetByCodePoints(0, e.getProblemMark().get().getIndex());
    return at >= 1 && text.charAt(at - 1) == '\\' ? at - 1 : -1;
  }

  /** Whether no scalar but a double-quoted one holds the spelling the rewrite uses. */
  private static boolean spelledOnlyInDoubleQuotes(List<Node> documents) {
    java.util.Deque<Node> pending = new java.util.ArrayDeque<>(documents);
    java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (!seen.add(node)) {
        continue;
      }
      if (node instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalar) {
        if (scalar.getScalarStyle() != org.snakeyaml.engine.v2.common.ScalarStyle.DOUBLE_QUOTED
            && (scalar.getValue().contains("\\u2028") || scalar.getValue().contains("\\u2029"))) {
          return false;
        }
      } else if (node instanceof org.snakeyaml.engine.v2.nodes.MappingNode mapping) {
        mapping.getValue().forEach(t -> {
          pending.push(t.getKeyNode());
          pending.push(t.getValueNode());
        });
      } else if (node instanceof org.snakeyaml.engine.v2.nodes.SequenceNode sequence) {
        sequence.getValue().forEach(pending::push);
      }
    }
    return true;
  }

  /** A composed document as plain Java values, built with the same settings' constructors. */
  public static Object construct(Node document, int codePointLimit) {
    return readerFailuresAsYamlErrors(unused -> new StandardConstructor(
        loadSettings(codePointLimit, 0)).constructSingleDocument(Optional.of(document)), "");
  }

  /**
   * YAML 1.2's escapes {@code \L} and {@code \P} (line and paragraph separator), which
   * snakeyaml-engine's scanner does not know. Where it stops at one (only inside a double-quoted
   * scalar) every such escape from there to the end of that scalar is spelt as the equivalent
   * 4-digit escape in one pass, and the text is read again. Each rewrite fixes a whole scalar, so
   * the cost is one reading per scalar that holds them, bounded: a text with more such scalars
   * than {@link #MAX_SEPARATOR_SCALARS} is refused rather than read again and again.
   */
  private static <T> T withSeparatorEscapes(String text, Function<String, T> parse) {
    String current = text;
    for (int rewrites = 0; ; rewrites++) {
      try {
        return readerFailuresAsYamlErrors(parse, current);
      } catch (ScannerException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        boolean separator = problem.startsWith("found unknown escape character L(")
            || problem.startsWith("found unknown escape character P(");
        if (!separator || e.getProblemMark().isEmpty()) {
          throw e;
        }
        if (rewrites >= MAX_SEPARATOR_SCALARS) {
          throw new YamlEngineException("more than " + MAX_SEPARATOR_SCALARS + " quoted texts "
              + "use the escapes \\L or \\P; write \\u2028 and \\u2029 instead");
        }
        int at = current.offsetByCodePoints(0, e.getProblemMark().get().getIndex());
        if (at < 1 || current.charAt(at - 1) != '\\') {
          throw e;
        }
        current = separatorsSpeltOut(current, at - 1, true);
      }
    }
  }

  /**
   * Every {@code \L} / {@code \P} from {@code from} spelt out: to the closing quote when
   * {@code oneScalar}, else to the end of the text.
   */
  private static String separatorsSpeltOut(String text, int from, boolean oneScalar) {
    char[] chars = text.toCharArray();
    StringBuilder out = new StringBuilder(chars.length + 64);
    int copied = 0;
    int i = from;
    while (i < chars.length && !(oneScalar && chars[i] == '"')) {
      if (chars[i] == '\\' && i + 1 < chars.length) {
        char e = chars[i + 1];
        if (e == 'L' || e == 'P') {
          out.append(chars, copied, i - copied).append(e == 'L' ? "\\u2028" : "\\u2029");
          copied = i + 2;
        }
        i += 2; // an escape is two characters: the second is never the start of another
      } else {
        i++;
      }
    }
    return out.append(chars, copied, chars.length - copied).toString();
  }

  /**
   * What a YAML error says, without the snippet of text the reader quotes around it (which may
   * be a credential): the problem, and its line and column.
   */
  public static String problem(YamlEngineException e) {
    String problem = e instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException marked
        && marked.getProblem() != null
        ? marked.getProblem() + marked.getProblemMark().map(m -> " at line " + (m.getLine() + 1)
            + ", column " + (m.getColumn() + 1)).orElse("")
        : String.valueOf(e.getMessage()).split("\n", 2)[0];
    String oneLine = problem.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
  }

  /**
   * The reader's own failures on hostile text as YAML errors like any other: a code point past
   * Unicode in an escape ({@code "\\UFFFFFFFF"}) makes snakeyaml-engine throw a number format
   * error. (Deep nesting is refused before it is read: {@link #MAX_DEPTH}.) Every caller already
   * turns a YAML error into a refusal with its reason, so none of them exits as if the image had
   * a bug.
   */
  private static <T> T readerFailuresAsYamlErrors(Function<String, T> parse, String text) {
    try {
      return parse.apply(text);
    } catch (YamlEngineException e) {
      throw e;
    } catch (NumberFormatException e) {
      throw new YamlEngineException("an escape names a character that does not exist");
    } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
      throw new YamlEngineException("the text cannot be read as YAML");
    }
  }

  private static String stripFinalNewline(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private static DumpSettings dumpSettings(FlowStyle style) {
    return DumpSettings.builder()
        .setDefaultFlowStyle(style)
        .setIndent(2)
        .setIndicatorIndent(2)
        .setIndentWithIndicator(true)
        .setWidth(Integer.MAX_VALUE)
        .setSplitLines(false)
        .setNonPrintableStyle(NonPrintableStyle.ESCAPE)
        .setDereferenceAliases(true)
        .setSchema(new StrictSchema())
        .build();
  }

  /** Core schema constructors with the strict resolver, so ambiguous strings get quoted. */
  private static final class StrictSchema extends CoreSchema {
    @Override
    public ScalarResolver getScalarResolver() {
      return RESOLVER;
    }
  }
}

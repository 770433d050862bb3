package tech.integratn.pipeline.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * A string in rendered output that some consumer may read as YAML: Helm values text, vcluster's
 * deploy manifests, a ConfigMap's data, or any other. Consumers are Go YAML readers (kubectl,
 * Helm, Argo CD, kustomize), which follow YAML 1.1 and also break lines at NEL, LS and PS, so a
 * text is read both as written and with those characters as line breaks.
 */
final class CarriedText {
  /** YAML 1.1's line breaks beyond CR and LF: NEL, LS, PS. */
  private static final Pattern YAML11_BREAKS = Pattern.compile("[\u0085\u2028\u2029]");
  /** A {@code kind:} entry naming a Secret, in block, flow or JSON style, on one line. */
  private static final Pattern SECRET_KIND_LINE = Pattern.compile(
      "(?:^|[\\s{,\\[-])[\"']?kind[\"']?\\s*:\\s*[\"']?secret(?:list)?[\"']?\\s*(?:$|[,}\\]#])",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
  /** A {@code kind:} entry whose value a Go template computes. */
  private static final Pattern TEMPLATED_KIND_LINE = Pattern.compile(
      "(?:^|[\\s{,\\[-])[\"']?kind[\"']?\\s*:[^\\n]*\\{\\{", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  /** One schema for every text: each new one compiles its resolver's patterns again. */
  private static final CoreSchema SCHEMA = new CoreSchema();
  /** A line that starts or ends a document: where manifest splitters cut. */
  private static final Pattern DOCUMENT_MARKER = Pattern.compile("(?m)^(?:---|\\.\\.\\.)(?=[ \\t\\r\\n]|$)");

  private CarriedText() {}

  /**
   * Every mapping needs a ':' indicator: a ':' followed by white space or a line break (YAML 1.1's
   * too) or the end, or right after a quoted key ({@code "kind":"Secret"}). A text without one
   * (a URL, "10.0.0.1:443", a word) holds no manifest.
   */
  static boolean mightHoldDocuments(String text) {
    for (int at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
      if (at + 1 == text.length() || at > 0 && (text.charAt(at - 1) == '"' || text.charAt(at - 1) == '\'')) {
        return true;
      }
      char next = text.charAt(at + 1);
      if (next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == '\u0085'
          || next == '\u2028' || next == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /** The text as a YAML 1.2 reader and as a Go (YAML 1.1) reader sees it; one if they agree. */
  static List<String> readings(String text) {
    String yaml11 = YAML11_BREAKS.matcher(text).replaceAll("\n");
    return yaml11.equals(text) ? List.of(text) : List.of(text, yaml11);
  }

  /**
   * The documents of one reading, read leniently (duplicate keys kept, as some readers keep the
   * last and some the first). Text that is not YAML as a whole is split where a document starts,
   * as Helm and kustomize split manifests before reading them, and each part that reads counts.
   */
  static List<Node> parse(String text) {
    Optional<List<Node>> whole = tryParse(text);
    if (whole.isPresent()) {
      return whole.get();
    }
    List<Node> documents = new ArrayList<>();
    for (String part : DOCUMENT_MARKER.split(text)) {
      tryParse(part).ifPresent(documents::addAll);
    }
    return documents;
  }

  private static Optional<List<Node>> tryParse(String text) {
    try {
      return Optional.of(Yaml.composeAll(text, lenient(text.length())));
    } catch (YamlEngineException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /**
   * For Go templates (vcluster's manifestsTemplate), whose output is only known once rendered:
   * a line that names a Secret kind, or a kind a template computes. Empty when there is none.
   */
  static Optional<String> suspectLine(String text) {
    if (SECRET_KIND_LINE.matcher(text).find()) {
      return Optional.of("has a line naming kind Secret");
    }
    if (text.contains("{{") && TEMPLATED_KIND_LINE.matcher(text).find()) {
      return Optional.of("has a kind computed by a template action, which cannot be checked");
    }
    return Optional.empty();
  }

  static boolean isTemplate(String text) {
    return text.contains("{{");
  }

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

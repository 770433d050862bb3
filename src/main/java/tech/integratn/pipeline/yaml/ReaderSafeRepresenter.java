package tech.integratn.pipeline.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * snakeyaml-engine writes YAML 1.2, where NEL, LS, PS and BOM are ordinary characters and DEL
 * or C1 controls may appear raw. YAML 1.1 readers (go-yaml behind kubectl, Helm, Argo CD) read
 * the first three as line breaks and refuse the others, so a value holding them could change
 * the document's structure. Such strings are forced into double quotes here, and
 * {@link #escapeRaw} then writes those characters as {@code \\uXXXX} escapes, which both readers
 * accept inside double quotes and nowhere else they could occur.
 */
final class ReaderSafeRepresenter extends StandardRepresenter {
  private static final Pattern NEEDS_ESCAPE = Pattern.compile("[\\x7F-\\x9F\\u2028\\u2029\\uFEFF]");

  ReaderSafeRepresenter(DumpSettings settings) {
    super(settings);
  }

  @Override
  protected Node representScalar(Tag tag, String value, ScalarStyle style) {
    if (Tag.STR.equals(tag) && hasRawCharacter(value)) {
      return super.representScalar(tag, value, ScalarStyle.DOUBLE_QUOTED);
    }
    return super.representScalar(tag, value, style);
  }

  /** Whether {@code text} holds a character that {@link #NEEDS_ESCAPE} matches (no regex: hot). */
  private static boolean hasRawCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
        return true;
      }
    }
    return false;
  }

  /** Replaces the raw characters above, all inside double-quoted scalars, by escapes. */
  static String escapeRaw(String yaml) {
    if (!hasRawCharacter(yaml)) {
      return yaml; // the usual case, found without the regex engine
    }
    Matcher m = NEEDS_ESCAPE.matcher(yaml);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(String.format("\\u%04X", (int) m.group().charAt(0))));
    }
    m.appendTail(out);
    return out.toString();
  }
}

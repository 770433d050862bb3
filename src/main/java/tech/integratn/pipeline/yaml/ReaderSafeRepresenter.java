package tech.integratn.pipeline.yaml;

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
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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

  /** Whether {@code text} holds a character of {@link #isRaw} (texts run to megabytes: an array). */
  private static boolean hasRawCharacter(String text) {
    for (char c : text.toCharArray()) {
      if (isRaw(c)) {
        return true;
      }
    }
    return false;
  }

  /** DEL, the C1 controls (NEL among them), LS, PS and BOM. */
  private static boolean isRaw(char c) {
    return (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
  }

  /** Replaces the raw characters above, all inside double-quoted scalars, by escapes. */
  static String escapeRaw(String yaml) {
    char[] chars = yaml.toCharArray();
    StringBuilder out = null;
    int from = 0;
    for (int i = 0; i < chars.length; i++) {
      if (isRaw(chars[i])) {
        if (out == null) {
          out = new StringBuilder(chars.length + 64);
        }
        out.append(chars, from, i - from).append("\\u").append(HEX[chars[i] >> 12])
            .append(HEX[(chars[i] >> 8) & 15]).append(HEX[(chars[i] >> 4) & 15])
            .append(HEX[chars[i] & 15]);
        from = i + 1;
      }
    }
    return out == null ? yaml : out.append(chars, from, chars.length - from).toString();
  }
}

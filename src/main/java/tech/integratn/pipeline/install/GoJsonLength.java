package tech.integratn.pipeline.install;

import java.util.List;
import java.util.Map;

/**
 * The length in bytes of a tree as Go's encoding/json writes it, compactly: kubectl's
 * last-applied annotation is that text, and Go escapes more than most writers ({@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 each take six bytes), so it is counted, not guessed.
 */
final class GoJsonLength {
  private GoJsonLength() {}

  static long of(Object value) {
    if (value == null) {
      return 4;
    }
    if (value instanceof Map<?, ?> map) {
      long length = 2 + Math.max(0, map.size() - 1);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        length += string(String.valueOf(entry.getKey())) + 1 + of(entry.getValue());
      }
      return length;
    }
    if (value instanceof List<?> list) {
      long length = 2 + Math.max(0, list.size() - 1);
      for (Object item : list) {
        length += of(item);
      }
      return length;
    }
    if (value instanceof String text) {
      return string(text);
    }
    return String.valueOf(value).length();
  }

  private static long string(String text) {
    long length = 2;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
        length += 2;
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
        length += 6;
      } else if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (c < 0x10000) {
        length += 3;
      } else {
        length += 4;
      }
    }
    return length;
  }
}

package tech.integratn.pipeline.guard;

import java.util.Locale;

/**
 * Whether a text could spell a core Secret at all, without reading it as YAML: the guard's
 * shortcut for the many strings that are only words. A Secret needs a scalar that is exactly
 * {@code kind} and one that is exactly {@code Secret} or {@code SecretList}. Every reader (YAML
 * 1.1 or 1.2, JSON, a stream splitter) delimits scalars at line breaks or at characters other
 * than letters, digits and spaces, so a text in which no such run of characters is one of those
 * words cannot hold one, under any structure a reader gives it. Escapes are decoded (again and
 * again, for text inside text), format characters are dropped, and case is folded as Go's and
 * Java's case-insensitive comparisons fold it. A text that could hide the words from this check
 * (a binary tag, a Go template action, a template's placeholder) is never inert.
 */
final class Spelling {
  /** Stands for what a template action writes that the guard only knows the alphabet of. */
  static final char PLACEHOLDER = '\uE000';
  /** Text inside text inside text...: deeper than any real carrier, shallow enough to bound work. */
  static final int MAX_TEXT_DEPTH = 8;
  /** Decoding rounds: text inside text deeper than the guard reads is not inert. */
  private static final int MAX_ROUNDS = MAX_TEXT_DEPTH + 1;

  private Spelling() {}

  /**
   * True when no reading of {@code text} can hold a core Secret. {@code templates}: whether
   * {@code {{} counts as a way to hide one (it does for text a consumer may execute).
   */
  static boolean inert(String text, boolean templates) {
    if (text.indexOf(':') < 0 && text.indexOf('\\') < 0 && text.indexOf('!') < 0
        && !text.contains("{{") && text.indexOf(PLACEHOLDER) < 0) {
      return true; // no mapping indicator, and no escape, tag or action that could make one
    }
    boolean kind = false;
    boolean secret = false;
    String current = text;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (current.indexOf(PLACEHOLDER) >= 0 || templates && current.contains("{{")
          || mayHoldBinary(current)) {
        return false;
      }
      Words words = Words.of(current);
      kind |= words.kind;
      secret |= words.secret;
      if (kind && secret) {
        return false;
      }
      String decoded = decodeEscapes(current);
      if (decoded.equals(current)) {
        return true;
      }
      current = decoded;
    }
    return false;
  }

  /**
   * A binary tag spelt any way: {@code !!binary}, a verbatim {@code !<...>} or a tag directive,
   * with the suffix written out or in URI escapes ({@code %62inary}).
   */
  private static boolean mayHoldBinary(String text) {
    return text.indexOf('!') >= 0
        && (text.indexOf('%') >= 0 || fold(text).contains("binary"));
  }

  /**
   * Which of the two words appear as whole runs of letters and digits, with spaces and tabs
   * inside a run kept and around it dropped; any other character ends a run, so a reader that
   * splits at it is read the same way.
   */
  private static final class Words {
    private static final int LONGEST = "secretlist".length();
    boolean kind;
    boolean secret;
    /** The run's first word and, after one space, its second (each kept only while short). */
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();
    private int spaces;
    private boolean space;
    /** The run follows an anchor, alias or tag indicator: its first word is that name. */
    private boolean afterProperty;

    static Words of(String text) {
      Words words = new Words();
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        if (Character.getType(c) == Character.FORMAT) {
          continue; // BOM, zero-width characters: some readers drop them
        }
        if (Character.isLetterOrDigit(c)) {
          words.letter(c);
        } else if (c == ' ' || c == '\t') {
          words.space = true;
        } else {
          words.end();
          words.afterProperty = c == '&' || c == '*' || c == '!';
        }
      }
      words.end();
      return words;
    }

    private void letter(int c) {
      if (space && head.length() > 0) {
        spaces++;
      }
      space = false;
      StringBuilder word = spaces == 0 ? head : spaces == 1 ? tail : null;
      if (word != null && word.length() <= LONGEST) {
        word.appendCodePoint(c);
      }
    }

    private void end() {
      if (spaces == 0) {
        check(head);
      } else if (spaces == 1 && afterProperty) {
        check(tail);
      }
      head.setLength(0);
      tail.setLength(0);
      spaces = 0;
      space = false;
      afterProperty = false;
    }

    private void check(CharSequence word) {
      if (word.length() > 0 && word.length() <= LONGEST) {
        String folded = fold(word.toString());
        kind |= folded.equals("kind");
        secret |= folded.equals("secret") || folded.equals("secretlist");
      }
    }
  }

  /** Lower case, with the letters that fold to s and k in Go's and Java's comparisons. */
  static String fold(String word) {
    return word.toLowerCase(Locale.ROOT).replace('\u017f', 's').replace('\u212a', 'k');
  }

  /**
   * Every backslash escape of YAML, JSON or Go decoded wherever it stands (a reader decodes it
   * only inside quotes, so this reads more than any reader does), and escaped line breaks
   * joined with the next line.
   */
  static String decodeEscapes(String text) {
    int slash = text.indexOf('\\');
    if (slash < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, slash);
    int i = slash;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char e = text.charAt(i + 1);
      int hex = switch (e) {
        case 'x' -> 2;
        case 'u' -> 4;
        case 'U' -> 8;
        default -> 0;
      };
      if (hex > 0) {
        int code = hexValue(text, i + 2, hex);
        if (code >= 0 && Character.isValidCodePoint(code)) {
          out.appendCodePoint(code);
          i += 2 + hex;
        } else {
          out.append(e);
          i += 2;
        }
      } else if (e >= '0' && e <= '7' && i + 3 < text.length() && isOctal(text.charAt(i + 2))
          && isOctal(text.charAt(i + 3))) {
        out.append((char) ((e - '0') * 64 + (text.charAt(i + 2) - '0') * 8 + (text.charAt(i + 3) - '0')));
        i += 4;
      } else if (e == '\n' || e == '\r' || e == '\u0085' || e == '\u2028' || e == '\u2029') {
        i += 2;
        while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
          i++;
        }
      } else {
        out.append(switch (e) {
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'N' -> '\u0085';
          case 'L' -> '\u2028';
          case 'P' -> '\u2029';
          case '_' -> '\u00a0';
          case '0' -> '\0';
          default -> e;
        });
        i += 2;
      }
    }
    return out.toString();
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  /** The value of {@code digits} hex digits at {@code from}; -1 when not hex or past Unicode. */
  static int hexValue(String text, int from, int digits) {
    if (from + digits > text.length()) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < from + digits; i++) {
      int d = Character.digit(text.charAt(i), 16);
      if (d < 0) {
        return -1;
      }
      value = value * 16 + d;
    }
    return value > Character.MAX_CODE_POINT ? -1 : (int) value;
  }
}

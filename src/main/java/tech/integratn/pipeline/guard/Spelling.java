package tech.integratn.pipeline.guard;

import java.util.Locale;

/**
 * Whether a text could spell a core Secret at all, without reading it as YAML: the guard's
 * shortcut for the many strings that are only words. The rule is deliberately blunt, so that it
 * needs no model of any reader: every escape is decoded (as YAML does, and Go's octal too, again
 * and again for text inside text), every character that is not a letter is removed, case is
 * folded as Go and Java fold it; a text whose letters then do not hold both {@code kind} and
 * the letters of a forbidden kind ({@link ForbiddenKinds}: {@code secret}...) cannot hold a
 * Secret (its two scalars need those letters, in that order, with nothing but non-letters
 * inside each); a text holding {@code &} (an anchor, which an alias in another text that a
 * chart prints into the same document may name) must not hold even one of them. Anything
 * else is read completely by the guard. A text that could hide the letters from this check (a
 * binary tag, a template's placeholder, and in a field some consumer executes, a template
 * action) is never inert.
 */
final class Spelling {
  /** Stands for what a template action writes that the guard only knows the alphabet of. */
  static final char PLACEHOLDER = '\uE000';
  /**
   * What Go's text/template writes for a missing value, and Helm (every chart template, tpl
   * included) and vcluster (its CoreDNS manifests) delete from what they write: letters on
   * either side of it join. A text holding it is read, so that the text holding it is named.
   */
  static final String NO_VALUE = "<no value>";
  /** Text inside text inside text...: deeper than any real carrier, shallow enough to bound work. */
  static final int MAX_TEXT_DEPTH = 8;
  /** Decoding rounds: text inside text deeper than the guard reads is not inert. */
  private static final int MAX_ROUNDS = MAX_TEXT_DEPTH + 1;

  private Spelling() {}

  /** As {@link #inert(String, boolean, ForbiddenKinds)} for the kinds never published. */
  static boolean inert(String text, boolean executed) {
    return inert(text, executed, ForbiddenKinds.CORE);
  }

  /**
   * True when no reading of {@code text} can hold a document of one of {@code kinds}.
   * {@code executed}: whether a consumer may execute the text (or text decoded from it) as a Go
   * template, so that {@code {{} could write any letters at all.
   */
  static boolean inert(String text, boolean executed, ForbiddenKinds kinds) {
    boolean kind = false;
    boolean forbidden = false;
    String current = text;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (current.indexOf(PLACEHOLDER) >= 0 || executed && current.contains("{{")
          || mayHoldBinary(current) || current.contains(NO_VALUE)) {
        return false;
      }
      String letters = letters(current);
      boolean kindHere = letters.contains("kind");
      boolean forbiddenHere = kinds.lowerCase().stream().anyMatch(letters::contains);
      kind |= kindHere;
      forbidden |= forbiddenHere;
      // An anchored word: an alias in another text a chart prints into the same document may
      // name it, so the other word need not stand here.
      if (kind && forbidden || (kindHere || forbiddenHere) && current.indexOf('&') >= 0) {
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
   * Whether {@code word} stands in {@code text} as written or once its escapes are decoded, as
   * often as text can be nested in text (each decoding is a reading some consumer may make).
   */
  static boolean spells(String text, String word) {
    String current = text;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (current.contains(word)) {
        return true;
      }
      String decoded = decodeEscapes(current);
      if (decoded.equals(current)) {
        return false;
      }
      current = decoded;
    }
    // Deeper decodings are text nested deeper than the guard reads; it refuses those itself.
    return false;
  }

  /**
   * A binary tag spelt any way: {@code !!binary}, a verbatim {@code !<...>} or a tag directive,
   * with the suffix written out or in URI escapes ({@code %62inary}). Its base64 holds letters
   * this check cannot see.
   */
  private static boolean mayHoldBinary(String text) {
    return text.indexOf('!') >= 0
        && (text.indexOf('%') >= 0 || letters(text).contains("binary"));
  }

  /** A text's letters, case folded, with everything that is not a letter dropped. */
  private static String letters(String text) {
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetter(c)) {
        letters.appendCodePoint(fold(c));
      }
    }
    return letters.toString();
  }

  /**
   * A letter as Go's and Java's case-insensitive comparisons may see it: the Kelvin sign is k,
   * the long s is s, the dotted and dotless i are i (Go's ToLower and ToUpper map them to ASCII).
   */
  static int fold(int c) {
    int lower = Character.toLowerCase(c);
    if (lower < 128) {
      return lower;
    }
    int viaUpper = Character.toLowerCase(Character.toUpperCase(c));
    if (viaUpper < 128) {
      return viaUpper;
    }
    return c == '\u0130' ? 'i' : lower;
  }

  /** Lower case, with the letters that fold to ASCII in Go's and Java's comparisons. */
  static String fold(String word) {
    StringBuilder out = new StringBuilder(word.length());
    word.toLowerCase(Locale.ROOT).codePoints().forEach(c -> out.appendCodePoint(fold(c)));
    return out.toString();
  }

  /**
   * Every backslash escape of YAML, JSON or Go decoded wherever it stands (a reader decodes it
   * only inside quotes, so this reads more than any reader does), in one pass. An escaped line
   * break is decoded as a break: white space holds no letters, so how a reader joins the lines
   * does not matter here. An escape no reader knows is kept as written.
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
          out.append(c).append(e);
          i += 2;
        }
      } else if (e >= '0' && e <= '7' && i + 3 < text.length() && isOctal(text.charAt(i + 2))
          && isOctal(text.charAt(i + 3))) {
        out.append((char) ((e - '0') * 64 + (text.charAt(i + 2) - '0') * 8 + (text.charAt(i + 3) - '0')));
        i += 4;
      } else {
        String decoded = switch (e) {
          case 'n', '\n', '\r', '\u0085', '\u2028', '\u2029' -> "\n";
          case 'r' -> "\r";
          case 't', '\t' -> "\t";
          case 'a' -> "\u0007";
          case 'b' -> "\b";
          case 'e' -> "\u001b";
          case 'f' -> "\f";
          case 'v' -> "\u000b";
          case 'N' -> "\u0085";
          case 'L' -> "\u2028";
          case 'P' -> "\u2029";
          case '_' -> "\u00a0";
          case '0' -> "\0";
          case ' ', '"', '/', '\\', '\'' -> String.valueOf(e);
          default -> null;
        };
        out.append(decoded == null ? "\\" + e : decoded);
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
      if (d < 0 || text.charAt(i) > 'f') {
        return -1;
      }
      value = value * 16 + d;
    }
    return value > Character.MAX_CODE_POINT ? -1 : (int) value;
  }
}

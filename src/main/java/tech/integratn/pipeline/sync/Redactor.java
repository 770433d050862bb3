package tech.integratn.pipeline.sync;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one step every sync message passes before it is printed: the credentials this run holds
 * (the Connect token, the kubeconfig, its token, certificates and keys) are hidden however the
 * text spells them, and so is anything shaped like one (a bearer header, a long base64 run); the
 * rest is kept to one line of printable characters.
 *
 * <p>A server or a library may echo a credential percent-encoded, as a JSON or Go escape
 * ({@code \u0041}, {@code \x41}), base64-encoded (at any byte offset), broken over lines or in
 * another case. So a text is compared in a normal form: escapes decoded (twice, for an escape
 * of an escape), white space and escaped line breaks dropped, lower case; and every encoding of
 * a credential that the normal form cannot undo (base64) is a credential of its own. Whatever
 * stretch of the original text a match covers is hidden whole; hiding too much is the safe side.
 */
public final class Redactor {
  static final int EXCERPT = 120;
  /** A credential shorter than this is not hunted: it would hide ordinary words. */
  static final int SHORTEST = 4;
  /** Base64 fragments shorter than this match too much ordinary text. */
  private static final int SHORTEST_ENCODED = 8;
  /** Past this, a credential's base64 forms are not worth their cost (the whole kubeconfig). */
  private static final int LONGEST_ENCODED = 64 * 1024;
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");
  private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/=_.%\\-]{32,}");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=_\\-\\s]{8,}");
  /** The normal forms of every credential and of its encodings, longest first. */
  private final List<String> needles;

  private Redactor(List<String> needles) {
    this.needles = needles;
  }

  public static Redactor none() {
    return new Redactor(List.of());
  }

  /** This redactor, also hiding each of {@code more} (null, and text shorter than four, ignored). */
  public Redactor with(String... more) {
    Set<String> all = new LinkedHashSet<>(needles);
    for (String secret : more) {
      if (secret == null || secret.strip().length() < SHORTEST) {
        continue;
      }
      add(all, secret, SHORTEST);
      if (secret.length() <= LONGEST_ENCODED) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < 3; offset++) {
          String encoded = base64At(bytes, offset);
          add(all, encoded, SHORTEST_ENCODED);
          add(all, encoded.replace('+', '-').replace('/', '_'), SHORTEST_ENCODED);
        }
        decoded(secret).ifPresent(text -> add(all, text, SHORTEST_ENCODED));
      }
    }
    List<String> sorted = new ArrayList<>(all);
    sorted.sort((a, b) -> b.length() - a.length());
    return new Redactor(List.copyOf(sorted));
  }

  /** {@code text}'s normal forms, as it is and with its own escapes decoded. */
  private static void add(Set<String> needles, String text, int shortest) {
    for (String form : List.of(Normal.of(text, 0).text, Normal.of(text, 1).text)) {
      if (form.length() >= shortest) {
        needles.add(form);
      }
    }
  }

  /**
   * The base64 characters that {@code bytes} alone decide when they start {@code offset} bytes
   * into a longer encoded text: the first characters then mix in earlier bytes and the last one
   * later bytes, so both are left out.
   */
  private static String base64At(byte[] bytes, int offset) {
    byte[] shifted = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, shifted, offset, bytes.length);
    String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
    int from = offset == 0 ? 0 : offset + 1;
    int to = shifted.length % 3 == 0 ? encoded.length() : encoded.length() - 1;
    return from < to ? encoded.substring(from, to) : "";
  }

  /** A credential that is base64 (certificate and key data) also hides the text it encodes. */
  private static java.util.Optional<String> decoded(String secret) {
    if (!BASE64.matcher(secret).matches()) {
      return java.util.Optional.empty();
    }
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(secret.replace('-', '+').replace('_', '/'));
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return text.strip().length() >= SHORTEST_ENCODED ? java.util.Optional.of(text)
          : java.util.Optional.empty();
    } catch (IllegalArgumentException | CharacterCodingException notText) {
      return java.util.Optional.empty();
    }
  }

  /**
   * {@code text} as one loggable line of any length, every credential this run knows and every
   * bearer header hidden: for the run's own messages, whose ids and paths stay readable.
   */
  public String hide(String text) {
    String hidden = text == null ? "" : text;
    if (!needles.isEmpty() && !hidden.isEmpty()) {
      boolean[] covered = new boolean[hidden.length()];
      Normal plain = Normal.of(hidden, 0);
      Normal once = Normal.of(hidden, 1);
      Normal twice = Normal.of(hidden, 2);
      for (String needle : needles) {
        cover(plain, needle, covered);
        cover(once, needle, covered);
        cover(twice, needle, covered);
      }
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < hidden.length(); i++) {
        if (!covered[i]) {
          out.append(hidden.charAt(i));
        } else if (i == 0 || !covered[i - 1]) {
          out.append("[hidden]");
        }
      }
      hidden = out.toString();
    }
    hidden = BEARER.matcher(hidden).replaceAll("Bearer [hidden]");
    StringBuilder line = new StringBuilder();
    hidden.codePoints().forEach(c -> line.append(c >= 0x20 && c < 0x7f ? (char) c : ' '));
    return line.toString().replaceAll("\\s+", " ").strip();
  }

  /**
   * {@code text} from elsewhere (a server, a library) as one short loggable line: also without
   * any long token-like run, which may be a credential this run does not know.
   */
  public String excerpt(String text) {
    String oneLine = LONG_TOKEN.matcher(hide(text)).replaceAll("[hidden]");
    return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT - 3) + "...";
  }

  private static void cover(Normal normal, String needle, boolean[] covered) {
    for (int at = normal.text.indexOf(needle); at >= 0; at = normal.text.indexOf(needle, at + 1)) {
      int from = normal.start[at];
      int to = normal.end[at + needle.length() - 1];
      for (int i = from; i < to; i++) {
        covered[i] = true;
      }
    }
  }

  /**
   * A text in normal form, each of its characters with the stretch of the original it came
   * from. {@code passes} 0 only drops white space and lowers case; each further pass also
   * decodes percent, JSON and Go escapes once.
   */
  private record Normal(String text, int[] start, int[] end) {
    static Normal of(String original, int passes) {
      int[] start = new int[original.length()];
      int[] end = new int[original.length()];
      for (int i = 0; i < original.length(); i++) {
        start[i] = i;
        end[i] = i + 1;
      }
      Normal current = new Normal(original, start, end);
      for (int pass = 0; pass < Math.max(1, passes); pass++) {
        current = current.decoded(passes > 0);
      }
      return current;
    }

    private Normal decoded(boolean escapes) {
      StringBuilder out = new StringBuilder(text.length());
      int[] outStart = new int[text.length()];
      int[] outEnd = new int[text.length()];
      int n = 0;
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        int length = 1;
        int value = c;
        if (escapes && c == '%' && hex(i + 1, 2)) {
          value = Integer.parseInt(text.substring(i + 1, i + 3), 16);
          length = 3;
        } else if (escapes && c == '\\' && i + 1 < text.length()) {
          char e = text.charAt(i + 1);
          if ((e == 'u' || e == 'U') && hex(i + 2, 4)) {
            value = Integer.parseInt(text.substring(i + 2, i + 6), 16);
            length = 6;
          } else if ((e == 'x' || e == 'X') && hex(i + 2, 2)) {
            value = Integer.parseInt(text.substring(i + 2, i + 4), 16);
            length = 4;
          } else if ("nrtbfNRTBF".indexOf(e) >= 0) {
            value = ' ';
            length = 2;
          } else if ("/\\\"'".indexOf(e) >= 0) {
            value = e;
            length = 2;
          }
        }
        if (!Character.isWhitespace(value) && value >= 0x20) {
          out.append(Character.toLowerCase((char) value));
          outStart[n] = start[i];
          outEnd[n] = end[i + length - 1];
          n++;
        }
        i += length;
      }
      return new Normal(out.toString(), java.util.Arrays.copyOf(outStart, n),
          java.util.Arrays.copyOf(outEnd, n));
    }

    private boolean hex(int from, int count) {
      if (from + count > text.length()) {
        return false;
      }
      for (int i = from; i < from + count; i++) {
        if (Character.digit(text.charAt(i), 16) < 0) {
          return false;
        }
      }
      return true;
    }
  }
}

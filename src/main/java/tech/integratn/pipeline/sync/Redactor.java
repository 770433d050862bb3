package tech.integratn.pipeline.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes text from elsewhere (a server's answer, an error) safe to log: the credentials this run
 * holds (the Connect token, the kubeconfig's token, certificates and keys) and anything shaped
 * like one (a bearer header, a long base64 run) are hidden, the rest kept to a short line of
 * printable characters.
 */
public final class Redactor {
  static final int EXCERPT = 120;
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");
  private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/=_.\\-]{32,}");
  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  public static Redactor none() {
    return new Redactor(List.of());
  }

  /** This redactor, also hiding {@code secret} (ignored when shorter than four characters). */
  public Redactor with(String... more) {
    List<String> all = new ArrayList<>(secrets);
    for (String secret : more) {
      if (secret != null && secret.length() >= 4) {
        all.add(secret);
      }
    }
    all.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(all));
  }

  /** {@code text} as one short loggable line. */
  public String excerpt(String text) {
    String hidden = text == null ? "" : text;
    for (String secret : secrets) {
      hidden = hidden.replace(secret, "[hidden]");
    }
    hidden = BEARER.matcher(hidden).replaceAll("Bearer [hidden]");
    hidden = LONG_TOKEN.matcher(hidden).replaceAll("[hidden]");
    StringBuilder line = new StringBuilder();
    hidden.codePoints().forEach(c -> line.append(c >= 0x20 && c < 0x7f ? (char) c : ' '));
    String oneLine = line.toString().replaceAll("\\s+", " ").strip();
    return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT - 3) + "...";
  }
}

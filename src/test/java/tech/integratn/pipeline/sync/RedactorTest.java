package tech.integratn.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the sync may log of a text, one rule each: the rule, the text, the line. The credentials
 * are the Connect token and a key as a kubeconfig holds it (base64 of a PEM text); each rule
 * spells one of them another way.
 */
class RedactorTest {
  private static final String TOKEN = "s3cr3t-connect-token";
  private static final String PEM = "-----BEGIN KEY-----\nline-one-of-the-key\n-----END KEY-----\n";
  private static final String KEY_DATA = b64(PEM);
  private static final Redactor REDACTOR = Redactor.none().with(TOKEN, "ab", KEY_DATA);

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("plain text is kept", "not found", "not found"),
        rule("a credential of this run is hidden", "token s3cr3t-connect-token refused",
            "token [hidden] refused"),
        rule("a secret shorter than four characters is not hunted", "ab cd", "ab cd"),
        rule("a bearer header is hidden", "Authorization: Bearer xyz", "Authorization: Bearer [hidden]"),
        rule("in another case", "token S3CR3T-Connect-TOKEN refused", "token [hidden] refused"),
        rule("percent-encoded", "url ?t=" + pct(TOKEN) + "&x=1", "url ?t=[hidden]&x=1"),
        rule("every character percent-encoded", "t=" + pctAll(TOKEN), "t=[hidden]"),
        rule("as JSON \\u escapes", "{\"m\": \"" + unicode(TOKEN) + "\"}", "{\"m\": \"[hidden]\"}"),
        rule("as Go \\x escapes", "m=" + TOKEN.substring(0, 6) + "\\x2d\\x63" + TOKEN.substring(8),
            "m=[hidden]"),
        rule("percent-encoded JSON escapes", "m=" + pct(unicode(TOKEN)), "m=[hidden]"),
        rule("split over lines", "token s3cr3t-con\nnect-token refused", "token [hidden] refused"),
        rule("split by an escaped line break", "token s3cr3t-con\\nnect-token refused",
            "token [hidden] refused"),
        // Base64 characters that mix a credential's first or last bits with the text around it
        // (and the padding) are kept: they say less than a byte of it.
        rule("base64-encoded", "b=" + b64(TOKEN), "b=[hidden]4="),
        rule("base64-encoded one byte into a longer text", "b=" + b64("x" + TOKEN + "y"),
            "b=eH[hidden]eQ=="),
        rule("base64-encoded two bytes into a longer text", "b=" + b64("xy" + TOKEN + "z"),
            "b=eHl[hidden]no="),
        rule("URL-safe base64", "b=" + Base64.getUrlEncoder().encodeToString(
            ("x" + TOKEN).getBytes(StandardCharsets.UTF_8)), "b=eH[hidden]"),
        rule("a key's base64, as the kubeconfig holds it", "k " + KEY_DATA + " end", "k [hidden] end"),
        rule("the text a key's base64 encodes", "k " + PEM + " end", "k [hidden] end"),
        rule("control characters and line breaks become one space", "a\n\tb\u0007c", "a b c"),
        rule("nothing is nothing", null, ""));
  }

  private static Arguments rule(String rule, String text, String line) {
    return Arguments.of(rule, text, line);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, String text, String line) {
    assertThat(REDACTOR.hide(text)).as(rule).isEqualTo(line);
  }

  /** An excerpt is hide, plus long token-like runs hidden and the line cut. */
  static Stream<Arguments> excerpts() {
    return Stream.of(
        rule("a long base64 run is hidden", "key " + "QUJD".repeat(10), "key [hidden]"),
        rule("text beyond a line is cut", "x ".repeat(100),
            ("x ".repeat(100)).strip().substring(0, Redactor.EXCERPT - 3) + "..."),
        rule("a credential is hidden before the line is cut", "x ".repeat(55) + TOKEN,
            "x ".repeat(55) + "[hidden]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("excerpts")
  void excerptHolds(String rule, String text, String line) {
    assertThat(REDACTOR.excerpt(text)).as(rule).isEqualTo(line);
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String pct(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("-", "%2D");
  }

  private static String pctAll(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      out.append(String.format("%%%02x", b));
    }
    return out.toString();
  }

  private static String unicode(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(String.format("\\u%04X", c)));
    return out.toString();
  }
}

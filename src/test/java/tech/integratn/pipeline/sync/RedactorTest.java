package tech.integratn.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the sync may log of a text from elsewhere, one rule each: the rule, the text, the line. */
class RedactorTest {
  private static final Redactor REDACTOR = Redactor.none().with("s3cr3t-connect-token", "ab");

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("plain text is kept", "not found", "not found"),
        rule("a credential of this run is hidden", "token s3cr3t-connect-token refused",
            "token [hidden] refused"),
        rule("a secret shorter than four characters is not hunted", "ab cd", "ab cd"),
        rule("a bearer header is hidden", "Authorization: Bearer xyz", "Authorization: Bearer [hidden]"),
        rule("a long base64 run is hidden", "key " + "QUJD".repeat(10), "key [hidden]"),
        rule("control characters and line breaks become one space", "a\n\tb\u0007c", "a b c"),
        rule("text beyond a line is cut", "x ".repeat(100),
            ("x ".repeat(100)).strip().substring(0, Redactor.EXCERPT - 3) + "..."),
        rule("nothing is nothing", null, ""));
  }

  private static Arguments rule(String rule, String text, String line) {
    return Arguments.of(rule, text, line);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, String text, String line) {
    assertThat(REDACTOR.excerpt(text)).as(rule).isEqualTo(line);
  }
}

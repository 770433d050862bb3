package tech.integratn.pipeline.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule that lets the guard skip reading a text: each case, why, and the verdict. Inert means
 * that, after decoding escapes and dropping everything but letters, the text lacks kind or secret.
 */
class SpellingTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // reason, text, executed, inert
        Arguments.of("a word", "hello", true, true),
        Arguments.of("only one of the two words", "kind: ConfigMap", true, true),
        Arguments.of("a URL with both words", "https://a.b:8443/x?kind=Secret", true, false),
        Arguments.of("prose with both words is read, not trusted",
            "Note: this kind of cluster keeps secrets: here", true, false),
        Arguments.of("the two words", "kind: Secret", true, false),
        Arguments.of("case and the letters that fold to s and k", "\u212aIND: \u017fECRET", true, false),
        Arguments.of("dotless and dotted i fold to i", "k\u0131nd: Secret", true, false),
        Arguments.of("a longer kind name still has the letters", "kind: ExternalSecret", true, false),
        Arguments.of("words split by anything that is not a letter",
            "k-i_n.d: S3e\u200bc\u0301ret", true, false),
        Arguments.of("anchor and tag names with - _ . before the word",
            "&a-b kind: &c_d.e Secret", true, false),
        Arguments.of("an escaped key", "\"\\x6bind\": Secret", true, false),
        Arguments.of("a 16-bit escape", "kind: \"\\u0053ecret\"", true, false),
        Arguments.of("\\f and \\v are not letters", "\"ki\\fnd\": \"Sec\\vret\"", true, false),
        Arguments.of("an escaped line break, then an empty line",
            "kind: \"Sec\\\n\n   ret\"", true, false),
        Arguments.of("escapes inside escapes (text in text)", "a: \"\\\\x6bind: \\\\x53ecret\"", true, false),
        Arguments.of("a binary tag hides any text", "x: !!binary a2luZDogU2VjcmV0", true, false),
        Arguments.of("a binary tag spelt in URI escapes", "x: !!%62inary a2lu", true, false),
        Arguments.of("a verbatim binary tag", "x: !<tag:yaml.org,2002:binary> a2lu", true, false),
        Arguments.of("a local tag alone hides nothing", "x: !local value", true, true),
        Arguments.of("a template action where text may be executed", "{{ .x }}: y", true, false),
        Arguments.of("a template action where no one executes it", "{{ .x }}: y", false, true),
        Arguments.of("an escaped template where text may be executed",
            "x: \"\\x7b\\x7b printf \\\"%c\\\" 107 \\x7d\\x7d\"", true, false),
        Arguments.of("a template's placeholder could be any DNS name", "a: \uE000", true, false),
        Arguments.of("a shell script without both words",
            "kubectl get cm \"vc-$N\" -o jsonpath='{.data.config}' \\\n | base64 -d", true, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void inert(String reason, String text, boolean executed, boolean inert) {
    assertThat(Spelling.inert(text, executed)).as(reason).isEqualTo(inert);
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("hex", "\\x41\\u0042\\U00000043", "ABC"),
        Arguments.of("a code point past Unicode stays as written", "\\UFFFFFFFF", "\\UFFFFFFFF"),
        Arguments.of("octal, as Go writes it", "\\153ind", "kind"),
        Arguments.of("YAML's control escapes are not letters", "\\f\\v\\a\\e", "\f\u000b\u0007\u001b"),
        Arguments.of("an escaped line break stays a break (no letters either way)", "a\\\n   b", "a\n   b"),
        Arguments.of("an escape no reader knows stays", "\\q", "\\q"),
        Arguments.of("a backslash at the end", "a\\", "a\\"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escapes")
  void decodesEscapesWherever(String reason, String text, String decoded) {
    assertThat(Spelling.decodeEscapes(text)).as(reason).isEqualTo(decoded);
  }
}

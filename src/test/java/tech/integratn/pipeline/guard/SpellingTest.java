package tech.integratn.pipeline.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rule that lets the guard skip reading a text: each case, why, and the verdict. */
class SpellingTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // reason, text, inert
        Arguments.of("a word", "hello", true),
        Arguments.of("a URL has colons but no mapping", "https://a.b:8443/x?kind=Secret", false),
        Arguments.of("prose with both words inside longer runs", "Note: this kind of cluster keeps secrets: here", true),
        Arguments.of("the two words as whole runs", "kind: Secret", false),
        Arguments.of("case and the letters that fold to s and k", "\u212aIND: \u017fECRET", false),
        Arguments.of("SecretList counts", "kind: SecretList", false),
        Arguments.of("a longer kind name does not", "kind: ExternalSecret", true),
        Arguments.of("a word split by a zero-width space", "ki\u200bnd: Sec\ufeffret", false),
        Arguments.of("an escaped key", "\"\\x6bind\": Secret", false),
        Arguments.of("a 16-bit escape", "kind: \"\\u0053ecret\"", false),
        Arguments.of("an escaped line break joins words", "kind: \"Sec\\\n   ret\"", false),
        Arguments.of("escapes inside escapes (text in text)", "a: \"\\\\x6bind: Secret\"", false),
        Arguments.of("a binary tag hides any text", "x: !!binary a2luZDogU2VjcmV0", false),
        Arguments.of("a binary tag spelt in URI escapes", "x: !!%62inary a2lu", false),
        Arguments.of("a verbatim binary tag", "x: !<tag:yaml.org,2002:binary> a2lu", false),
        Arguments.of("a local tag alone hides nothing", "x: !local value", true),
        Arguments.of("an anchor's name is not part of the word after it", "x: &k kind\n*k: Secret", false),
        Arguments.of("words on separate lines", "kind\n:\nSecret", false),
        Arguments.of("NEL ends a word", "kind:\u0085Secret", false),
        Arguments.of("a template action could write anything", "{{ .x }}: y", false),
        Arguments.of("a template's placeholder could be any DNS name", "a: \uE000", false),
        Arguments.of("no colon, escape, tag or action", "kind Secret", true),
        Arguments.of("a shell script mentioning secrets",
            "kubectl get secret \"vc-$N\" -o jsonpath='{.data.config}' \\\n | base64 -d", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void inert(String reason, String text, boolean inert) {
    assertThat(Spelling.inert(text, true)).as(reason).isEqualTo(inert);
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("hex", "\\x41\\u0042\\U00000043", "ABC"),
        Arguments.of("a code point past Unicode stays as written", "\\UFFFFFFFF", "UFFFFFFFF"),
        Arguments.of("octal, as Go writes it", "\\153ind", "kind"),
        Arguments.of("an escaped line break and the next line's indentation", "a\\\n   b", "ab"),
        Arguments.of("a backslash at the end", "a\\", "a\\"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escapes")
  void decodesEscapesWherever(String reason, String text, String decoded) {
    assertThat(Spelling.decodeEscapes(text)).as(reason).isEqualTo(decoded);
  }
}

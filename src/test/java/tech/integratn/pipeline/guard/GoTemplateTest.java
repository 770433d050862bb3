package tech.integratn.pipeline.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the guard knows a Go template writes, rule by rule, as Go's text/template executes it. */
class GoTemplateTest {
  private static final String P = String.valueOf(Spelling.PLACEHOLDER);

  static Stream<Arguments> known() {
    return Stream.of(
        // reason, template, what every execution writes
        Arguments.of("no actions", "a: b", "a: b"),
        Arguments.of("a release name is a placeholder", "n: {{ .Release.Name }}-x", "n: " + P + "-x"),
        Arguments.of("from the root variable too", "n: {{ $.Release.Namespace }}", "n: " + P),
        Arguments.of("a constant string", "{{ \"kind\" }}: x", "kind: x"),
        Arguments.of("a raw string, across lines", "{{ `a\nb` }}", "a\nb"),
        Arguments.of("Go escapes in a constant", "{{ \"\\x6bind\\t\\u0053\" }}", "kind\tS"),
        Arguments.of("a comment writes nothing", "a{{/* note */}}b", "ab"),
        Arguments.of("trim markers remove white space around", "a \n{{- \"b\" -}}\n c", "abc"),
        Arguments.of("}} inside a string does not end the action", "{{ \"}}\" }}", "}}"),
        Arguments.of("a literal {{ written as an action", "{{\"{{\"}} .config }}", "{{ .config }}"),
        Arguments.of("not a template (unterminated): executing it fails", "{{ oops", "{{ oops"),
        Arguments.of("a dash not followed by a space is not a trim marker", "a {{-3}}", null),
        Arguments.of("an undeclared variable: Go cannot parse it, so it is text (Prometheus)",
            "summary: {{ $labels.instance }} is down ({{ $value }})",
            "summary: {{ $labels.instance }} is down ({{ $value }})"),
        Arguments.of("a declared variable is a variable", "{{ $x := \"a\" }}{{ $x }}", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("known")
  void writes(String reason, String template, String written) {
    GoTemplate.Execution execution = GoTemplate.execute(template);
    if (written == null) {
      assertThat(execution.known()).as(reason).isFalse();
    } else {
      assertThat(execution.problem()).as(reason).isNull();
      assertThat(execution.output()).as(reason).isEqualTo(written);
    }
  }

  static Stream<Arguments> unknown() {
    return Stream.of(
        Arguments.of("a field of the values", "{{ .Values.x }}", ".Values.x"),
        Arguments.of("a function", "{{ printf \"Sec\" }}ret", "printf"),
        Arguments.of("a condition", "{{ if .x }}a{{ end }}", "if .x"),
        Arguments.of("a pipeline", "{{ .Release.Name | upper }}", "upper"),
        Arguments.of("a comment that spells a Secret", "{{/* a: 1,\nkind: Secret, */}}", "comment"),
        Arguments.of("a range's declared variables", "{{ range $i, $v := .L }}{{ $v }}{{ end }}",
            "range"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknown")
  void refuses(String reason, String template, String named) {
    GoTemplate.Execution execution = GoTemplate.execute(template);
    assertThat(execution.known()).as(reason).isFalse();
    assertThat(execution.problem()).as(reason).contains(named);
  }

  @Test
  void escapedRequestTextIsWrittenBackByteForByte() {
    for (String text : new String[] {"{{ .config }}", "{{{{", "a{{-b}}c", "{", "}}{{", "x"}) {
      assertThat(GoTemplate.execute(GoTemplate.escape(text)).output()).isEqualTo(text);
    }
  }
}

package tech.integratn.pipeline.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The template grammar the guard accepts, rule by rule: what Go's text/template writes for each
 * accepted text, and the refusal for everything else (GoTemplateDifferentialTest holds the
 * accepted outputs to Go itself on generated templates).
 */
class GoTemplateTest {
  private static final String P = String.valueOf(Spelling.PLACEHOLDER);

  static Stream<Arguments> accepted() {
    return Stream.of(
        // reason, template, what every execution writes
        Arguments.of("no actions", "a: b", "a: b"),
        Arguments.of("}} alone is text", "a: }} b", "a: }} b"),
        Arguments.of("a release name is a placeholder", "n: {{ .Release.Name }}-x", "n: " + P + "-x"),
        Arguments.of("without spaces", "n: {{.Release.Name}}", "n: " + P),
        Arguments.of("from the root variable too", "n: {{ $.Release.Namespace }}", "n: " + P),
        Arguments.of("a comment writes nothing", "a{{/* note */}}b", "ab"),
        Arguments.of("a comment holding }} and quotes", "a{{/* don't }} \" */}}b", "ab"),
        Arguments.of("a literal {{ written as an action", "{{\"{{\"}} .config }}", "{{ .config }}"),
        Arguments.of("the same with spaces", "{{ \"{{\" }}", "{{"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void writes(String reason, String template, String written) {
    GoTemplate.Execution execution = GoTemplate.execute(template);
    assertThat(execution.problem()).as(reason).isNull();
    assertThat(execution.output()).as(reason).isEqualTo(written);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        // reason, template, what the refusal names
        Arguments.of("a field of the values", "{{ .Values.x }}", ".Values.x"),
        Arguments.of("a function", "{{ printf \"Sec\" }}ret", "printf"),
        Arguments.of("a condition", "{{ if .x }}a{{ end }}", "if .x"),
        Arguments.of("a pipeline", "{{ .Release.Name | upper }}", "upper"),
        Arguments.of("a constant: Go's escapes are not modelled", "{{ \"\\xc2\\x85\" }}", "\\xc2"),
        Arguments.of("a raw string constant", "{{ `kind` }}", "`kind`"),
        Arguments.of("a variable, whatever its name", "{{ $\uD835\uDC9C }}", "$"),
        Arguments.of("a trim marker before", "a {{- .Release.Name }}", "- .Release.Name"),
        Arguments.of("a trim marker after", "{{ .Release.Name -}} a", ".Release.Name -"),
        Arguments.of("a trimmed comment", "{{- /* don't */ -}}", "comment"),
        Arguments.of("a comment with a space before it", "{{ /* x */}}", "/* x */"),
        Arguments.of("a comment that does not end at */}}", "{{/* a */ }}", "comment"),
        Arguments.of("an action that never closes", "{{ .Release.Name", "never closes"),
        Arguments.of("an undeclared variable (not modelled: refused)", "{{ $labels.x }}", "$labels"),
        Arguments.of("a dash that is a number", "a {{-3}}", "-3"),
        Arguments.of("two opening delimiters", "{{{{ .Release.Name }}", "{{ .Release.Name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
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

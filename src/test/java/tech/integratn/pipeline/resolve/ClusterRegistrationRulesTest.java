package tech.integratn.pipeline.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static tech.integratn.pipeline.Refusals.assertRefused;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * What a request may put on the Argo CD cluster Secret, one rule each: the rule, the check, the
 * request's labels or annotations, and the field path of the refusal (empty: accepted).
 */
class ClusterRegistrationRulesTest {
  private static final String F = "spec.f";

  interface Check {
    void run(Map<String, String> values);
  }

  static Stream<Arguments> rules() {
    Check reservedLabels = v -> ClusterRegistrationRules.refuseReserved(v, true, F);
    Check reservedAnnotations = v -> ClusterRegistrationRules.refuseReserved(v, false, F);
    Check keys = v -> ClusterRegistrationRules.refuseTemplateKeys(v, F);
    Check unchanged = v -> ClusterRegistrationRules.refuseChanged(v,
        Map.of("cluster_name", "x"), F);
    return Stream.of(
        rule("a label of the request's own is accepted", reservedLabels, Map.of("team", "a"), ""),
        rule("Argo CD's secret-type label is the platform's", reservedLabels,
            Map.of("argocd.argoproj.io/secret-type", "cluster"), F + ".argocd.argoproj.io/secret-type"),
        rule("any argocd.argoproj.io/ label is the platform's", reservedLabels,
            Map.of("argocd.argoproj.io/anything", "v"), F + ".argocd.argoproj.io/anything"),
        rule("the cluster name label is the platform's", reservedLabels,
            Map.of("cluster_name", "y"), F + ".cluster_name"),
        rule("an annotation of the request's own is accepted", reservedAnnotations,
            Map.of("owner", "a"), ""),
        rule("the base-domain annotation is the platform's", reservedAnnotations,
            Map.of("platform.integratn.tech/base-domain", "e.com"),
            F + ".platform.integratn.tech/base-domain"),
        rule("an argocd.argoproj.io/ annotation is the request's", reservedAnnotations,
            Map.of("argocd.argoproj.io/note", "v"), ""),
        rule("a template action in a value is data (escaped later)", keys,
            Map.of("a", "{{ .config }}"), ""),
        rule("a key holding {{ cannot be escaped, so it is refused", keys,
            Map.of("{{ .config }}", "a"), F + ".{{ .config }}"),
        rule("a platform key with the platform's value is accepted", unchanged,
            Map.of("cluster_name", "x"), ""),
        rule("a platform key with another value is refused", unchanged,
            Map.of("cluster_name", "y"), F + ".cluster_name"));
  }

  private static Arguments rule(String rule, Check check, Map<String, String> values,
      String refusedAt) {
    return Arguments.of(rule, check, values, refusedAt);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, Check check, Map<String, String> values, String refusedAt) {
    if (refusedAt.isEmpty()) {
      assertThatCode(() -> check.run(values)).as(rule).doesNotThrowAnyException();
      return;
    }
    assertRefused(rule, () -> check.run(values), ExitCode.INVALID_INPUT, refusedAt);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateData")
  void templateDataExecutesToItself(String text) {
    String written = ClusterRegistrationRules.asTemplateData(Map.of("k", text)).get("k");
    assertThat(tech.integratn.pipeline.guard.GoTemplate.execute(written).output()).isEqualTo(text);
  }

  static Stream<String> templateData() {
    return Stream.of("plain", "{{ .config }}", "a {{ b }} c", "{{- x -}}", "}}{{");
  }
}

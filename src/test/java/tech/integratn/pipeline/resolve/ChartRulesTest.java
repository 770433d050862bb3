package tech.integratn.pipeline.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertRefused;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * The chart checks, one rule each: the rule, the Helm values (flow YAML), the chart release
 * requested, and the verdict: {@code ok}, {@code warning: <part>} or {@code refused: <part>}.
 */
class ChartRulesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String FIELD = "spec.vcluster.helmOverrides";

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("values the release's schema knows pass", "{controlPlane: {statefulSet: {}}}",
            "0.30.4", "ok"),
        rule("a misspelt key is refused with its path", "{controlPlane: {statefulset: {}}}",
            "0.30.4", "refused: controlPlane.statefulset"),
        rule("the refusal names the release checked", "{controlPlane: {statefulset: {}}}",
            "0.30.4", "refused: vcluster chart 0.30.4"),
        rule("a key added in a later release is refused before it",
            "{controlPlane: {advanced: {podDisruptionBudget: {enabled: true}}}}", "0.30.4",
            "refused: podDisruptionBudget"),
        rule("and passes from that release on",
            "{controlPlane: {advanced: {podDisruptionBudget: {enabled: true}}}}", "0.31.0", "ok"),
        rule("a leading v is ignored",
            "{controlPlane: {advanced: {podDisruptionBudget: {enabled: true}}}}", "v0.31.0", "ok"),
        rule("a release newer than the newest bundled renders with a warning", "{a: 1}", "9.0.0",
            "warning: is newer than the newest release checked here"),
        rule("an older unknown release renders with a warning", "{a: 1}", "0.29.0",
            "warning: no vcluster chart schema is bundled"));
  }

  private static Arguments rule(String rule, String values, String release, String verdict) {
    return Arguments.of(rule, values, release, verdict);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  @SuppressWarnings("unchecked")
  void holds(String rule, String values, String release, String verdict) throws IOException {
    Map<String, Object> tree = YAML.readValue(values, Map.class);
    if (verdict.startsWith("refused: ")) {
      assertRefused(rule, () -> ChartValuesCheck.check(tree, release, FIELD, Optional.empty()),
          ExitCode.INVALID_INPUT, FIELD, verdict.substring("refused: ".length()));
      return;
    }
    Optional<String> warning = ChartValuesCheck.check(tree, release, FIELD, Optional.empty());
    if (verdict.equals("ok")) {
      assertThat(warning).as(rule).isEmpty();
    } else {
      assertThat(warning).as(rule).get().asString().contains(verdict.substring("warning: ".length()));
    }
  }

  static Stream<Arguments> releases() {
    return Stream.of(
        Arguments.of("every bundled release from 0.30.0", ChartReleases.releases().get(0), "0.30.0"),
        Arguments.of("to 0.36.1", ChartReleases.newest(), "0.36.1"),
        Arguments.of("a leading v is dropped", ChartReleases.normalise("v0.32.1"), "0.32.1"),
        Arguments.of("a newer release is newer than bundled",
            String.valueOf(ChartReleases.isNewerThanBundled("0.40.0")), "true"),
        Arguments.of("an older one is not", String.valueOf(ChartReleases.isNewerThanBundled("0.29.0")),
            "false"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void knowsTheReleases(String rule, String found, String expected) {
    assertThat(found).as(rule).isEqualTo(expected);
  }
}

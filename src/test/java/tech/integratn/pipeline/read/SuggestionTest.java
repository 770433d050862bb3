package tech.integratn.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** "Did you mean", one rule each: the rule, the name given, and the suggestion (or none). */
class SuggestionTest {
  private static final List<String> KNOWN = List.of("targetNamespace", "projectName", "vcluster",
      "exposure", "integrations");

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("a swapped pair of letters", "vclsuter", "vcluster"),
        Arguments.of("case does not count", "targetnamespace", "targetNamespace"),
        Arguments.of("a missing letter", "exposre", "exposure"),
        Arguments.of("a name far from every known one has none", "replicas", "<none>"),
        Arguments.of("a short name allows one edit", "vclustr", "vcluster"),
        Arguments.of("a very long name is compared whole only", "x".repeat(70), "<none>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void suggests(String rule, String given, String expected) {
    assertThat(Suggestion.closest(given, KNOWN).orElse("<none>")).as(rule).isEqualTo(expected);
  }
}

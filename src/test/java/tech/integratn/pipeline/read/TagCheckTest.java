package tech.integratn.pipeline.read;

import static org.assertj.core.api.Assertions.assertThatCode;
import static tech.integratn.pipeline.Refusals.assertRefused;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.nodes.Node;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * What a request may hold, as the API server's JSON does, one rule each: the rule, the YAML, and
 * the field path of the refusal (empty: accepted).
 */
class TagCheckTest {
  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("plain values are accepted", "a: [1, 1.5, true, null, text]", ""),
        Arguments.of("a core tag on a value of its type is accepted", "a: !!int 3", ""),
        Arguments.of("an integer may be tagged a float", "a: !!float 3", ""),
        Arguments.of("a string tag is accepted on anything", "a: !!str 3", ""),
        Arguments.of("binary is not JSON", "a: !!binary aGk=", "a"),
        Arguments.of("a timestamp is not JSON", "a: !!timestamp 2026-01-01", "a"),
        Arguments.of("a set is not JSON", "a: !!set {x: null}", "a"),
        Arguments.of("a local tag is refused", "a: {b: !thing x}", "a.b"),
        Arguments.of("a core tag on a value of another type is refused", "a: [!!int abc]", "a[0]"),
        Arguments.of("a tagged document is refused at the resource", "!!omap [a: 1]", "(resource)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, String yaml, String refusedAt) {
    Node document = Yaml.composeAll(yaml, 1 << 16).get(0);
    if (refusedAt.isEmpty()) {
      assertThatCode(() -> TagCheck.check(document)).as(rule).doesNotThrowAnyException();
      return;
    }
    assertRefused(rule, () -> TagCheck.check(document), ExitCode.INVALID_INPUT, refusedAt);
  }
}

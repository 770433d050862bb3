package tech.integratn.pipeline.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * YAML 1.2's \L and \P, which our scanner does not know, read as YAML reads them: each case,
 * why, the text, and the value of its key a (null: refused).
 */
class SeparatorEscapesTest {
  private static final String MANY = IntStream.range(0, 60)
      .mapToObj(i -> "k" + i + ": \"x\\Ly\"\n").collect(Collectors.joining());

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("\\L in double quotes is a line separator", "a: \"x\\Ly\\Pz\"\n", "x\u2028y\u2029z"),
        Arguments.of("an escaped backslash before L is not the escape", "a: \"x\\\\Ly\"\n", "x\\Ly"),
        Arguments.of("60 quoted texts with \\L are read in one more pass", MANY + "a: \"\\L\"\n", "\u2028"),
        Arguments.of("\\L outside double quotes stays as written, after one",
            "b: \"\\L\"\na: 'x\\Ly'\n", "x\\Ly"),
        Arguments.of("a plain \\L stays as written too", "b: \"\\L\"\na: x\\Ly\n", "x\\Ly"),
        Arguments.of("more quoted texts than the budget, when read one by one, are refused",
            MANY + "a: 'x\\Ly'\n", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reads(String reason, String text, String value) {
    if (value == null) {
      assertThatThrownBy(() -> Yaml.loadAll(text, 1 << 20)).as(reason)
          .isInstanceOf(YamlEngineException.class).hasMessageContaining("\\u2028");
      return;
    }
    List<Object> documents = Yaml.loadAll(text, 1 << 20);
    assertThat(((Map<?, ?>) documents.get(0)).get("a")).as(reason).isEqualTo(value);
  }
}

package tech.integratn.pipeline.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * How the guard reads a carried text, one rule each: the rule, the text, and either the number
 * of documents every reading yields together, or {@code unreadable}. Go readers break lines at
 * NEL, LS and PS, skip byte-order marks, and split at any line starting with {@code ---}; a text
 * is read as written and, where that differs, as they read it.
 */
class CarriedTextTest {
  static Stream<Arguments> readings() {
    return Stream.of(
        reading("plain YAML is read once", "a: 1\nb: 2\n", "1"),
        reading("YAML's own document markers split as written", "a: 1\n---\nb: 2\n", "2"),
        reading("a marker with text after it is a key as written, a split to Go: read both ways",
            "k: 1\n---b: 2\n", "3"),
        reading("a marker and a space is YAML's own: read once", "a: 1\n--- b\n", "2"),
        reading("a marker followed by a mapping is unreadable as written", "a: 1\n--- b: 2\n",
            "unreadable"),
        reading("a line separator is a line break to Go: read both ways",
            "a: \"x\u2028y\"", "2"),
        reading("a next line character is a line break to Go", "a: 'x\u0085y'", "2"),
        reading("a byte-order mark inside is skipped by Go", "a: 1\n\ufeffb: 2\n", "2"),
        reading("a text that is no YAML is unreadable", "a: [1, 2\n", "unreadable"),
        reading("what Go splits off must be YAML too", "a: 1\n---x: [\n", "unreadable"),
        reading("a Go line break that makes bad YAML is unreadable", "k: 'v\u2028---x: ['",
            "unreadable"),
        reading("ASCII words and spaces are one plain scalar to every reader: nothing to read",
            "this kind of value is not a secret 42", "0"),
        reading("words with any other character are read", "this kind of secret: x", "1"),
        reading("words on two lines are read", "kind\nsecret", "1"));
  }

  private static Arguments reading(String rule, String text, String expected) {
    return Arguments.of(rule, text, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readings")
  void reads(String rule, String text, String expected) throws CarriedText.Unreadable {
    if (expected.equals("unreadable")) {
      assertThatThrownBy(() -> CarriedText.read(text, true)).as(rule)
          .isInstanceOf(CarriedText.Unreadable.class);
      return;
    }
    List<Node> documents = CarriedText.read(text, true);
    assertThat(documents).as(rule).hasSize(Integer.parseInt(expected));
  }
}

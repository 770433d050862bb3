package tech.integratn.pipeline.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Characters YAML 1.1 readers take as line breaks or refuse, one rule each: the rule, the value,
 * and how it is written; a YAML 1.1 reader (Jackson's, snakeyaml 1.x) must read it back as the
 * same string.
 */
class ReaderSafeRepresenterTest {
  private static final ObjectMapper YAML11 = new ObjectMapper(new YAMLFactory());

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("plain text is written plain", "text", "text"),
        Arguments.of("a line separator is escaped in double quotes", "a\u2028b", "\"a\\u2028b\""),
        Arguments.of("a paragraph separator too", "a\u2029b", "\"a\\u2029b\""),
        Arguments.of("a next line character is escaped by the serialiser itself", "a\u0085b",
            "\"a\\Nb\""),
        Arguments.of("a byte-order mark too", "\ufeffa", "\"\\uFEFFa\""),
        Arguments.of("a delete character too", "a\u007fb", "\"a\\u007Fb\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void writes(String rule, String value, String written) throws IOException {
    String yaml = Yaml.flow(value);
    assertThat(yaml).as(rule).isEqualTo(written);
    assertThat(YAML11.readValue("k: " + yaml, Map.class).get("k")).as(rule + ": read back")
        .isEqualTo(value);
  }
}

package tech.integratn.pipeline.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** The first-character shortcut never changes what a scalar resolves to. */
class StrictScalarResolverTest {
  private static final List<String> ENDINGS = List.of("", "rue", "alse", "ull", "es", "o", "n",
      "ff", "0", "1", "12", ".5", "e3", ":30", "-01-01", "{X}", "<", "_1", "x", " ");

  @Test
  void aStringStartingOutsideTheListIsTextForYaml11AndTheCoreSchema() {
    StrictScalarResolver strict = new StrictScalarResolver();
    CoreScalarResolver core = new CoreScalarResolver(true);
    Resolver yaml11 = new Resolver();
    List<String> checked = new ArrayList<>();
    for (char first = ' '; first <= '~'; first++) {
      if (StrictScalarResolver.NON_STRING_FIRST_CHARACTERS.indexOf(first) >= 0) {
        continue;
      }
      for (String ending : ENDINGS) {
        String value = first + ending;
        assertThat(strict.resolve(value, true)).as(value).isEqualTo(Tag.STR);
        assertThat(core.resolve(value, true)).as("core schema: " + value).isEqualTo(Tag.STR);
        if ("!&*".indexOf(first) < 0) { // tag, anchor, alias: never the start of a plain scalar
          assertThat(yaml11.resolve(NodeId.scalar, value, true))
              .as("YAML 1.1: " + value).isEqualTo(org.yaml.snakeyaml.nodes.Tag.STR);
        }
        checked.add(value);
      }
    }
    assertThat(checked).hasSizeGreaterThan(1000);
  }

  @Test
  void theListedCharactersStillReachThePatterns() {
    StrictScalarResolver strict = new StrictScalarResolver();
    for (String value : List.of("yes", "No", "on", "OFF", "0755", "1_000", "12:30", "2026-01-01",
        "~", "<<", "=", "true", "null", "-1", "+.5", ".inf", "${HOME}")) {
      assertThat(strict.resolve(value, true)).as(value).isNotEqualTo(Tag.STR);
    }
  }
}

package tech.integratn.pipeline.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A map's block after a key is its document moved right (one serialisation serves the values
 * text and an Application's values): for every shape and string here, byte for byte what the
 * serialiser writes for the map nested under a key.
 */
class YamlBlockTest {
  /** Strings whose writing depends on where they stand, if anything does. */
  private static final List<String> STRINGS = List.of("plain", "", " ", "  leading", "trailing ",
      "two\nlines", "two\nlines\n", "keep\n\n\n", "\n\nleading breaks", "  indented\nblock",
      "a\u2028b", "\u0085", "tab\there", "kind: Secret", "---", "...", "- item", "? key",
      "# comment", "'quoted'", "\"double\"", "yes", "0755", "1e3", "null", "~", "<<", "x".repeat(200),
      "long key ".repeat(20), "line\n".repeat(40), "{{ .Release.Name }}", "\ufeffbom", "é日🚀");

  static Stream<Arguments> maps() {
    List<Arguments> cases = new ArrayList<>();
    for (String s : STRINGS) {
      cases.add(Arguments.of("value " + Yaml.flow(s), map("k", s)));
      cases.add(Arguments.of("key " + Yaml.flow(s), map(s, "v")));
      cases.add(Arguments.of("nested " + Yaml.flow(s), map("a", map("b", List.of(s, map("c", s)),
          "d", List.of(List.of(s)), "e", map(), "f", List.of()))));
    }
    Random random = new Random(27);
    for (int i = 0; i < 40; i++) {
      cases.add(Arguments.of("drawn " + i, drawn(random, 0)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maps")
  void aMapsBlockIsWhatTheSerialiserWritesUnderAKey(String name, Map<String, Object> map) {
    for (int indent : new int[] {2, 4, 8, 10}) {
      assertThat(Yaml.block(map, indent)).as("indent " + indent).isEqualTo(Yaml.blockOf(map, indent));
    }
  }

  private static Map<String, Object> drawn(Random random, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      map.put(STRINGS.get(random.nextInt(STRINGS.size())) + n, value(random, depth));
    }
    return map;
  }

  private static Object value(Random random, int depth) {
    int pick = random.nextInt(depth > 3 ? 3 : 6);
    return switch (pick) {
      case 0 -> STRINGS.get(random.nextInt(STRINGS.size()));
      case 1 -> random.nextInt(1000) - 500;
      case 2 -> random.nextBoolean() ? null : random.nextBoolean();
      case 3 -> drawn(random, depth + 1);
      default -> {
        List<Object> list = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          list.add(value(random, depth + 1));
        }
        yield list;
      }
    };
  }

  private static Map<String, Object> map(Object... entries) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i += 2) {
      map.put((String) entries[i], entries[i + 1]);
    }
    return map;
  }
}

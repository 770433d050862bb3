package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.guard.GoTemplate;
import tech.integratn.pipeline.guard.OutputGuard;
import tech.integratn.pipeline.yaml.GoYamlV2;

/**
 * The guard's grammars against the real Go consumers, on texts generated from a grammar of the
 * families that got past the old guard (trim markers, comments with quotes, byte escapes,
 * Unicode variable names, pipelines; anchors and tags named with every name character, escapes,
 * escaped line breaks before empty lines, block scalars, YAML 1.1 scalars):
 *
 * <ul>
 *   <li>a template GoTemplate accepts is executed by Go's text/template as vcluster does it, and
 *       writes exactly what GoTemplate says (the release name where it put its placeholder);
 *   <li>a text the guard accepts where it is executed holds no Secret for any Go reader, nor for
 *       text/template with sprig;
 *   <li>a text GoYamlV2 reads has the values, with their types, that go-yaml v2 reads.
 * </ul>
 *
 * A fixed seed in the fast tier; the slow tier (and CI) draws one and prints it
 * ({@code -Dgrammar.seed=N} replays one).
 */
class GrammarDifferentialTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long FIXED_SEED = 27L;

  private static final String[] TEXT = {"a", "kind", ": ", "Secret", "\n", " ", "}}", "{", "'",
      "\"", "don't", "\u00e9", "-", "\t", "x: ", "apiVersion: v1\n", "\n  "};
  private static final String[] ACTIONS = {"{{ .Release.Name }}", "{{.Release.Namespace}}",
      "{{ $.Release.Name }}", "{{\"{{\"}}", "{{ \"{{\" }}", "{{/* c */}}", "{{/* don't }} */}}",
      "{{/* kind: Secret */}}", "{{- /* don't */ -}}", "{{ /* x */ }}", "{{- .Release.Name }}",
      "{{ .Release.Name -}}", "{{ \"\\xc2\\x85\" }}", "{{ `kind` }}",
      "{{ $\uD835\uDC9C := \"Sec\" }}{{ $\uD835\uDC9C }}", "{{ $x }}", "{{ printf \"%c\" 107 }}",
      "{{ .Values.x }}", "{{ if true }}kind{{ end }}", "{{ .Release.Name | printf \"%s\" }}",
      "{{", "{{-3}}", "{{ .Release.Name", "{{ \"Secret\" }}", "{{/* a */ }}"};
  private static final String[] KEYS = {"kind", "Kind", "k\u0131nd", "\"\\x6bind\"", "apiVersion",
      "a", "\"ki\\\n\n  nd\"", "&a-b kind", "!t.g kind", "? kind\n"};
  private static final String[] VALUES = {"Secret", "\"\\x53ecret\"", "&a-b Secret",
      "&c_d.e Secret", "!!str Secret", "!a-b_c.d Secret", "0400", "yes", "on", "off", "y", "1_000",
      "0b11", "-0b11", "08", "0o17", "190:20:30", "2001-12-14", ".5", "+.inf", ".NaN", "1e3",
      "0x1F", "'yes'", "|\n  Secret", ">-\n  Sec\n  ret", "\"Sec\\\n\n  ret\"", "\"Sec\\\n  ret\"",
      "\"Sec\\fret\"", "\"\\x7b\\x7b printf \\\"%c\\\" 107 \\x7d\\x7d\"", "v1", "~", "",
      "9223372036854775808", "-9223372036854775809", "18446744073709551616", "-0.0", "+12",
      "1__0", "0_x1", "_1", "\"\\LSecret\""};

  @Test
  void fixedSeed() {
    run(Long.getLong("grammar.seed", FIXED_SEED), 150);
  }

  /**
   * The guard does not read a text of ASCII letters, digits and spaces alone (guard/CarriedText):
   * its premise, that every reader takes such a text for one plain scalar, asked of go-yaml v2
   * and of every Go reader the oracle runs, on generated texts of the words of a Secret.
   */
  @Test
  void wordsAndSpacesAreOneScalarToGo() {
    String[] words = {"kind", "Secret", "secret", "apiVersion", "v1", "42", "0", "1e3", "yes",
        "null", "Kind", "SecretList", " ", "  ", "x"};
    Random random = new Random(27);
    for (int n = 0; n < 200; n++) {
      StringBuilder text = new StringBuilder();
      for (int w = 1 + random.nextInt(6); w > 0; w--) {
        text.append(pick(words, random)).append(random.nextBoolean() ? " " : "");
      }
      JsonNode documents = read(GoOracle.mode("v2").ask(text.toString()));
      assertThat(documents.size()).as(text.toString()).isLessThanOrEqualTo(1);
      // The oracle's typed form: a scalar is null, a boolean or {"s"|"i"|"f": text}.
      documents.forEach(document -> assertThat(document.isNull() || document.isBoolean()
          || document.isObject() && document.size() == 1
          && List.of("s", "i", "f").contains(document.fieldNames().next()))
          .as("go-yaml v2 reads structure in %s: %s", text, document).isTrue());
      assertThat(GoOracle.get().secretIn(text.toString())).as(text.toString()).isEmpty();
    }
  }

  private static JsonNode read(JsonNode go) {
    try {
      return JSON.readTree(go.path("value").asText());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @Tag("slow")
  void drawnSeed() {
    boolean ci = "true".equals(System.getenv("CI"));
    long seed = Long.getLong("grammar.seed", ci ? System.nanoTime() : FIXED_SEED + 1);
    System.out.println("grammar: seed " + seed);
    run(seed, 1500);
  }

  private static void run(long seed, int cases) {
    Random random = new Random(seed);
    int accepted = 0;
    for (int i = 0; i < cases; i++) {
      String template = template(random);
      if (templateAgreesWithGo(template, seed)) {
        accepted++;
      }
      String yaml = yaml(random);
      guardAgreesWithGo(yaml, seed);
      guardAgreesWithGo(template(random) + "\n" + yaml, seed);
      readsAsGoYamlV2(yaml, seed);
    }
    assertThat(accepted).as("some generated templates are in the grammar (seed %s)", seed)
        .isPositive();
  }

  private static String template(Random random) {
    StringBuilder out = new StringBuilder();
    for (int n = 1 + random.nextInt(6); n > 0; n--) {
      out.append(random.nextInt(3) == 0 ? pick(ACTIONS, random) : pick(TEXT, random));
    }
    return out.toString();
  }

  private static String yaml(Random random) {
    StringBuilder out = new StringBuilder();
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      out.append(pick(KEYS, random)).append(": ").append(pick(VALUES, random)).append('\n');
    }
    return out.toString();
  }

  private static String pick(String[] from, Random random) {
    return from[random.nextInt(from.length)];
  }

  /** True when GoTemplate accepts it; then Go must write what it says. */
  private static boolean templateAgreesWithGo(String template, long seed) {
    GoTemplate.Execution execution = GoTemplate.execute(template);
    if (!execution.known()) {
      return false;
    }
    JsonNode go = GoOracle.mode("vcluster").ask(template);
    assertThat(go.has("error")).as("Go refuses a template the guard accepts (seed %s): %s -> %s",
        seed, template, go.path("error").asText()).isFalse();
    // The placeholder stands for the release's name or namespace ("vc", "vcluster-vc" here).
    StringBuilder pattern = new StringBuilder();
    String[] pieces = execution.output().split("\uE000", -1);
    for (int i = 0; i < pieces.length; i++) {
      pattern.append(i == 0 ? "" : "(vc|vcluster-vc)").append(java.util.regex.Pattern.quote(pieces[i]));
    }
    assertThat(go.path("out").asText()).as("seed %s: %s", seed, template)
        .matches(java.util.regex.Pattern.compile(pattern.toString(), java.util.regex.Pattern.DOTALL));
    return true;
  }

  /** A text the guard accepts in an executed field holds no Secret for any Go reader. */
  private static void guardAgreesWithGo(String text, long seed) {
    try {
      new OutputGuard().checkText(text, "generated");
    } catch (PipelineException refused) {
      return;
    }
    JsonNode go = GoOracle.mode("executed").ask(text);
    assertThat(go.path("secret").asText("")).as("the guard accepts what Go reads as a Secret "
        + "(seed %s): %s", seed, text).isEmpty();
  }

  /** What GoYamlV2 reads, go-yaml v2 reads with the same types and values. */
  private static void readsAsGoYamlV2(String text, long seed) {
    List<Object> ours;
    try {
      ours = GoYamlV2.loadAll(text, 1 << 20);
    } catch (YamlEngineException refused) {
      return;
    }
    JsonNode go = GoOracle.mode("v2").ask(text);
    if (go.has("error")) {
      return; // Go cannot read it: nothing is published from it that Go reads otherwise
    }
    try {
      List<Object> typed = new ArrayList<>();
      for (Object document : ours) {
        typed.add(typed(document));
      }
      JsonNode ourTree = JSON.valueToTree(typed);
      assertThat(ourTree).as("seed %s: %s", seed, text)
          .isEqualTo(JSON.readTree(go.path("value").asText()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Our value in the oracle's typed form. */
  private static Object typed(Object value) throws java.io.IOException {
    if (value == null || value instanceof Boolean) {
      return value;
    }
    if (value instanceof String s) {
      return Map.of("s", s);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
      return Map.of("i", value.toString());
    }
    if (value instanceof Double d) {
      String f = d.isNaN() ? "NaN" : d == Double.POSITIVE_INFINITY ? "+Inf"
          : d == Double.NEGATIVE_INFINITY ? "-Inf"
          : d == 0 && 1 / d < 0 ? "-0"
          : new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
      return Map.of("f", f);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(typed(item));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      out.put(JSON.writeValueAsString(typed(entry.getKey())), typed(entry.getValue()));
    }
    return out;
  }
}

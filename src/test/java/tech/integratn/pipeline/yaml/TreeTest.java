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
 * The one deep merge, by rule: the rule, the base, the overlay, and the merged tree, each as flow
 * YAML. {@code VALUES} merges Helm values, sync policies and document labels; {@code SETTINGS}
 * merges platform settings over their defaults.
 */
class TreeTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Stream<Arguments> merges() {
    return Stream.of(
        merge("maps merge key by key", Tree.Rule.VALUES,
            "{a: {b: 1, c: 2}}", "{a: {c: 3, d: 4}}", "{a: {b: 1, c: 3, d: 4}}"),
        merge("a list replaces a list whole", Tree.Rule.VALUES,
            "{a: [1, 2]}", "{a: [3]}", "{a: [3]}"),
        merge("a scalar replaces a map", Tree.Rule.VALUES,
            "{a: {b: 1}}", "{a: x}", "{a: x}"),
        merge("a map replaces a scalar", Tree.Rule.VALUES,
            "{a: x}", "{a: {b: 1}}", "{a: {b: 1}}"),
        merge("values: a null is written as null", Tree.Rule.VALUES,
            "{a: 1}", "{a: null}", "{a: null}"),
        merge("values: maps under a Labels key merge too", Tree.Rule.VALUES,
            "{podLabels: {a: '1'}}", "{podLabels: {b: '2'}}", "{podLabels: {a: '1', b: '2'}}"),
        merge("no overlay keeps the base", Tree.Rule.VALUES,
            "{a: 1}", null, "{a: 1}"),
        merge("new keys come after the base's, in the overlay's order", Tree.Rule.VALUES,
            "{a: 1}", "{c: 3, b: 2}", "{a: 1, c: 3, b: 2}"),
        merge("settings: a null keeps the default", Tree.Rule.SETTINGS,
            "{chart: {version: 0.30.0}}", "{chart: {version: null}}", "{chart: {version: 0.30.0}}"),
        merge("settings: a label selector replaces the default whole", Tree.Rule.SETTINGS,
            "{certManager: {issuerSelectorLabels: {a: '1'}}}",
            "{certManager: {issuerSelectorLabels: {b: '2'}}}",
            "{certManager: {issuerSelectorLabels: {b: '2'}}}"),
        merge("settings: other maps merge key by key", Tree.Rule.SETTINGS,
            "{argocd: {namespace: argocd, destinationServer: s}}", "{argocd: {namespace: gitops}}",
            "{argocd: {namespace: gitops, destinationServer: s}}"));
  }

  private static Arguments merge(String rule, Tree.Rule how, String base, String overlay,
      String merged) {
    return Arguments.of(rule, how, base, overlay, merged);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  @SuppressWarnings("unchecked")
  void merges(String rule, Tree.Rule how, String base, String overlay, String merged)
      throws IOException {
    Map<String, Object> baseTree = YAML.readValue(base, Map.class);
    Map<String, Object> overlayTree = overlay == null ? null : YAML.readValue(overlay, Map.class);
    String baseBefore = YAML.writeValueAsString(baseTree);
    Map<String, Object> result = Tree.merge(baseTree, overlayTree, how);
    assertThat(YAML.writeValueAsString(result)).as(rule)
        .isEqualTo(YAML.writeValueAsString(YAML.readValue(merged, Map.class)));
    assertThat(YAML.writeValueAsString(baseTree)).as(rule + ": the base is unchanged")
        .isEqualTo(baseBefore);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  @SuppressWarnings("unchecked")
  void sharesNothingWithItsInputs(String rule, Tree.Rule how, String base, String overlay,
      String merged) throws IOException {
    Map<String, Object> overlayTree = overlay == null ? null : YAML.readValue(overlay, Map.class);
    Map<String, Object> result = Tree.merge(YAML.readValue(base, Map.class), overlayTree, how);
    String before = YAML.writeValueAsString(overlayTree);
    mutate(result);
    assertThat(YAML.writeValueAsString(overlayTree)).as(rule).isEqualTo(before);
  }

  @SuppressWarnings("unchecked")
  private static void mutate(Object tree) {
    if (tree instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).replaceAll((k, v) -> v instanceof Map || v instanceof java.util.List ? v : "changed");
      map.values().forEach(TreeTest::mutate);
    } else if (tree instanceof java.util.List<?> list) {
      ((java.util.List<Object>) list).replaceAll(v -> "changed");
    }
  }
}

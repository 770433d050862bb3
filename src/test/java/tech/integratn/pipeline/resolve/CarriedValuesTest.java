package tech.integratn.pipeline.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertRefused;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * Text carried inside Helm values is published as it was read, one rule each: the rule, the
 * values key, the text, and what is published, or a part of the refusal (always exit 3 with the
 * field path), written {@code refused: <part>}.
 */
class CarriedValuesTest {
  private static final String HOST = "experimental.deploy.host.manifests";
  private static final String TEMPLATE = "experimental.deploy.host.manifestsTemplate";
  private static final String OTHER = "controlPlane.distro.k8s.extraArgs";
  private static final String REFUSED = "refused: ";

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("manifests are written again by our serialiser", HOST,
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"),
        rule("several manifests stay several documents", HOST,
            "kind: A\n---\nkind: B\n", "kind: A\n---\nkind: B\n"),
        rule("an empty document between manifests is dropped", HOST,
            "kind: A\n---\n---\nkind: B\n", "kind: A\n---\nkind: B\n"),
        rule("a manifest must be a mapping", HOST, "- a\n", "refused: is not a Kubernetes object"),
        rule("manifests our reader cannot read are refused", HOST, "kind: [A\n",
            "refused: is not YAML the pipeline can read completely"),
        rule("a tagged value is not plain data", HOST, "kind: A\ndata: !!binary aGk=\n",
            "refused: not plain data"),
        rule("a template with only known output is kept as written", TEMPLATE,
            "kind: ConfigMap\nmetadata: {name: '{{ .Release.Name }}'}\n",
            "kind: ConfigMap\nmetadata: {name: '{{ .Release.Name }}'}\n"),
        rule("a template with output the guard cannot know is refused", TEMPLATE,
            "kind: ConfigMap\ndata: {a: '{{ .Values.x }}'}\n", "refused: the template"),
        rule("a template that could write a Secret is refused", TEMPLATE,
            "kind: Secret\nmetadata: {name: '{{ .Release.Name }}'}\n", "refused: could write a Secret"),
        rule("an octal mode keeps its go-yaml v2 value", HOST,
            "kind: A\ndefaultMode: 0400\n", "kind: A\ndefaultMode: 256\n"),
        rule("YAML 1.1 booleans stay booleans", HOST,
            "kind: A\na: yes\nb: off\nc: 'yes'\n", "kind: A\na: true\nb: false\nc: 'yes'\n"),
        rule("underscores and binary integers as go-yaml v2 reads them", HOST,
            "kind: A\na: 1_000\nb: 0b11\n", "kind: A\na: 1000\nb: 3\n"),
        rule("a key go-yaml v2 reads as a boolean is refused", HOST, "kind: A\non: 1\n",
            "refused: is not text for go-yaml v2"),
        rule("a merge key is applied, as go-yaml v2 applies it", HOST,
            "kind: A\nb: &x {c: 1}\nd: {<<: *x, e: 2}\n", "kind: A\nb:\n  c: 1\nd:\n  e: 2\n  c: 1\n"),
        rule("text past what one object may take is refused", HOST,
            "kind: A\ndata: {a: '" + "x".repeat(CarriedValues.MAX_OBJECT_BYTES) + "'}\n",
            "refused: the API server stores for one object"),
        rule("a value the chart executes (tpl) is refused at its field outside the grammar",
            "controlPlane.ingress.spec.host", "{{ .Values.x }}", "refused: executes this text"),
        rule("a value the chart executes is kept when the grammar accepts it",
            "controlPlane.ingress.spec.host", "{{ .Release.Name }}.example.com",
            "{{ .Release.Name }}.example.com"),
        rule("{{ is text where no consumer executes it", OTHER, "{{ .Values.x }}", "{{ .Values.x }}"),
        rule("text elsewhere is left alone", OTHER, "kind: [A", "kind: [A"));
  }

  private static Arguments rule(String rule, String key, String text, String published) {
    return Arguments.of(rule, key, text, published);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, String key, String text, String published) {
    Map<String, Object> values = nested(key, text);
    if (!published.startsWith(REFUSED)) {
      assertThat(at(CarriedValues.normalise(values, "spec.v"), key)).as(rule).isEqualTo(published);
      return;
    }
    assertRefused(rule, () -> CarriedValues.normalise(values, "spec.v"), ExitCode.INVALID_INPUT,
        "spec.v." + key, published.substring(REFUSED.length()));
  }

  @org.junit.jupiter.api.Test
  void aChartBundleIsRefusedAtItsField() {
    Map<String, Object> values = Map.of("experimental", Map.of("deploy", Map.of("vcluster",
        Map.of("helm", List.of(Map.of("bundle", "H4sIAAAAAAAA", "chart", Map.of("name", "x")))))));
    assertRefused("a bundle is installed unread", () -> CarriedValues.normalise(values, "spec.v"),
        ExitCode.INVALID_INPUT, "spec.v.experimental.deploy.vcluster.helm[].bundle",
        "chart.repo");
  }

  private static Map<String, Object> nested(String key, Object value) {
    Object tree = value;
    List<String> parts = List.of(key.split("\\."));
    for (int i = parts.size() - 1; i >= 0; i--) {
      tree = Map.of(parts.get(i), tree);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) tree;
    return map;
  }

  private static Object at(Map<String, Object> values, String key) {
    Object node = values;
    for (String part : key.split("\\.")) {
      node = ((Map<?, ?>) node).get(part);
    }
    return node;
  }
}

package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;

/**
 * Text the guard would refuse in output is refused at the request field that holds it (exit 3),
 * in every free-form field a request copies to output, keys included, with the reason and advice
 * that works: reworded as the advice says, the same request renders. Each row: the field, the
 * kind of request, and where the text goes (a value at the path, or the key of its last step).
 */
class RequestFieldRefusalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Prose naming both words that is not YAML (the guard cannot read it completely). */
  private static final String PROSE =
      "Note: this kind of cluster keeps its secrets in 1Password: ask #platform.";

  @TempDir Path work;

  static Stream<Arguments> fields() {
    return Stream.of(
        value("spec.vcluster.helmOverrides.controlPlane.statefulSet.annotations.x"),
        key("spec.vcluster.helmOverrides.controlPlane.statefulSet.annotations"),
        value("spec.vcluster.backingStore.etcd.deploy.statefulSet.annotations.x"),
        value("spec.vcluster.exportKubeConfig.context"),
        value("spec.integrations.argocd.environment"),
        value("spec.integrations.argocd.clusterLabels.x"),
        key("spec.integrations.argocd.clusterLabels"),
        value("spec.integrations.argocd.clusterAnnotations.note"),
        key("spec.integrations.argocd.clusterAnnotations"),
        value("spec.integrations.argocd.workloadRepo.url"),
        value("spec.integrations.argocd.workloadRepo.basePath"),
        value("spec.integrations.argocd.workloadRepo.path"),
        value("spec.integrations.argocd.workloadRepo.revision"),
        value("spec.argocdApplication.syncPolicy.managedNamespaceMetadata.labels.x"),
        key("spec.argocdApplication.syncPolicy.managedNamespaceMetadata.annotations"),
        Arguments.of("spec.argocdApplication.syncPolicy.syncOptions[0]", "VClusterOrchestrator",
            false),
        Arguments.of("spec.vcluster.helmOverrides.controlPlane.statefulSet.annotations.x",
            "VCluster", false));
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("fields")
  void refusedTextNamesItsRequestField(String field, String kind, boolean asKey)
      throws IOException {
    Cli refused = run(request(kind, field, asKey, PROSE));

    String named = asKey ? field + "." + PROSE + " (the key)" : field;
    assertThat(assertExited(field, refused, ExitCode.INVALID_INPUT, "could spell a Secret",
        "reword it")).startsWith("Invalid request: " + named + ": ");
    assertThat(work.resolve("out")).doesNotExist();

    Cli reworded = run(request(kind, field, asKey, PROSE.replace("kind", "sort")));
    assertThat(reworded.exitCode()).as(reworded.err()).isZero();
  }

  /**
   * A tenant's attempts on the fields this check reads (issue 27's families: anchors, merge keys,
   * escapes, binary tags, line separators, a template in a field the chart executes, the same
   * template clean where it is text): each refused at its own field, exit 3.
   */
  static Stream<Arguments> hidden() {
    String template = "{{ printf \"k%cnd: S%ccret\" 105 101 }}";
    return Stream.of(
        Arguments.of("an anchored kind in a cluster label's key",
            "spec.integrations.argocd.clusterLabels", true,
            "x: &a Secret\nkind: *a\napiVersion: v1"),
        Arguments.of("escaped words in a cluster annotation",
            "spec.integrations.argocd.clusterAnnotations.note", false,
            "\"\\x6bind\": \"\\u0053ecret\"\n\"apiVersion\": v1"),
        Arguments.of("a binary kind in a sync option",
            "spec.argocdApplication.syncPolicy.syncOptions[0]", false,
            "kind: !!binary U2VjcmV0\napiVersion: v1"),
        Arguments.of("a Secret merged in through an anchor",
            "spec.integrations.argocd.clusterAnnotations.note", false,
            "base: &b {kind: Secret}\nthing:\n  <<: *b\n  apiVersion: v1\n"),
        Arguments.of("line separators that Go reads as breaks",
            "spec.integrations.argocd.workloadRepo.url", false,
            "x: y\u2028kind: Secret\u2028apiVersion: v1"),
        Arguments.of("a template in a key the chart executes",
            "spec.vcluster.helmOverrides.controlPlane.ingress.spec", true, template),
        Arguments.of("the same template in an ingress rule the chart executes",
            "spec.vcluster.helmOverrides.controlPlane.ingress.spec.rules[0]", false, template),
        // vcluster writes the Corefile into its CoreDNS manifests ("Corefile: |-" then each
        // \n-line indented 4), drops every "<no value>" from them and applies them with kubectl's
        // reader, for which \r ends a line: "kind: Secret" lands at the ConfigMap's top level
        // (pkg/coredns/template.go, corednsManifests, removeNoValue). Found by sigs.k8s.io/yaml.
        Arguments.of("a Secret vcluster writes from the Corefile",
            "spec.vcluster.helmOverrides.controlPlane.coredns.overwriteConfig", false,
            "x\rki<no value>nd: Sec<no value>ret\rstringData:"),
        // The chart prints the storage class raw ("storageClassName: {{ ... }}", indented only
        // at \n), Helm drops every "<no value>" from what a template writes, and \r ends a line
        // for its YAML reader: apiVersion and kind land at the StatefulSet's top level, and the
        // last of each wins (sigs.k8s.io/yaml reads a core Secret on the host cluster).
        Arguments.of("a Secret the chart writes from a raw-printed storage class",
            "spec.vcluster.helmOverrides.controlPlane.statefulSet.persistence.volumeClaim"
                + ".storageClass", false,
            "nfs\rapiVersion: v1\rki<no value>nd: Sec<no value>ret\rrest: |2"),
        // The chart writes the annotations with toYaml, which leaves this plain (no ": " in it);
        // Helm then drops every "<no value>": the annotation becomes a flow mapping that
        // go-yaml reads as a core Secret nested in the StatefulSet.
        Arguments.of("a Secret Helm writes from a plain annotation value",
            "spec.vcluster.helmOverrides.controlPlane.statefulSet.annotations.x", false,
            "<no value>{kind:<no value> Secret, apiVersion:<no value> v1}"),
        // Past the guard's walk: refused as the request's text, not as "a rendered file".
        Arguments.of("text nested in text past the depth the guard reads",
            "spec.vcluster.helmOverrides.controlPlane.statefulSet.annotations.x", false,
            nested(nested(nested("kind Secret")))));
  }

  /** {@code inner} as a JSON string inside 150 nested flow lists. */
  private static String nested(String inner) {
    String text = inner.startsWith("[") ? "\"" + inner.replace("\\", "\\\\")
        .replace("\"", "\\\"") + "\"" : inner;
    return "[".repeat(150) + text + "]".repeat(150);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hidden")
  void aHiddenSecretIsRefusedAtItsField(String attempt, String field, boolean asKey, String text)
      throws IOException {
    Cli refused = run(request("VClusterOrchestrator", field, asKey, text));

    assertThat(assertExited(attempt, refused, ExitCode.INVALID_INPUT))
        .startsWith("Invalid request: " + field).doesNotContain("rendered file");
    assertThat(work.resolve("out")).doesNotExist();
  }

  /**
   * Two values the chart prints raw into one document (the StatefulSet's retention policy, then
   * its storage class), each harmless alone: an anchor in the first joins the words of a Secret
   * that neither holds (an alias in the second); a line break Go's reader honours and Helm's
   * indent does not lets each add top-level keys. Found by rendering vcluster 0.30.4's
   * statefulset.yaml and _persistence.tpl from the published values and reading the result with
   * sigs.k8s.io/yaml: apiVersion v1, kind Secret.
   */
  static Stream<Arguments> composed() {
    return Stream.of(
        Arguments.of("an anchored Secret in one value and a kind that names it in the next",
            "Retain\rsc: &a Secret\rbar: |2", "nfs\rapiVersion: v1\rkind: *a\rrest: |2"),
        Arguments.of("both words anchored in one readable value, keyed by aliases in the next",
            "#\rsc: &a Secret\rkk: &k kind\rbar: |2", "#\rapiVersion: v1\r*k : *a\rrest: |2"),
        Arguments.of("the same across \\n, where the chart prints the value without indent",
            "Retain\nsc: &a Secret\nbar: |2", "nfs\rapiVersion: v1\rkind: *a\rrest: |2"),
        Arguments.of("the same across LS and NEL only",
            "Retain\u2028sc: &a Secret\u2028bar: |2",
            "nfs\u0085apiVersion: v1\u0085kind: *a\u0085rest: |2"),
        Arguments.of("an anchored kind key in one value, aliased as a key in the next",
            "#\r&k kind: x\rbar: |2", "#\rapiVersion: v1\r*k : Secret\rrest: |2"),
        Arguments.of("an anchored Secret merged in as the kind by the next",
            "#\rsc: &a Secret\rbar: |2", "#\rapiVersion: v1\r<<: {kind: *a}\rrest: |2"),
        // No line break at all: the alias joins the words inside the StatefulSet, where
        // sigs.k8s.io/yaml reads the storage class as {apiVersion: v1, kind: Secret}.
        Arguments.of("an anchored Secret and a flow mapping that names it, each on one line",
            "&a Secret", "{kind: *a, apiVersion: v1}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("composed")
  void aSecretComposedFromTwoRawValuesIsRefused(String attempt, String retentionPolicy,
      String storageClass) throws IOException {
    Map<String, Object> request = request("VClusterOrchestrator",
        "spec.vcluster.helmOverrides.controlPlane.statefulSet.persistence.volumeClaim"
            + ".retentionPolicy", false, retentionPolicy);
    Map<String, Object> volumeClaim = volumeClaim(request);
    volumeClaim.put("enabled", true);
    volumeClaim.put("storageClass", storageClass);

    Cli refused = run(request);

    assertThat(assertExited(attempt, refused, ExitCode.INVALID_INPUT)).startsWith(
        "Invalid request: spec.vcluster.helmOverrides.controlPlane.statefulSet.persistence");
    assertThat(work.resolve("out")).doesNotExist();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> volumeClaim(Map<String, Object> request) {
    Map<String, Object> at = (Map<String, Object>) request.get("spec");
    for (String step : List.of("vcluster", "helmOverrides", "controlPlane", "statefulSet",
        "persistence", "volumeClaim")) {
      at = (Map<String, Object>) at.get(step);
    }
    return at;
  }

  private static Arguments value(String field) {
    return Arguments.of(field, "VClusterOrchestrator", false);
  }

  private static Arguments key(String field) {
    return Arguments.of(field, "VClusterOrchestrator", true);
  }

  /** A request of {@code kind} with {@code text} at {@code field} (or as a key of the map there). */
  private static Map<String, Object> request(String kind, String field, boolean asKey,
      String text) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", "c");
    List<String> steps = List.of(field.substring("spec.".length()).split("\\."));
    Map<String, Object> at = spec;
    for (int i = 0; i < steps.size() - 1; i++) {
      Map<String, Object> next = new LinkedHashMap<>();
      at.put(steps.get(i), next);
      at = next;
    }
    String last = steps.get(steps.size() - 1);
    if (asKey) {
      at.put(last, Map.of(text, "x"));
    } else if (last.endsWith("[0]")) {
      at.put(last.substring(0, last.length() - 3), List.of(text));
    } else {
      at.put(last, text);
    }
    return Map.of("apiVersion", PromiseKind.API_VERSION, "kind", kind,
        "metadata", Map.of("name", "c", "namespace", "platform-requests"), "spec", spec);
  }

  private Cli run(Map<String, Object> request) throws IOException {
    Path input = work.resolve("object.yaml");
    JSON.writeValue(input.toFile(), request);
    return Cli.run("--settings", Fixtures.openPolicy().toString(), "--input", input.toString(),
        "--output", work.resolve("out").toString(), "--metadata",
        work.resolve("meta").toString());
  }
}

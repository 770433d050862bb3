package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
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
 * Secrets smuggled inside text that a consumer reads as YAML later: each case is a request, the
 * reason it must be refused, and the place the refusal must name. Each exits 3 where the request
 * field itself is refused (carried manifests and values are read and written again, templates
 * checked, before rendering) or 4 where the guard refuses the output, and writes nothing.
 */
class CarriedSecretTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A Secret whose only line breaks are {@code sep}: one line to YAML 1.2, five to Go readers. */
  private static String secretWithBreaks(String sep) {
    return "apiVersion:" + sep + " v1" + sep + "kind:" + sep + " Secret" + sep + "stringData:"
        + sep + " password:" + sep + "  hunter2";
  }

  private static final String EXTRA_OBJECTS_SECRET = "extraObjects:\n- apiVersion: v1\n"
      + "  kind: Secret\n  metadata: {name: leak}\n  stringData: {password: hunter2}\n";

  /** A Secret whose words Helm and vcluster join by dropping "<no value>" from their output. */
  private static final String NO_VALUE_SECRET = "apiVersion: v1\nki<no value>nd: Sec<no value>ret\n"
      + "metadata: {name: leak}\nstringData: {password: hunter2}\n";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("NEL breaks in a VClusterCore's valuesYaml",
            core(secretWithBreaks("\u0085")), "spec.valuesYaml", "not a YAML mapping"),
        Arguments.of("LS breaks in a VClusterCore's valuesYaml",
            core(secretWithBreaks("\u2028")), "spec.valuesYaml", "not a YAML mapping"),
        Arguments.of("PS breaks in a VClusterCore's valuesYaml",
            core(secretWithBreaks("\u2029")), "spec.valuesYaml", "not a YAML mapping"),
        Arguments.of("NEL breaks in the orchestrator's host manifests",
            orchestrator(Map.of("experimental", Map.of("deploy", Map.of("host",
                Map.of("manifests", secretWithBreaks("\u0085")))))),
            "spec.vcluster.helmOverrides.experimental.deploy.host.manifests", "not a Kubernetes object"),
        Arguments.of("NEL breaks in an Application's vcluster manifests",
            application(Map.of("experimental", Map.of("deploy", Map.of("vcluster",
                Map.of("manifests", secretWithBreaks("\u0085")))))),
            "argocd-application.yaml", "experimental.deploy.vcluster.manifests"),
        Arguments.of("a chart's values text carried inside the values",
            orchestrator(Map.of("experimental", Map.of("deploy", Map.of("vcluster", Map.of("helm",
                List.of(Map.of("chart", Map.of("name", "x"), "values", EXTRA_OBJECTS_SECRET))))))),
            "vcluster-core-request.yaml", "helm[0].values"),
        Arguments.of("a Secret in text in text in text",
            annotated("c: |\n  d: |\n    kind: Secret\n    apiVersion: v1\n"),
            "spec.vcluster.helmOverrides.controlPlane.statefulSet.annotations.x", "text at d document 1 is a Secret"),
        Arguments.of("a Secret in a JSON string",
            annotated("{\"apiVersion\":\"v1\",\"kind\":\"Secret\"}"),
            "spec.vcluster.helmOverrides.controlPlane.statefulSet.annotations.x", "is a Secret"),
        Arguments.of("a Secret whose kind is !!binary in carried text",
            annotated("apiVersion: v1\nkind: !!binary U2VjcmV0\n"),
            "spec.vcluster.helmOverrides.controlPlane.statefulSet.annotations.x", "is a Secret"),
        Arguments.of("a Secret after an unreadable document, as splitters read it",
            annotated("first: [\n---\napiVersion: v1\nkind: Secret\n"),
            "spec.vcluster.helmOverrides.controlPlane.statefulSet.annotations.x", "cannot read completely"),
        Arguments.of("a kind computed by a Go template",
            orchestrator(Map.of("experimental", Map.of("deploy", Map.of("vcluster", Map.of(
                "manifestsTemplate", "apiVersion: v1\nkind: {{ printf \"Sec\" }}ret\n"))))),
            "experimental.deploy.vcluster.manifestsTemplate", "{{ printf \"Sec\" }}"),
        // Helm drops every "<no value>" from what a chart's template writes, and the chart
        // prints the host manifests as they are (chart/templates/manifests.yaml): the host
        // applies kind Secret.
        Arguments.of("a Secret Helm writes from host manifests once <no value> is dropped",
            orchestrator(Map.of("experimental", Map.of("deploy", Map.of("host",
                Map.of("manifests", NO_VALUE_SECRET))))),
            "vcluster-core-request.yaml", "experimental.deploy.host.manifests"),
        // vcluster prints overwriteManifests into its CoreDNS manifests template and drops every
        // "<no value>" from what it writes before applying it (pkg/coredns/template.go).
        Arguments.of("a Secret vcluster writes from CoreDNS manifests once <no value> is dropped",
            orchestrator(Map.of("controlPlane", Map.of("coredns",
                Map.of("overwriteManifests", NO_VALUE_SECRET)))),
            "vcluster-core-request.yaml", "controlPlane.coredns.overwriteManifests"),
        // A chart the pipeline does not know may tpl any value (extraObjects rendered with
        // tpl (toYaml .) is common), as vcluster's helm[].values are taken to be: sprig writes S.
        Arguments.of("a kind computed by a template in another chart's values",
            application(Map.of("extraObjects", List.of(Map.of("apiVersion", "v1",
                "kind", "{{ printf \"%c\" 83 }}ecret", "metadata", Map.of("name", "leak"),
                "stringData", Map.of("password", "hunter2"))))),
            "spec.source.helm.valuesObject.extraObjects", "printf"),
        Arguments.of("a Secret in a cluster annotation",
            Map.of("apiVersion", PromiseKind.API_VERSION, "kind", "VClusterOrchestrator",
                "metadata", Map.of("name", "c", "namespace", "platform-requests"),
                "spec", Map.of("name", "c", "integrations", Map.of("argocd", Map.of(
                    "clusterAnnotations", Map.of("note", "kind: Secret\napiVersion: v1\n"))))),
            "spec.integrations.argocd.clusterAnnotations.note", "is a Secret"));
  }

  @TempDir Path work;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefused(String reason, Map<String, Object> request, String file, String place)
      throws IOException {
    Path input = work.resolve("object.yaml");
    JSON.writeValue(input.toFile(), request);

    Cli result = Cli.run("--settings", Fixtures.openPolicy().toString(), "--input", input.toString(), "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString());

    if (file.startsWith("spec.") || file.startsWith("experimental.")) {
      assertExited("is refused", result, ExitCode.INVALID_INPUT, file, place);
    } else {
      assertThat(assertExited("is refused", result,
          ExitCode.OUTPUT_REFUSED, file, place)).contains("Secret");
    }
    assertThat(work.resolve("out")).doesNotExist();
    assertThat(work.resolve("meta")).doesNotExist();
  }

  /** Text where the chart takes any string: a control-plane StatefulSet annotation. */
  static Map<String, Object> annotated(String text) {
    return orchestrator(Map.of("controlPlane", Map.of("statefulSet",
        Map.of("annotations", Map.of("x", text)))));
  }

  static Map<String, Object> core(String valuesYaml) {
    return Map.of("apiVersion", PromiseKind.API_VERSION, "kind", "VClusterCore",
        "metadata", Map.of("name", "c", "namespace", "platform-requests"),
        "spec", Map.of("name", "c", "targetNamespace", "vc-c", "valuesYaml", valuesYaml));
  }

  static Map<String, Object> orchestrator(Map<String, Object> helmOverrides) {
    return Map.of("apiVersion", PromiseKind.API_VERSION, "kind", "VClusterOrchestrator",
        "metadata", Map.of("name", "c", "namespace", "platform-requests"),
        "spec", Map.of("name", "c", "vcluster", Map.of("helmOverrides", helmOverrides)));
  }

  static Map<String, Object> application(Map<String, Object> valuesObject) {
    return Map.of("apiVersion", PromiseKind.API_VERSION, "kind", "ArgoCDApplication",
        "metadata", Map.of("name", "c", "namespace", "platform-requests"),
        "spec", Map.of("name", "c", "source", Map.of("repoURL", "https://charts.loft.sh",
            "chart", "other", "targetRevision", "1.0.0", "helm", Map.of("valuesObject", valuesObject)),
            "destination", Map.of("server", "https://kubernetes.default.svc", "namespace", "x")));
  }
}

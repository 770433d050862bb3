package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Request text in the Argo CD cluster Secret's ExternalSecret is data, never code: External
 * Secrets executes every label and annotation under {@code target.template.metadata} as a Go
 * template whose data are the fetched secret keys. Each value is executed here by the real
 * engine (text/template with sprig, missingkey=error; GoOracle) with fake secret data: a request
 * value comes back byte for byte, and no secret value lands in the metadata. The platform's own
 * keys cannot be overridden.
 */
class ExternalSecretTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What the 1Password item holds, as External Secrets fetches it. */
  private static final Map<String, String> SECRET_DATA = Map.of(
      "name", "vcluster-lab-FETCHED", "server", "https://FETCHED-SERVER:443",
      "config", "{\"bearerToken\":\"FETCHED-TOKEN\"}");

  @TempDir Path work;

  static Stream<String> values() {
    return Stream.of("{{ .config }}", "{{ oops", "{{ .server }}{{ .name }}", "}}{{ .config",
        "{{- .config -}}", "{{/* c */}}", "{{`x`}}", "{{\"{{\"}}", "{{{{.config}}}}",
        "{{ index . \"config\" }}", "{{ define \"x\" }}{{ .config }}{{ end }}{{ template \"x\" }}",
        "{{ .config | b64enc }}", "owner: {{ .config }}\n{{ .name }}", "{", "{{", "plain text",
        "a {{ b", "{{ printf \"%s\" .config }}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void requestValuesComeBackVerbatimAndNoSecretLandsInMetadata(String value) throws IOException {
    Map<String, Object> request = orchestrator(Map.of("team", value), Map.of("owner", value));
    Path out = render(request, "out");
    Path registration = out.resolve("vcluster-argocd-cluster-request.yaml");
    Path secretOut = render(Yaml.loadAll(Files.readString(registration), 1 << 24).get(0), "out2");

    JsonNode metadata = templateMetadata(secretOut.resolve("argocd-cluster-secret.yaml"));
    assertThat(execute(metadata.path("labels").path("team").asText())).isEqualTo(value);
    assertThat(execute(metadata.path("annotations").path("owner").asText())).isEqualTo(value);
    for (String group : List.of("labels", "annotations")) {
      metadata.path(group).fields().forEachRemaining(entry -> {
        String written = execute(entry.getValue().asText());
        SECRET_DATA.values().forEach(secret -> assertThat(written)
            .as("%s.%s", group, entry.getKey()).doesNotContain(secret));
      });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void aRegistrationRequestedDirectlyIsEscapedToo(String value) throws IOException {
    Map<String, Object> request = Map.of("apiVersion", PromiseKind.API_VERSION,
        "kind", "VClusterArgoCDClusterRegistration",
        "metadata", Map.of("name", "lab", "namespace", "platform-requests"),
        "spec", Map.of("name", "lab", "labels", Map.of("team", value),
            "annotations", Map.of("owner", value)));
    JsonNode metadata = templateMetadata(render(request, "out").resolve("argocd-cluster-secret.yaml"));
    assertThat(execute(metadata.path("annotations").path("owner").asText())).isEqualTo(value);
    assertThat(execute(metadata.path("labels").path("team").asText())).isEqualTo(value);
    assertThat(metadata.path("labels").path("argocd.argoproj.io/secret-type").asText())
        .as("Argo CD reads only cluster Secrets").isEqualTo("cluster");
  }

  static Stream<Arguments> reserved() {
    return Stream.of(
        Arguments.of("Argo CD's secret type", orchestrator(
            Map.of("argocd.argoproj.io/secret-type", "repository"), Map.of()),
            "spec.integrations.argocd.clusterLabels.argocd.argoproj.io/secret-type"),
        Arguments.of("any Argo CD label", orchestrator(
            Map.of("argocd.argoproj.io/other", "x"), Map.of()),
            "spec.integrations.argocd.clusterLabels.argocd.argoproj.io/other"),
        Arguments.of("the cluster's name", orchestrator(Map.of("cluster_name", "other"), Map.of()),
            "spec.integrations.argocd.clusterLabels.cluster_name"),
        Arguments.of("Argo CD's manager annotation", orchestrator(Map.of(),
            Map.of("managed-by", "someone")), "spec.integrations.argocd.clusterAnnotations.managed-by"),
        Arguments.of("the base domain", orchestrator(Map.of(),
            Map.of("platform.integratn.tech/base-domain", "evil.example")),
            "spec.integrations.argocd.clusterAnnotations.platform.integratn.tech/base-domain"),
        Arguments.of("a registration whose secret type is not cluster", Map.of(
            "apiVersion", PromiseKind.API_VERSION, "kind", "VClusterArgoCDClusterRegistration",
            "metadata", Map.of("name", "lab", "namespace", "platform-requests"),
            "spec", Map.of("name", "lab", "labels", Map.of("argocd.argoproj.io/secret-type", "x"))),
            "spec.labels.argocd.argoproj.io/secret-type"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reserved")
  void thePlatformsKeysCannotBeOverridden(String reason, Map<String, Object> request, String path)
      throws IOException {
    Path input = work.resolve("object.yaml");
    JSON.writeValue(input.toFile(), request);
    Cli result = Cli.run("--input", input.toString(), "--output", work.resolve("o").toString(),
        "--metadata", work.resolve("m").toString());
    assertExited("the platform's keys cannot be overridden", result, ExitCode.INVALID_INPUT, path);
  }

  @Test
  void theGoldensTemplatesWriteTheirValuesBack() throws IOException {
    for (Path fixture : Fixtures.cases()) {
      Path secret = fixture.resolve("output/argocd-cluster-secret.yaml");
      if (!Files.exists(secret)) {
        continue;
      }
      JsonNode metadata = templateMetadata(secret);
      for (String group : List.of("labels", "annotations")) {
        metadata.path(group).fields().forEachRemaining(entry -> assertThat(
            execute(entry.getValue().asText())).as("%s %s", fixture, entry.getKey())
            .isEqualTo(entry.getValue().asText()));
      }
    }
  }

  private String execute(String template) {
    JsonNode answer = GoOracle.externalSecrets().execute(template, SECRET_DATA);
    assertThat(answer.has("error")).as("%s: %s", template, answer.path("error").asText()).isFalse();
    return answer.path("out").asText();
  }

  private static JsonNode templateMetadata(Path externalSecret) throws IOException {
    Object document = Yaml.loadAll(Files.readString(externalSecret), 1 << 24).get(0);
    return JSON.valueToTree(document).path("spec").path("target").path("template").path("metadata");
  }

  private Path render(Object request, String name) throws IOException {
    Path input = work.resolve(name + ".yaml");
    JSON.writeValue(input.toFile(), request);
    Cli result = Cli.run("--input", input.toString(), "--output", work.resolve(name).toString(),
        "--metadata", work.resolve(name + "-meta").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    return work.resolve(name);
  }

  static Map<String, Object> orchestrator(Map<String, String> labels, Map<String, String> annotations) {
    Map<String, Object> argocd = new LinkedHashMap<>();
    argocd.put("clusterLabels", labels);
    argocd.put("clusterAnnotations", annotations);
    return Map.of("apiVersion", PromiseKind.API_VERSION, "kind", "VClusterOrchestrator",
        "metadata", Map.of("name", "lab", "namespace", "platform-requests"),
        "spec", Map.of("name", "lab", "integrations", Map.of("argocd", argocd)));
  }
}

package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.yaml.Yaml;

/** Manifests carried as text (vcluster's experimental.deploy, Helm values text) are guarded too. */
class EmbeddedManifestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: leak\n"
      + "stringData:\n  password: hunter2\n";
  private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n";

  @TempDir Path work;

  private Cli render(Map<String, Object> request) throws IOException {
    Path input = work.resolve("object.yaml");
    JSON.writeValue(input.toFile(), request);
    return Cli.run("--settings", Fixtures.openPolicy().toString(), "--input", input.toString(), "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString());
  }

  private static Map<String, Object> orchestrator(Map<String, Object> spec) {
    return Map.of("apiVersion", PromiseKind.API_VERSION, "kind", "VClusterOrchestrator",
        "metadata", Map.of("name", "emb", "namespace", "platform-requests"), "spec", spec);
  }

  private static Map<String, Object> deploying(String side, String manifests) {
    return orchestrator(Map.of("name", "emb", "vcluster", Map.of("helmOverrides",
        Map.of("experimental", Map.of("deploy", Map.of(side, Map.of("manifests", manifests)))))));
  }

  @Test
  void aSecretInVclusterDeployManifestsIsRefused() throws IOException {
    for (String side : List.of("vcluster", "host")) {
      Cli result = render(deploying(side, CONFIG_MAP + "---\n" + SECRET));
      assertExited(side, result,
          ExitCode.OUTPUT_REFUSED, "experimental.deploy." + side + ".manifests", "Secret");
      assertThat(work.resolve("out")).doesNotExist();
    }
  }

  @Test
  void otherDeployManifestsRender() throws IOException {
    Cli result = render(deploying("vcluster", CONFIG_MAP));
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @Test
  void aSecretInAVclusterCoresValuesTextIsRefused() throws IOException {
    String values = Yaml.document(Map.of("experimental", Map.of("deploy", Map.of("vcluster",
        Map.of("manifests", SECRET)))));
    Cli result = render(Map.of("apiVersion", PromiseKind.API_VERSION, "kind", "VClusterCore",
        "metadata", Map.of("name", "emb", "namespace", "platform-requests"),
        "spec", Map.of("name", "emb", "targetNamespace", "vc-emb", "valuesYaml", values)));
    assertExited("a Secret in a VClusterCore's values text is refused", result,
        ExitCode.OUTPUT_REFUSED, "helm-values.yaml", "experimental.deploy.vcluster.manifests");
  }

  @Test
  void aVeryLongValueIsCarriedBackExactly() throws IOException {
    String note = "kind: ConfigMap\n---\n".repeat(20_000);
    Cli result = render(orchestrator(Map.of("name", "emb", "integrations", Map.of("argocd",
        Map.of("clusterAnnotations", Map.of("note", note))))));
    assertThat(result.exitCode()).as(result.err()).isZero();
    Object request = Yaml.loadAll(Files.readString(
        work.resolve("out/vcluster-argocd-cluster-request.yaml")), Integer.MAX_VALUE).get(0);
    assertThat(JSON.valueToTree(request).at("/spec/annotations/note").asText()).isEqualTo(note);
  }
}

package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;
import static tech.integratn.pipeline.Refusals.assertRefused;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.render.RenderedFile;
import tech.integratn.pipeline.render.StoredSize;

/**
 * A request the reader takes can render a sub-request (or any object) larger than the API server
 * stores: refused with exit 3 at the request field that grew, in compound and direct mode alike,
 * never as an output file that "is not valid YAML". Each row: why, the request, the field named.
 */
class StoredSizeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Over the limit as written, under the reader's 2 MiB. */
  private static final String LARGE = "x".repeat(StoredSize.MAX_OBJECT_BYTES + 1024);
  /** Under the limit as written (three bytes each), over it as the six characters of its escape. */
  private static final String GROWS = "\u2028".repeat(StoredSize.MAX_OBJECT_BYTES / 5);

  @TempDir Path work;

  static Stream<Arguments> rows() {
    String annotation = "spec.vcluster.helmOverrides.controlPlane.statefulSet.annotations.note";
    return Stream.of(
        Arguments.of("a Helm value past the limit as written", orchestrator("VClusterOrchestrator",
            LARGE), annotation),
        Arguments.of("a Helm value that grows past it once escaped", orchestrator(
            "VClusterOrchestrator", GROWS), annotation),
        Arguments.of("the same in direct mode (a VCluster)", orchestrator("VCluster", LARGE),
            annotation),
        // The API server stores a custom resource as JSON: the values text's double-quoted
        // backslashes (\\ each, two bytes as written, under the limit) are four bytes each
        // there, over it, while the request's own JSON (two each) is stored.
        Arguments.of("a Helm value whose escapes the stored JSON escapes again", orchestrator(
            "VClusterOrchestrator", "\u0085" + "\\".repeat(StoredSize.MAX_OBJECT_BYTES * 4 / 9)),
            annotation),
        // Under a third of the limit in characters, so past the UTF-8 shortcut, but over it as
        // JSON: the backslashes double again in the values text (four bytes each) and each <
        // is six (\u003c), while the request's own JSON (about 1.3 MB) is stored. Measured with
        // sigs.k8s.io/yaml and encoding/json: vcluster-core-request.yaml is 1.65 MB.
        Arguments.of("escapes that grow past it in a file under a third of it", Map.of(
            "apiVersion", PromiseKind.API_VERSION, "kind", "VClusterOrchestrator", "metadata",
            Map.of("name", "c", "namespace", "platform-requests"), "spec", Map.of("name", "c",
                "vcluster", Map.of("helmOverrides", Map.of("controlPlane", Map.of("statefulSet",
                    Map.of("annotations", Map.of(
                        "note", "\u0085" + "\\".repeat(StoredSize.MAX_OBJECT_BYTES / 9),
                        "marks", "<".repeat(StoredSize.MAX_OBJECT_BYTES / 10)))))))),
            annotation),
        Arguments.of("an Argo CD cluster annotation", Map.of("apiVersion", PromiseKind.API_VERSION,
            "kind", "VClusterOrchestrator", "metadata", Map.of("name", "c", "namespace",
                "platform-requests"), "spec", Map.of("name", "c", "integrations", Map.of("argocd",
                Map.of("clusterAnnotations", Map.of("note", GROWS))))),
            "spec.integrations.argocd.clusterAnnotations.note"),
        Arguments.of("a VClusterCore's values text", Map.of("apiVersion", PromiseKind.API_VERSION,
            "kind", "VClusterCore", "metadata", Map.of("name", "c", "namespace",
                "platform-requests"), "spec", Map.of("name", "c", "targetNamespace", "vc-c",
                "valuesYaml", "controlPlane:\n  statefulSet:\n    annotations:\n      note: "
                    + LARGE + "\n")), "spec.valuesYaml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void anObjectTooLargeToStoreIsRefusedAtTheRequestField(String reason, Map<String, Object> request,
      String field) throws IOException {
    Path input = work.resolve("object.yaml");
    JSON.writeValue(input.toFile(), request);
    Cli result = Cli.run("--settings", Fixtures.openPolicy().toString(), "--input",
        input.toString(), "--output", work.resolve("out").toString(), "--metadata",
        work.resolve("meta").toString());

    assertThat(assertExited(reason, result, ExitCode.INVALID_INPUT,
        "bytes the API server stores for one object"))
        .startsWith("Invalid request: " + field + ": ").doesNotContain("not valid YAML");
    assertThat(work.resolve("out")).doesNotExist();
  }

  private static Map<String, Object> orchestrator(String kind, String note) {
    return Map.of("apiVersion", PromiseKind.API_VERSION, "kind", kind,
        "metadata", Map.of("name", "c", "namespace", "platform-requests"),
        "spec", Map.of("name", "c", "vcluster", Map.of("helmOverrides", Map.of("controlPlane",
            Map.of("statefulSet", Map.of("annotations", Map.of("note", note)))))));
  }

  /**
   * A file counted exactly as JSON is read to count it: one that does not read (a tampered
   * template's, or past the reader's bounds) is refused as output, never an internal error.
   */
  @Test
  void aFileThatDoesNotReadIsRefusedNotCounted() {
    String unreadable = "a: \"" + "<".repeat(StoredSize.MAX_OBJECT_BYTES / 5) + "\"\nb: [\n";
    assertRefused("a large file that is not YAML", () -> StoredSize.check(Map.of(),
        java.util.List.of(new RenderedFile("big.yaml", unreadable))), ExitCode.OUTPUT_REFUSED,
        "big.yaml is not valid YAML");
  }
}

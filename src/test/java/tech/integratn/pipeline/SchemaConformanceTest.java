package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every expected output document validates against its upstream schema (or its promise's CRD),
 * and every set of vcluster Helm values in it against the chart schema of its chart version.
 */
class SchemaConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> cases() {
    return Fixtures.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void expectedOutputValidatesAgainstUpstreamSchemas(Path fixture) throws IOException {
    List<JsonNode> documents = Fixtures.expectedDocuments(fixture);
    assertThat(documents).isNotEmpty();
    Optional<String> chartVersion = documents.stream()
        .map(d -> d.at("/spec/source/targetRevision"))
        .filter(JsonNode::isTextual).map(JsonNode::asText).findFirst();

    for (JsonNode document : documents) {
      String what = fixture.getFileName() + " " + document.path("kind").asText();
      assertThat(UpstreamSchemas.violations(document)).as(what).isEmpty();
      for (JsonNode values : Fixtures.helmValues(document)) {
        if (chartVersion.isPresent()) {
          assertThat(UpstreamSchemas.chartViolations(values, chartVersion.get()))
              .as(what + " Helm values, chart " + chartVersion.get()).isEmpty();
        } else {
          assertThat(UpstreamSchemas.chartVersions())
              .as(what + " Helm values valid for some bundled chart version")
              .anyMatch(v -> UpstreamSchemas.chartViolations(values, v).isEmpty());
        }
      }
    }
  }

  /** Guards against a vacuous validator: the defects the old pipeline had are caught. */
  @org.junit.jupiter.api.Test
  void theSchemasCatchTheOldPipelinesDefects() throws IOException {
    JsonNode pdb = JSON.readTree(
        "{\"controlPlane\":{\"advanced\":{\"podDisruptionBudget\":{\"enabled\":true,\"minAvailable\":1}}}}");
    assertThat(UpstreamSchemas.chartViolations(pdb, "0.30.4")).isNotEmpty();
    assertThat(UpstreamSchemas.chartViolations(pdb, "0.31.0")).isEmpty();
    JsonNode misplacedStorageClass = JSON.readTree(
        "{\"controlPlane\":{\"statefulSet\":{\"persistence\":{\"storageClass\":\"nfs\"}}}}");
    assertThat(UpstreamSchemas.chartViolations(misplacedStorageClass, "0.30.4")).isNotEmpty();
    JsonNode misspeltField = JSON.readTree(
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"x\",\"label\":{}}}");
    assertThat(UpstreamSchemas.violations(misspeltField)).isNotEmpty();
  }
}

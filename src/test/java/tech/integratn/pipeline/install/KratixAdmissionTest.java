package tech.integratn.pipeline.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.schema.JsonSchemas;

/**
 * What Kratix and a restricted namespace admit: every built promise against the real Promise
 * CRDs of three Kratix releases with unknown fields refused, every pipeline ID within Kratix's 60 characters, every
 * workflow container a valid Kubernetes Container with resources and a restricted
 * securityContext, and the orchestrator's sub-requests traceable to it.
 */
class KratixAdmissionTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** Kratix's admission webhook refuses a longer pipeline ID. */
  private static final int MAX_PIPELINE_ID = 60;
  /**
   * The Promise CRD of open-source Kratix's last versioned release, of its Helm chart of
   * 2025-07-02, and current: a promise must be admitted by every one.
   */
  private static final Map<String, Schema> PROMISE_CRDS = Map.of(
      "v0.125.0", strictSchema(kratixCrdSchema("platform.kratix.io_promises-v0.125.0.yaml")),
      "helm 2025-07-02", strictSchema(kratixCrdSchema("platform.kratix.io_promises-helm-2025-07-02.yaml")),
      "current", strictSchema(kratixCrdSchema("platform.kratix.io_promises.yaml")));
  private static final Schema CONTAINER = strictSchema(containerSchema());

  private static JsonNode built(PromiseKind kind) throws IOException {
    Path file = Fixtures.projectRoot().resolve("target/promises/" + kind.promise() + "/promise.yaml");
    assertThat(file).exists();
    return YAML.readTree(file.toFile());
  }

  @ParameterizedTest
  @EnumSource(PromiseKind.class)
  void isAValidPromiseWithNoUnknownFieldForEveryKratix(PromiseKind kind) throws IOException {
    JsonNode promise = built(kind);
    PROMISE_CRDS.forEach((release, crd) ->
        assertThat(crd.validate(promise)).as("the Promise CRD of Kratix %s", release).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(PromiseKind.class)
  void everyPipelineIdFitsKratixsLimit(PromiseKind kind) throws IOException {
    JsonNode promise = built(kind);
    for (String type : List.of("resource", "promise")) {
      for (String action : List.of("configure", "delete")) {
        for (JsonNode pipeline : promise.at("/spec/workflows/" + type + "/" + action)) {
          String id = kind.promise() + "-" + type + "-" + action + "-"
              + pipeline.at("/metadata/name").asText();
          assertThat(id.length()).as(id).isLessThanOrEqualTo(MAX_PIPELINE_ID);
          assertThat(pipeline.at("/metadata/name").asText()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(PromiseKind.class)
  void everyContainerIsSizedAndRestricted(PromiseKind kind) throws IOException {
    List<JsonNode> containers = new ArrayList<>();
    built(kind).at("/spec/workflows/resource").forEach(pipelines -> pipelines.forEach(
        pipeline -> pipeline.at("/spec/containers").forEach(containers::add)));
    assertThat(containers).isNotEmpty();
    for (JsonNode container : containers) {
      assertThat(CONTAINER.validate(container)).isEmpty();
      for (String bound : List.of("requests", "limits")) {
        for (String resource : List.of("cpu", "memory")) {
          assertThat(container.at("/resources/" + bound + "/" + resource).asText())
              .as(bound + "." + resource).isNotEmpty();
        }
      }
      JsonNode security = container.path("securityContext");
      assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
      assertThat(security.path("runAsUser").asInt()).isEqualTo(65532);
      assertThat(security.path("runAsGroup").asInt()).isEqualTo(65532);
      assertThat(security.path("allowPrivilegeEscalation").isBoolean()
          && !security.path("allowPrivilegeEscalation").asBoolean()).isTrue();
      assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
      assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(security.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    }
  }

  @ParameterizedTest
  @EnumSource(value = PromiseKind.class, names = "VCLUSTER_ORCHESTRATOR")
  void theOrchestratorRequiresEveryPromiseItEmitsRequestsFor(PromiseKind kind) throws IOException {
    List<String> required = new ArrayList<>();
    built(kind).at("/spec/requiredPromises").forEach(p -> required.add(p.path("name").asText()));
    assertThat(required).containsExactlyInAnyOrderElementsOf(Arrays.stream(PromiseKind.values())
        .filter(k -> !k.hasParts()).map(PromiseKind::promise).toList());
  }

  static List<Path> orchestratorCases() {
    return Fixtures.cases().stream()
        .filter(c -> c.getFileName().toString().startsWith("orchestrator-")).toList();
  }

  /** kratix platform get resources draws the tree from these; the dry run finds parts by them. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("orchestratorCases")
  void everySubRequestCarriesTheCompoundLabels(Path fixture) throws IOException {
    JsonNode request = YAML.readTree(Fixtures.input(fixture).toFile());
    String name = request.at("/metadata/name").asText();
    String namespace = request.at("/metadata/namespace").asText("default");
    Map<String, String> expected = Map.of(
        "kratix.io/component-of-promise-name", "vcluster-orchestrator",
        "kratix.io/component-of-resource-name", name,
        "kratix.io/component-of-resource-namespace", namespace,
        "kratix.io/parent-promise-name", "vcluster-orchestrator",
        "kratix.io/parent-resource-name", name,
        "kratix.io/parent-resource-namespace", namespace);
    int subRequests = 0;
    for (Path file : Fixtures.files(Fixtures.expectedOutput(fixture))) {
      JsonNode document = YAML.readTree(Fixtures.expectedOutput(fixture).resolve(file).toFile());
      if (!document.path("apiVersion").asText().equals(PromiseKind.API_VERSION)) {
        continue;
      }
      subRequests++;
      Map<String, String> labels = YAML.convertValue(document.at("/metadata/labels"),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
      assertThat(labels).as(file.toString()).containsAllEntriesOf(expected);
    }
    assertThat(subRequests).isEqualTo(7);
  }

  private static JsonNode kratixCrdSchema(String file) {
    try (InputStream in = KratixAdmissionTest.class.getResourceAsStream("/schemas/kratix/" + file)) {
      return YAML.readTree(in).at("/spec/versions/0/schema/openAPIV3Schema");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode containerSchema() {
    try {
      return new ObjectMapper().readTree(Fixtures.projectRoot()
              .resolve("src/main/upstream-schemas/k8s-v1.32.2-standalone-strict.job-batch-v1.json")
              .toFile())
          .at("/properties/spec/properties/template/properties/spec/properties/containers/items");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Unknown fields refused wherever the schema lists properties and keeps no unknown fields. */
  private static Schema strictSchema(JsonNode schema) {
    JsonNode closed = JsonSchemas.withoutUnknownFields(schema);
    return JsonSchemas.compile(closed, SpecificationVersion.DRAFT_4,
        "urn:test:" + Integer.toHexString(closed.hashCode()));
  }

}

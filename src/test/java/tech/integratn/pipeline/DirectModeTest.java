package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Direct mode publishes what the compound chain publishes: for every orchestrator case, one
 * direct run against the orchestrator run followed by each emitted sub-request through its own
 * kind, document for document per part, after the same serialiser, with exactly one Namespace
 * in each mode (compared by its labels and annotations).
 */
class DirectModeTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  static List<Path> orchestratorCases() {
    return Fixtures.cases().stream()
        .filter(c -> c.getFileName().toString().startsWith("orchestrator-")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orchestratorCases")
  void directModePublishesWhatTheCompoundChainPublishes(Path fixture) throws IOException {
    Map<String, List<JsonNode>> direct = directDocuments(fixture);
    Map<String, List<JsonNode>> compound = compoundDocuments(fixture);

    assertThat(direct.keySet()).isEqualTo(compound.keySet()).hasSize(7);
    for (String part : compound.keySet()) {
      assertThat(comparable(direct.get(part))).as(part).isEqualTo(comparable(compound.get(part)));
    }
    assertThat(namespaces(direct)).hasSize(1);
    assertThat(namespaces(compound)).hasSize(1);
    assertThat(labelsAndAnnotations(namespaces(direct).get(0)))
        .isEqualTo(labelsAndAnnotations(namespaces(compound).get(0)));
    assertThat(namespaces(direct).get(0).at("/metadata/labels/pod-security.kubernetes.io~1enforce")
        .asText()).isEqualTo("privileged");
  }

  /** Direct mode's documents, by part folder. */
  private Map<String, List<JsonNode>> directDocuments(Path fixture) throws IOException {
    Path out = work.resolve("direct");
    List<String> args = new ArrayList<>(List.of(Fixtures.args(fixture, out, work.resolve("dm"))));
    args.addAll(List.of("--mode", "direct"));
    Cli result = Cli.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isZero();
    Map<String, List<JsonNode>> parts = new TreeMap<>();
    for (Path file : Fixtures.files(out)) {
      parts.computeIfAbsent(file.getName(0).toString(), k -> new ArrayList<>())
          .addAll(documents(out.resolve(file)));
    }
    return parts;
  }

  /** The orchestrator's run, then each emitted sub-request rendered by its own kind. */
  private Map<String, List<JsonNode>> compoundDocuments(Path fixture) throws IOException {
    Path out = work.resolve("compound");
    Cli orchestrator = Cli.run(Fixtures.args(fixture, out, work.resolve("cm")));
    assertThat(orchestrator.exitCode()).as(orchestrator.err()).isZero();
    Map<String, List<JsonNode>> parts = new TreeMap<>();
    for (Path subRequest : Fixtures.files(out)) {
      JsonNode request = documents(out.resolve(subRequest)).get(0);
      String promise = PromiseKind.byKind(request.path("kind").asText()).orElseThrow().promise();
      Path partOut = work.resolve("part-" + promise);
      List<String> args = new ArrayList<>(List.of("--input", out.resolve(subRequest).toString(),
          "--output", partOut.toString(), "--metadata", work.resolve("pm-" + promise).toString()));
      Fixtures.settings(fixture).ifPresent(s -> args.addAll(List.of("--settings", s.toString())));
      Cli part = Cli.run(args.toArray(String[]::new));
      assertThat(part.exitCode()).as(part.err()).isZero();
      for (Path file : Fixtures.files(partOut)) {
        parts.computeIfAbsent(promise, k -> new ArrayList<>()).addAll(documents(partOut.resolve(file)));
      }
    }
    return parts;
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    for (Object document : Yaml.loadAll(Files.readString(file), Integer.MAX_VALUE)) {
      documents.add(JSON.valueToTree(document));
    }
    return documents;
  }

  /** The documents as the one serialiser writes them. */
  private static List<String> comparable(List<JsonNode> documents) {
    return documents.stream().map(d -> Yaml.document(JSON.convertValue(d, Object.class))).toList();
  }

  private static List<JsonNode> namespaces(Map<String, List<JsonNode>> parts) {
    return parts.values().stream().flatMap(List::stream)
        .filter(d -> d.path("kind").asText().equals("Namespace")).toList();
  }

  private static Map<String, JsonNode> labelsAndAnnotations(JsonNode namespace) {
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    merged.put("labels", namespace.at("/metadata/labels"));
    merged.put("annotations", namespace.at("/metadata/annotations"));
    return merged;
  }

  @Test
  void theVclusterPromiseServesTheOrchestratorsRequestSchema() throws IOException {
    JsonNode direct = crd("vcluster");
    JsonNode compound = crd("vcluster-orchestrator");
    assertThat(direct.at("/spec/versions")).isEqualTo(compound.at("/spec/versions"));
    assertThat(direct.at("/spec/names/kind").asText()).isEqualTo("VCluster");
    JsonNode promise = YAML.readTree(Fixtures.projectRoot().resolve("target/promises/vcluster/promise.yaml").toFile());
    assertThat(promise.at("/spec/requiredPromises").isMissingNode()).isTrue();
    // No arguments: a VCluster's own mode is direct, decided by its kind alone.
    assertThat(promise.at("/spec/workflows/resource/delete").isMissingNode()).isTrue();
    for (String action : List.of("configure")) {
      assertThat(promise.at("/spec/workflows/resource/" + action + "/0/spec/containers/0/args")
          .isMissingNode()).as(action).isTrue();
      assertThat(promise.at("/spec/workflows/resource/" + action + "/0/spec/containers/0/image")
          .asText()).as(action).isNotEmpty();
    }
  }

  private static JsonNode crd(String promise) throws IOException {
    ObjectNode node = (ObjectNode) YAML.readTree(Fixtures.projectRoot()
        .resolve("target/promises/" + promise + "/promise.yaml").toFile()).at("/spec/api");
    return node;
  }

  @Test
  void directModeIsOnlyForRequestsWithParts() {
    Cli result = Cli.run("--input", Fixtures.input(Fixtures.root().resolve("core-from-prod-preset")).toString(),
        "--output", work.resolve("o").toString(), "--metadata", work.resolve("m").toString(),
        "--mode", "direct");
    assertExited("direct mode is only for requests with parts", result,
        ExitCode.USAGE, "--mode direct", "VClusterCore");
    Cli vcluster = Cli.run("--input", Fixtures.input(Fixtures.root().resolve("vcluster-direct-prod-preset")).toString(),
        "--output", work.resolve("o2").toString(), "--metadata", work.resolve("m2").toString(),
        "--mode", "compound");
    assertThat(vcluster.exitCode()).isEqualTo(ExitCode.USAGE.code());
  }
}

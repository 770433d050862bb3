package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * What the Kratix controller does with the built promises and a run's status, simulated from
 * its source (syntasso/kratix, see ../shared/spec/kratix.md "Controller behaviour"): the
 * scheduler's Destination choice ({@code lib/scheduler/scheduler.go}), where Works are created
 * and where a dry run looks for them ({@code work_creator.go}, {@code dryrun_controller.go}),
 * and how status.yaml is merged into the resource ({@code work-creator/lib/status_updater.go},
 * with the condition schema {@code promise_controller.go} injects).
 */
class KratixControllerTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path work;

  /** A Destination: its labels, and whether it takes only Works that select it. */
  record Destination(String name, Map<String, String> labels, boolean strictMatchLabels) {}

  /**
   * Kratix's scheduler: a Work goes to one Destination whose labels hold every label of every
   * selector; without selectors, to any Destination that is not strict (picked at random).
   */
  static List<String> candidates(JsonNode promise, List<Destination> destinations) {
    List<Map<String, String>> selectors = new ArrayList<>();
    for (JsonNode selector : promise.at("/spec/destinationSelectors")) {
      selectors.add(YAML.convertValue(selector.path("matchLabels"),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {}));
    }
    List<String> names = new ArrayList<>();
    for (Destination destination : destinations) {
      boolean matches = selectors.isEmpty() ? !destination.strictMatchLabels()
          : selectors.stream().allMatch(s -> destination.labels().entrySet().containsAll(s.entrySet()));
      if (matches) {
        names.add(destination.name());
      }
    }
    return names;
  }

  private static final List<Destination> PLATFORM = List.of(
      new Destination("platform", Map.of("environment", "platform"), false),
      new Destination("dev", Map.of("environment", "dev"), false),
      new Destination("edge", Map.of("environment", "edge"), true));

  private static JsonNode built(Path dir, PromiseKind kind) throws IOException {
    return YAML.readTree(dir.resolve(kind.promise() + "/promise.yaml").toFile());
  }

  @ParameterizedTest
  @EnumSource(PromiseKind.class)
  void everyWorkGoesToThePlatformClusterOnlyAmongSeveralDestinations(PromiseKind kind)
      throws IOException {
    JsonNode promise = built(Fixtures.projectRoot().resolve("target/promises"), kind);
    assertThat(candidates(promise, PLATFORM)).containsExactly("platform");
  }

  @Test
  void aPlatformsOwnLabelsSendSubRequestsToItsHubAndPartsToItsAppsCluster() throws IOException {
    Path settings = Files.writeString(work.resolve("settings.yaml"), "scheduling:\n"
        + "  subRequestSelectorLabels: {cluster: hub}\n  partSelectorLabels: {cluster: apps}\n");
    Cli result = Cli.run("promises", "--settings", settings.toString(), "--output",
        work.resolve("promises").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    List<Destination> destinations = List.of(
        new Destination("hub", Map.of("cluster", "hub", "environment", "platform"), false),
        new Destination("apps", Map.of("cluster", "apps"), false),
        new Destination("other", Map.of("cluster", "other"), false));
    for (PromiseKind kind : PromiseKind.values()) {
      assertThat(candidates(built(work.resolve("promises"), kind), destinations)).as(kind.promise())
          .containsExactly(kind == PromiseKind.VCLUSTER_ORCHESTRATOR ? "hub" : "apps");
    }
  }

  @Test
  void withoutSelectorsKratixWouldPickAtRandom() throws IOException {
    JsonNode promise = built(Fixtures.projectRoot().resolve("target/promises"),
        PromiseKind.VCLUSTER_CORE);
    ((com.fasterxml.jackson.databind.node.ObjectNode) promise.path("spec"))
        .remove("destinationSelectors");
    assertThat(candidates(promise, PLATFORM)).containsExactly("platform", "dev");
  }

  /** Where Kratix creates a request's Works: the pipeline namespace when set, else the request's. */
  static String workNamespace(JsonNode promise, String requestNamespace) {
    JsonNode configured = promise.at("/spec/workflows/config/pipelineNamespace");
    return configured.isTextual() && !configured.asText().isEmpty() ? configured.asText()
        : requestNamespace;
  }

  @ParameterizedTest
  @EnumSource(PromiseKind.class)
  void aDryRunFindsTheWorksWhereKratixCreatesThem(PromiseKind kind) throws IOException {
    JsonNode promise = built(Fixtures.projectRoot().resolve("target/promises"), kind);
    String requestNamespace = "platform-requests";
    String dryRunLooksIn = requestNamespace; // the DryRun's or the live request's namespace
    assertThat(workNamespace(promise, requestNamespace)).isEqualTo(dryRunLooksIn);
    // Pipelines run in the request's namespace too: nothing the pod needs is mounted from
    // another namespace (a ConfigMap volume can only name one in the pod's own).
    assertThat(promise.toString()).doesNotContain("\"volumes\"").doesNotContain("\"configMap\"");
  }

  /**
   * Kratix's status merge: top-level keys replace the resource's, conditions merge by type,
   * and the API server prunes a condition to the five keys of the injected schema.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> resourceStatus, Map<String, Object> written) {
    assertThat(written).doesNotContainKey("kratix");
    Map<String, Object> merged = new LinkedHashMap<>(resourceStatus);
    written.forEach((key, value) -> {
      if (!key.equals("conditions")) {
        merged.put(key, value);
      }
    });
    Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
    for (Object c : (List<Object>) resourceStatus.getOrDefault("conditions", List.of())) {
      byType.put(String.valueOf(((Map<String, Object>) c).get("type")), (Map<String, Object>) c);
    }
    for (Object c : (List<Object>) written.getOrDefault("conditions", List.of())) {
      Map<String, Object> pruned = new LinkedHashMap<>();
      ((Map<String, Object>) c).forEach((k, v) -> {
        if (List.of("type", "status", "reason", "message", "lastTransitionTime").contains(k)) {
          pruned.put(k, v);
        }
      });
      assertThat(pruned).as("nothing the API server would prune").isEqualTo(c);
      byType.put(String.valueOf(pruned.get("type")), pruned);
    }
    merged.put("conditions", new ArrayList<>(byType.values()));
    return merged;
  }

  @SuppressWarnings("unchecked")
  @Test
  void reconcilingAgainGivesTheSameStatusBytesAndKeepsTheTransitionTime() throws IOException {
    Path fixture = Fixtures.projectRoot().resolve("test-fixtures/orchestrator-explicit-vip-port-8443");
    Map<String, Object> request = (Map<String, Object>) Yaml.loadAll(
        Files.readString(Fixtures.input(fixture)), 1 << 24).get(0);
    String first = run(request, "first");

    // Kratix writes the status back, with its own condition and a fresh managedFields time.
    Map<String, Object> kratixOwn = new LinkedHashMap<>(Map.of("observedGeneration", 3,
        "conditions", List.of(Map.of("type", "ConfigureWorkflowCompleted", "status", "True",
            "reason", "PipelinesExecutedSuccessfully", "message", "",
            "lastTransitionTime", "2026-11-21T10:00:00Z"))));
    Map<String, Object> status = merge(kratixOwn, (Map<String, Object>) Yaml.loadAll(first, 1 << 20).get(0));
    Map<String, Object> again = new LinkedHashMap<>(request);
    again.put("status", status);
    Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) request.get("metadata"));
    metadata.put("managedFields", List.of(Map.of("manager", "kratix", "operation", "Update",
        "time", "2026-11-29T23:59:59Z", "subresource", "status")));
    again.put("metadata", metadata);

    assertThat(run(again, "second")).as("a rerun writes the same status").isEqualTo(first);
    assertThat(run(again, "third")).isEqualTo(first);

    // A condition that was False before moves its time to the request's newest change.
    Map<String, Object> failedBefore = new LinkedHashMap<>(again);
    failedBefore.put("status", Map.of("conditions", List.of(Map.of("type", "Rendered",
        "status", "False", "reason", "Refused", "message", "",
        "lastTransitionTime", "2026-11-01T00:00:00Z"))));
    assertThat(run(failedBefore, "fourth")).contains("lastTransitionTime: '2026-11-29T23:59:59Z'");
  }

  private String run(Map<String, Object> request, String name) throws IOException {
    Path input = work.resolve(name + ".yaml");
    Files.writeString(input, Yaml.document(request));
    Cli result = Cli.run("--settings", Fixtures.openPolicy().toString(), "--input", input.toString(), "--output", work.resolve(name).toString(),
        "--metadata", work.resolve(name + "-meta").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    return Files.readString(work.resolve(name + "-meta/status.yaml"));
  }
}

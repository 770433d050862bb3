package tech.integratn.pipeline.install;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.install.KratixRelease.MAIN_2025_07_02;
import static tech.integratn.pipeline.install.KratixRelease.MAIN_2026_08;
import static tech.integratn.pipeline.install.KratixRelease.V0_125_0;
import static tech.integratn.pipeline.install.KratixRelease.list;
import static tech.integratn.pipeline.install.KratixRelease.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Every generated set of promises (the defaults, and another platform's settings with an image
 * pinned by digest) through what Kratix's code does at each supported release (KratixRelease:
 * the structs, the webhook, the requirement check, the status merge, the columns, the
 * scheduler's selector parse, the delete workflow); and the rules themselves, one case a row.
 */
class KratixReleasesTest {
  private static final String DIGEST_IMAGE = "registry.example.org/platform/vcluster-pipeline@sha256:"
      + "4d2a6f0c3b9e8d7a6f5e4d3c2b1a09f8e7d6c5b4a3928170f6e5d4c3b2a19081";
  /** Fields a release may drop only where docs/operating.md says so and what to do instead. */
  private static final Set<String> DOCUMENTED_DROPS = Set.of("resources", "securityContext");

  @TempDir static Path work;
  private static final Map<String, Map<String, Map<String, Object>>> SETS = new LinkedHashMap<>();

  @BeforeAll
  static void generate() throws IOException {
    SETS.put("defaults", read(Fixtures.projectRoot().resolve("target/promises")));
    Path settings = Fixtures.projectRoot().resolve("test-fixtures/orchestrator-other-platform/settings.yaml");
    Cli result = Cli.run("promises", "--settings", settings.toString(), "--image", DIGEST_IMAGE,
        "--output", work.resolve("other").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    SETS.put("another platform, image by digest", read(work.resolve("other")));
  }

  private static Map<String, Map<String, Object>> read(Path dir) throws IOException {
    Map<String, Map<String, Object>> promises = new LinkedHashMap<>();
    for (PromiseKind kind : PromiseKind.values()) {
      Path file = dir.resolve(kind.promise()).resolve("promise.yaml");
      assertThat(file).exists();
      promises.put(kind.promise(), map(Yaml.loadAll(Files.readString(file), 1 << 24).get(0)));
    }
    return promises;
  }

  static Stream<Arguments> releasesAndSets() {
    List<Arguments> arguments = new ArrayList<>();
    for (KratixRelease release : KratixRelease.values()) {
      for (String set : List.of("defaults", "another platform, image by digest")) {
        arguments.add(Arguments.of(release, set));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("releasesAndSets")
  void theWebhookAdmitsEveryPromiseAndItsReapply(KratixRelease release, String set) {
    SETS.get(set).forEach((name, promise) -> {
      assertThat(release.refusals(promise)).as(name).isEmpty();
      assertThat(release.updateRefusals(promise, promise)).as(name).isEmpty();
    });
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("releasesAndSets")
  void theOrchestratorBecomesAvailable(KratixRelease release, String set) {
    Map<String, Map<String, Object>> promises = SETS.get(set);
    for (Map<String, Object> promise : promises.values()) {
      assertThat(release.requirementsFulfilled(promise, promises))
          .as(String.valueOf(map(promise.get("metadata")).get("name"))).isTrue();
    }
    assertThat(list(map(promises.get("vcluster-orchestrator").get("spec")).get("requiredPromises")))
        .hasSize(7);
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("releasesAndSets")
  void theSettingsReachEveryPipelineAndOnlyDocumentedFieldsAreDropped(KratixRelease release,
      String set) throws IOException {
    String operating = Files.readString(Fixtures.projectRoot().resolve("docs/operating.md"));
    SETS.get(set).forEach((name, promise) -> {
      List<?> pipelines = list(map(map(map(promise.get("spec")).get("workflows")).get("resource"))
          .get("configure"));
      assertThat(pipelines).as(name).hasSize(1);
      for (Object container : list(map(map(pipelines.get(0)).get("spec")).get("containers"))) {
        Map<String, Object> kept = new LinkedHashMap<>(map(container));
        kept.keySet().retainAll(release.containerFields);
        assertThat(kept).as(name).containsKeys("name", "image", "env");
        assertThat(list(kept.get("env")).toString()).contains("VCLUSTER_PIPELINE_SETTINGS_YAML");
        for (String dropped : release.dropped(map(container))) {
          assertThat(DOCUMENTED_DROPS).as(name + " at " + release).contains(dropped);
          assertThat(operating).as("docs/operating.md says what " + release + " does without "
              + dropped).contains("`" + dropped + "`").contains(release.label);
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("releasesAndSets")
  void deletingARequestRunsNoPodAndTheColumnsShowTheMessage(KratixRelease release, String set) {
    SETS.get(set).forEach((name, promise) -> {
      assertThat(release.deletionRunsAPod(promise)).as(name).isFalse();
      List<Map<String, Object>> declared = new ArrayList<>();
      Map<String, Object> crd = map(map(map(promise.get("spec")).get("api")).get("spec"));
      for (Object version : list(crd.get("versions"))) {
        list(map(version).get("additionalPrinterColumns")).forEach(c -> declared.add(map(c)));
      }
      assertThat(release.printerColumns(declared)).as(name)
          .anySatisfy(c -> assertThat(c.get("jsonPath")).isEqualTo(".status.message"));
    });
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("releasesAndSets")
  void everyWorkIsScheduledWhereTheSettingsSay(KratixRelease release, String set) {
    Map<String, Map<String, String>> destinations = new LinkedHashMap<>();
    destinations.put("platform", Map.of("environment", "platform"));
    destinations.put("hub", Map.of("environment", "platform", "cluster", "hub"));
    destinations.put("dev", Map.of("environment", "dev"));
    SETS.get(set).forEach((name, promise) -> assertThat(release.candidates(promise, destinations,
        Set.of())).as(name).containsExactly("platform", "hub"));
  }

  static Stream<Arguments> statusCases() {
    List<Arguments> arguments = new ArrayList<>();
    for (KratixRelease release : KratixRelease.values()) {
      for (Path fixture : Fixtures.cases()) {
        arguments.add(Arguments.of(release, fixture.getFileName().toString()));
      }
    }
    return arguments.stream();
  }

  /** A first run and a rerun: the message Kratix shows is ours on every release. */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("statusCases")
  void everyStatusIsReadableAfterKratixMergesIt(KratixRelease release, String fixture)
      throws IOException {
    Map<String, Object> written = map(Yaml.loadAll(Files.readString(Fixtures.expectedMetadata(
        Fixtures.root().resolve(fixture)).resolve("status.yaml")), 1 << 24).get(0));
    Map<String, Object> fresh = new LinkedHashMap<>(Map.of("message", "Pending", "conditions",
        List.of(Map.of("type", "ConfigureWorkflowCompleted", "status", "False"))));
    Map<String, Object> first = release.mergeStatus(fresh, written);
    Map<String, Object> again = release.mergeStatus(first, written);
    for (Map<String, Object> status : List.of(first, again)) {
      assertThat(status.get("message")).isInstanceOf(String.class).isEqualTo(written.get("message"));
      written.forEach((key, value) -> {
        if (!key.equals("conditions")) {
          assertThat(status.get(key)).as(key).isEqualTo(value);
        }
      });
    }
    boolean rendered = list(again.get("conditions")).stream()
        .anyMatch(c -> "Rendered".equals(map(c).get("type")));
    assertThat(rendered).as("the Rendered condition arrives").isEqualTo(release != V0_125_0);
  }

  // The rules themselves, each a case that fails where Kratix's code says it does.

  private static Map<String, Object> promise(String name, String version, List<Object> required) {
    Map<String, Object> metadata = new LinkedHashMap<>(Map.of("name", name));
    if (version != null) {
      metadata.put("labels", Map.of(InstallablePromises.VERSION_LABEL, version));
    }
    return Map.of("metadata", metadata, "spec", Map.of("requiredPromises", required));
  }

  static Stream<Arguments> requirementRules() {
    Map<String, Object> emptyVersion = promise("o", "v1", List.of(Map.of("name", "core")));
    Map<String, Object> pinned = promise("o", "v1", List.of(Map.of("name", "core", "version", "v1")));
    Map<String, Object> otherPin = promise("o", "v1", List.of(Map.of("name", "core", "version", "v2")));
    Map<String, Map<String, Object>> core = Map.of("core", promise("core", "v1", List.of()));
    Map<String, Map<String, Object>> unlabelled = Map.of("core", promise("core", null, List.of()));
    return Stream.of(
        Arguments.of("no version never matches a labelled promise before b094a860", V0_125_0, emptyVersion, core, false),
        Arguments.of("no version never matches a labelled promise before b094a860", MAIN_2025_07_02, emptyVersion, core, false),
        Arguments.of("no version means any since b094a860", MAIN_2026_08, emptyVersion, core, true),
        Arguments.of("the pinned label version matches", V0_125_0, pinned, core, true),
        Arguments.of("the pinned label version matches", MAIN_2025_07_02, pinned, core, true),
        Arguments.of("the pinned label version matches", MAIN_2026_08, pinned, core, true),
        Arguments.of("another version does not", MAIN_2026_08, otherPin, core, false),
        Arguments.of("no version matches an unlabelled promise", V0_125_0, emptyVersion, unlabelled, true),
        Arguments.of("a required promise not installed", MAIN_2026_08, pinned, Map.of(), false));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("requirementRules")
  void requirementRule(String rule, KratixRelease release, Map<String, Object> promise,
      Map<String, Map<String, Object>> installed, boolean fulfilled) {
    assertThat(release.requirementsFulfilled(promise, installed)).as(rule).isEqualTo(fulfilled);
  }

  private static Map<String, Object> withPipeline(String promise, String pipeline, String scope) {
    Map<String, Object> api = Map.of("kind", "CustomResourceDefinition", "apiVersion",
        "apiextensions.k8s.io/v1", "metadata", Map.of("name", "things.example.org"),
        "spec", Map.of("scope", scope, "names", Map.of("kind", "Thing", "plural", "things")));
    return Map.of("metadata", Map.of("name", promise), "spec", Map.of("api", api, "workflows",
        Map.of("resource", Map.of("configure", List.of(Map.of("metadata", Map.of("name", pipeline)))))));
  }

  static Stream<Arguments> webhookRules() {
    String longPromise = "vcluster-kubeconfig-external-secret";
    return Stream.of(
        Arguments.of("a 60-character pipeline ID", MAIN_2026_08, withPipeline(longPromise, "main1", "Namespaced"), 0),
        Arguments.of("a 61-character pipeline ID is refused", MAIN_2026_08, withPipeline(longPromise, "main12", "Namespaced"), 1),
        Arguments.of("a 61-character pipeline ID is refused", MAIN_2025_07_02, withPipeline(longPromise, "main12", "Namespaced"), 1),
        Arguments.of("v0.125.0 has no ID rule", V0_125_0, withPipeline(longPromise, "render-delete", "Namespaced"), 0),
        Arguments.of("a cluster-scoped API is refused", MAIN_2025_07_02, withPipeline("p", "main", "Cluster"), 1),
        Arguments.of("v0.125.0 admits a cluster-scoped API", V0_125_0, withPipeline("p", "main", "Cluster"), 0));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("webhookRules")
  void webhookRule(String rule, KratixRelease release, Map<String, Object> promise, int refusals) {
    assertThat(release.refusals(promise)).as(rule).hasSize(refusals);
  }

  static Stream<Arguments> immutableRules() {
    Map<String, Object> before = withPipeline("p", "main", "Namespaced");
    Map<String, Object> renamed = map(Yaml.loadAll(Yaml.document(before).replace("plural: things",
        "plural: thingies"), 1 << 20).get(0));
    Map<String, Object> otherPipeline = withPipeline("p", "render", "Namespaced");
    List<Arguments> arguments = new ArrayList<>();
    for (KratixRelease release : KratixRelease.values()) {
      arguments.add(Arguments.of("the CRD's names are immutable", release, before, renamed, 1));
      arguments.add(Arguments.of("a pipeline may be renamed", release, before, otherPipeline, 0));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("immutableRules")
  void immutableRule(String rule, KratixRelease release, Map<String, Object> before,
      Map<String, Object> after, int refusals) {
    assertThat(release.updateRefusals(before, after)).as(rule).hasSize(refusals);
  }

  static Stream<Arguments> statusRules() {
    Map<String, Object> existing = Map.of("message", "old", "parts", Map.of("a", 1, "b", 2),
        "conditions", List.of(Map.of("type", "ConfigureWorkflowCompleted", "status", "True")));
    Map<String, Object> written = Map.of("message", "new", "parts", Map.of("a", 3),
        "conditions", List.of(Map.of("type", "Rendered", "status", "True")));
    return Stream.of(
        Arguments.of("v0.125.0 deep-merges maps and keeps the existing conditions", V0_125_0,
            existing, written, Map.of("message", "new", "parts", Map.of("a", 3, "b", 2),
                "conditions", List.of(Map.of("type", "ConfigureWorkflowCompleted", "status", "True")))),
        Arguments.of("since e1682aa2 a top-level key replaces, conditions merge by type", MAIN_2025_07_02,
            existing, written, Map.of("message", "new", "parts", Map.of("a", 3),
                "conditions", List.of(Map.of("type", "ConfigureWorkflowCompleted", "status", "True"),
                    Map.of("type", "Rendered", "status", "True")))),
        Arguments.of("Pending becomes Resource requested when nothing is written", MAIN_2026_08,
            Map.of("message", "Pending"), Map.of(), Map.of("message", "Resource requested")));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("statusRules")
  void statusRule(String rule, KratixRelease release, Map<String, Object> existing,
      Map<String, Object> written, Map<String, Object> expected) {
    assertThat(release.mergeStatus(existing, written)).as(rule).isEqualTo(expected);
  }

  static Stream<Arguments> selectorRules() {
    Map<String, Map<String, String>> destinations = new LinkedHashMap<>();
    destinations.put("platform", Map.of("env", "platform"));
    destinations.put("edge", Map.of("env", "edge"));
    Map<String, Object> valid = Map.of("spec", Map.of("destinationSelectors",
        List.of(Map.of("matchLabels", Map.of("env", "platform")))));
    Map<String, Object> spaced = Map.of("spec", Map.of("destinationSelectors",
        List.of(Map.of("matchLabels", Map.of("env", "prod cluster")))));
    Map<String, Object> none = Map.of("spec", Map.of());
    return Stream.of(
        Arguments.of("a valid selector picks the matching Destination", MAIN_2026_08, valid, destinations, Set.of(), List.of("platform")),
        Arguments.of("an unparsable selector leaves the Work unscheduled", MAIN_2026_08, spaced, destinations, Set.of(), List.of()),
        Arguments.of("an unparsable selector goes anywhere on v0.125.0", V0_125_0, spaced, destinations, Set.of(), List.of("platform", "edge")),
        Arguments.of("no selector: any Destination that is not strict", MAIN_2025_07_02, none, destinations, Set.of("edge"), List.of("platform")));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("selectorRules")
  void selectorRule(String rule, KratixRelease release, Map<String, Object> promise,
      Map<String, Map<String, String>> destinations, Set<String> strict, List<String> expected) {
    assertThat(release.candidates(promise, destinations, strict)).as(rule).isEqualTo(expected);
  }

  static Stream<Arguments> columnRules() {
    return Stream.of(
        Arguments.of("v0.125.0 adds status = .status.message to a CRD without columns", V0_125_0, List.of(), List.of(".status.message")),
        Arguments.of("later releases add the message and the Reconciled condition", MAIN_2026_08, List.of(),
            List.of(".status.message", ".status.conditions[?(@.type==\"Reconciled\")].message")),
        Arguments.of("declared columns replace Kratix's", MAIN_2025_07_02,
            List.of(Map.of("name", "host", "jsonPath", ".status.hostname")), List.of(".status.hostname")));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("columnRules")
  void columnRule(String rule, KratixRelease release, List<Map<String, Object>> declared,
      List<String> paths) {
    assertThat(release.printerColumns(declared).stream().map(c -> c.get("jsonPath")).toList())
        .as(rule).isEqualTo(paths);
  }
}

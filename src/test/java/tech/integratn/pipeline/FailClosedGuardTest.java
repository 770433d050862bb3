package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * The guard publishes only what it has read: every hostile text (HostileTexts, by family) is
 * refused in every place a request carries text, with exit 3 (the request field, when the
 * pipeline reads and rewrites that field itself) or 4 (the guard), never 1, and writes nothing;
 * or, in a manifests field, published as the pipeline read and wrote it again, where no Go
 * reader finds a Secret;
 * the Go readers do read a Secret from it. Legitimate texts still render and hold no Secret for
 * the Go readers.
 */
class FailClosedGuardTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  /** Where a request carries free text, by name. */
  static final Map<String, Function<String, Map<String, Object>>> CARRIERS = Map.of(
      "a control-plane annotation in helmOverrides", CarriedSecretTest::annotated,
      "a VClusterCore's valuesYaml",
      text -> CarriedSecretTest.core("controlPlane:\n  statefulSet:\n    annotations:\n      x: "
          + tech.integratn.pipeline.yaml.Yaml.flow(text) + "\n"),
      "vcluster's deploy manifests", text -> CarriedSecretTest.orchestrator(Map.of("experimental",
          Map.of("deploy", Map.of("vcluster", Map.of("manifests", text))))),
      "the Argo CD cluster annotations", text -> Map.of("apiVersion", PromiseKind.API_VERSION,
          "kind", "VClusterOrchestrator", "metadata", Map.of("name", "c", "namespace", "platform-requests"),
          "spec", Map.of("name", "c", "integrations", Map.of("argocd", Map.of(
              "clusterAnnotations", Map.of("note", text))))));

  static Stream<Arguments> hostileInEveryCarrier() {
    List<Arguments> cases = new ArrayList<>();
    for (HostileTexts.Hostile hostile : HostileTexts.all()) {
      CARRIERS.forEach((carrier, request) -> cases.add(Arguments.of(hostile, carrier, request.apply(hostile.text()))));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("hostileInEveryCarrier")
  void hostileTextIsRefused(HostileTexts.Hostile hostile, String carrier,
      Map<String, Object> request) throws IOException {
    Cli result = run(request);

    assertNoTrace(result);
    if (result.exitCode() == 0 && carrier.contains("manifests")) {
      // Manifests are published as the pipeline read them: what it wrote must be safe to Go.
      for (Path file : Fixtures.files(work.resolve("out"))) {
        assertThat(GoOracle.get().secretIn(Files.readString(work.resolve("out").resolve(file))))
            .as(hostile + " in " + carrier + ", written again, in " + file).isEmpty();
      }
      return;
    }
    assertThat(result.exitCode()).as(hostile + " in " + carrier + ": " + result.err())
        .isIn(ExitCode.INVALID_INPUT.code(), ExitCode.OUTPUT_REFUSED.code());
    assertThat(work.resolve("out")).doesNotExist();
    assertThat(work.resolve("meta")).doesNotExist();
  }

  static List<HostileTexts.Hostile> hostile() {
    List<HostileTexts.Hostile> all = new ArrayList<>(HostileTexts.all());
    all.addAll(HostileTexts.templates());
    return all;
  }

  /** Each case is real: a Go reader finds the Secret (the oracle needs Go; CI installs it). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void goReadersFindTheSecret(HostileTexts.Hostile hostile) throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(hostile.goReadsSecret(),
        "the Go readers installed here read no Secret from this one; the guard refuses it anyway");
    // Carried as a string in a field a consumer executes (vcluster's manifests template), as
    // the request carries it: read, and executed once.
    String carried = JSON.writeValueAsString(Map.of("experimental", Map.of("deploy",
        Map.of("vcluster", Map.of("manifestsTemplate", hostile.text())))));
    assertThat(GoOracle.get().secretIn(carried)).as(hostile.toString()).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tech.integratn.pipeline.HostileTexts#templates")
  void manifestsTemplateThatCouldWriteASecretIsRefusedWithItsPath(HostileTexts.Hostile hostile)
      throws IOException {
    Cli result = run(CarriedSecretTest.orchestrator(Map.of("experimental", Map.of("deploy",
        Map.of("vcluster", Map.of("manifestsTemplate", hostile.text()))))));

    assertExited("manifests template that could write a Secret is refused with its path", result,
        ExitCode.INVALID_INPUT,
        "spec.vcluster.helmOverrides.experimental.deploy.vcluster.manifestsTemplate");
    assertNoTrace(result);
    assertThat(work.resolve("out")).doesNotExist();
  }

  static Stream<Arguments> legitimateInEveryCarrier() {
    List<Arguments> cases = new ArrayList<>();
    List<String> texts = HostileTexts.legitimate();
    for (int i = 0; i < texts.size(); i++) {
      for (var carrier : CARRIERS.entrySet()) {
        if (!carrier.getKey().contains("manifests")) {
          cases.add(Arguments.of(i, carrier.getKey(), carrier.getValue().apply(texts.get(i))));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "legitimate text {0} in {1}")
  @MethodSource("legitimateInEveryCarrier")
  void legitimateTextRenders(int text, String carrier, Map<String, Object> request)
      throws IOException {
    Cli result = run(request);

    assertThat(result.exitCode()).as(result.err()).isZero();
    for (Path file : Fixtures.files(work.resolve("out"))) {
      assertThat(GoOracle.get().secretIn(Files.readString(work.resolve("out").resolve(file))))
          .as(file.toString()).isEmpty();
    }
  }

  /**
   * Prose naming both words that is not YAML: refused at its request field (exit 3), with advice
   * to reword that works (reworded, it renders).
   */
  @Test
  void proseNamingBothWordsIsRefusedWithAdvice() throws IOException {
    for (String text : HostileTexts.prose()) {
      Cli result = run(CarriedSecretTest.annotated(text));
      assertThat(assertExited(text, result, ExitCode.INVALID_INPUT,
          "spec.vcluster.helmOverrides.controlPlane.statefulSet.annotations.x: "))
          .startsWith("Invalid request: ").contains("reword");
      assertNoTrace(result);
      Cli reworded = run(CarriedSecretTest.annotated(text.replaceAll("(?i)kind", "sort")));
      assertThat(reworded.exitCode()).as(reworded.err()).isZero();
    }
  }

  /** Text no consumer executes is published as written, {{ and all (issue 27). */
  @Test
  void templateTextInVerbatimFieldsIsPublishedByteForByte() throws IOException {
    String legend = "{{ instance }} {{- /* don't */ -}} ${{ secrets.TOKEN }}";
    String message = "pod {{ request.object.metadata.name }}";
    String eso = "{{ .password | toString }}";
    String manifests = "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: p}\n"
        + "spec:\n  rules:\n  - name: r\n    validate:\n      message: " + Yaml.flow(message)
        + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: dash}\ndata:\n"
        + "  legend: " + Yaml.flow(legend) + "\n  eso: " + Yaml.flow(eso) + "\n";
    Cli result = run(CarriedSecretTest.orchestrator(Map.of("experimental", Map.of("deploy",
        Map.of("vcluster", Map.of("manifests", manifests))))));
    assertThat(result.exitCode()).as(result.err()).isZero();
    String published = (String) deployValues(Files.readString(work.resolve("out/vcluster-core-request.yaml")))
        .get("manifests");
    List<Object> documents = Yaml.loadAll(published, 1 << 20);
    assertThat(JSON.valueToTree(documents).toString()).contains(JSON.writeValueAsString(message))
        .contains(JSON.writeValueAsString(legend)).contains(JSON.writeValueAsString(eso));
    assertThat(GoOracle.get().secretIn(published)).isEmpty();
  }

  /**
   * The Go oracle executes a template only where the consumer table (guard/Consumers) says a
   * consumer does, as the real consumers do: a template that writes a Secret when executed (and
   * whose letters spell neither word, so the guard publishes it unread) is a Secret to Go in
   * vcluster's manifests template, refused there, and published byte for byte inside vcluster's
   * manifests, which are applied as written, where Go finds no Secret.
   */
  @Test
  void templatesAreExecutedOnlyInFieldsAConsumerExecutes() throws IOException {
    String template = "{{ printf \"k%cnd: S%ccret\" 105 101 }}";
    Map<String, Object> executed = Map.of("experimental", Map.of("deploy", Map.of("vcluster",
        Map.of("manifestsTemplate", template))));
    assertThat(GoOracle.get().secretIn(JSON.writeValueAsString(executed))).isPresent();
    Cli refused = run(CarriedSecretTest.orchestrator(executed));
    assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCode.INVALID_INPUT.code());

    String manifests = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: t}\ndata:\n  t: "
        + Yaml.flow(template) + "\n";
    Cli result = run(CarriedSecretTest.orchestrator(Map.of("experimental", Map.of("deploy",
        Map.of("vcluster", Map.of("manifests", manifests))))));
    assertThat(result.exitCode()).as(result.err()).isZero();
    String published = (String) deployValues(Files.readString(work.resolve("out/vcluster-core-request.yaml")))
        .get("manifests");
    assertThat(JSON.valueToTree(Yaml.loadAll(published, 1 << 20)).toString())
        .contains(JSON.writeValueAsString(template));
    for (Path file : Fixtures.files(work.resolve("out"))) {
      assertThat(GoOracle.get().secretIn(Files.readString(work.resolve("out").resolve(file))))
          .as(file.toString()).isEmpty();
    }
  }

  @Test
  void legitimateManifestsAndTemplatesRenderAsThePipelineReadThem() throws IOException {
    String manifests = "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n"
        + "  name: db\nspec:\n  secretStoreRef: {name: store, kind: ClusterSecretStore}\n"
        + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata:\n  a: \"1\"\n";
    String template = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-x\n"
        + "  namespace: {{ .Release.Namespace }}\n  annotations:\n    literal: '{{ \"{{\" }} no action'\n"
        + "data:\n  kind: Secret-free\n";
    Cli result = run(CarriedSecretTest.orchestrator(Map.of("experimental", Map.of("deploy",
        Map.of("vcluster", Map.of("manifests", manifests, "manifestsTemplate", template))))));

    assertThat(result.exitCode()).as(result.err()).isZero();
    Map<?, ?> deploy = deployValues(Files.readString(work.resolve("out/vcluster-core-request.yaml")));
    assertThat(deploy.get("manifestsTemplate")).isEqualTo(template);
    assertThat(deploy.get("manifests")).as("written again from what was read").isEqualTo(
        "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: db\n"
            + "spec:\n  secretStoreRef:\n    name: store\n    kind: ClusterSecretStore\n---\n"
            + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: '1'\n");
  }

  /** experimental.deploy.vcluster of the Helm values text in a VClusterCore request. */
  private static Map<?, ?> deployValues(String coreRequest) {
    Map<?, ?> request = (Map<?, ?>) tech.integratn.pipeline.yaml.Yaml.loadAll(coreRequest, 1 << 24).get(0);
    String values = (String) ((Map<?, ?>) request.get("spec")).get("valuesYaml");
    Map<?, ?> tree = (Map<?, ?>) tech.integratn.pipeline.yaml.Yaml.loadAll(values, 1 << 24).get(0);
    return (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) tree.get("experimental")).get("deploy")).get("vcluster");
  }

  @Test
  void anEscapeNamingNoCharacterIsARefusalNotACrash() throws IOException {
    Path input = Files.writeString(work.resolve("object.yaml"), "apiVersion: "
        + PromiseKind.API_VERSION + "\nkind: VClusterOrchestrator\nmetadata: {name: a, namespace: b}\n"
        + "spec:\n  name: \"\\UFFFFFFFF\"\n");
    Cli result = Cli.run("--input", input.toString(), "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString());
    assertExited("in the request", result, ExitCode.INVALID_INPUT);
    assertNoTrace(result);

    Path settings = Files.writeString(work.resolve("settings.yaml"), "baseDomain: \"\\UFFFFFFFF\"\n");
    Cli withSettings = Cli.run("--input", input.toString(), "--settings", settings.toString(),
        "--output", work.resolve("out").toString(), "--metadata", work.resolve("meta").toString());
    assertExited("in the settings", withSettings, ExitCode.USAGE);
    assertNoTrace(withSettings);
  }

  /** Linear checks: the old line rule took minutes on this (kind lines after an action). */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aLargeTemplateOfKindLinesIsDecidedQuickly() throws IOException {
    String text = "{{ .Release.Name }}\n" + "kind: ConfigMap\n".repeat(30_000);
    Cli result = run(CarriedSecretTest.annotated(text));
    assertThat(result.exitCode()).as(result.err()).isIn(0, ExitCode.INVALID_INPUT.code(),
        ExitCode.OUTPUT_REFUSED.code());
    String unterminated = "{{\n" + "kind: Secret\n".repeat(30_000);
    assertThat(run(CarriedSecretTest.annotated(unterminated)).exitCode())
        .isIn(ExitCode.INVALID_INPUT.code(), ExitCode.OUTPUT_REFUSED.code());
  }

  private Cli run(Map<String, Object> request) throws IOException {
    Path input = work.resolve("object.yaml");
    JSON.writeValue(input.toFile(), request);
    return Cli.run("--settings", Fixtures.openPolicy().toString(), "--input", input.toString(), "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString());
  }

  private static void assertNoTrace(Cli result) {
    assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception")
        .doesNotContain("java.").doesNotContain("Internal error");
  }
}

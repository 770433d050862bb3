package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.yaml.snakeyaml.LoaderOptions;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;

/**
 * Property: any string in any free-form place of a request renders to files that parse (with a
 * YAML 1.2 reader and a YAML 1.1 reader, as Kubernetes tools use), have exactly the documents
 * and keys a plain value gives, and carry the string back unchanged; and the sub-request that
 * receives it does the same. The input is written as JSON by an independent writer (Jackson).
 */
class InjectionPropertyTest {
  /** JSON is YAML 1.2 and its writer shares no code with ours; keys are always quoted. */
  private static final ObjectMapper INPUT_WRITER = new ObjectMapper();
  private static final String PLACEHOLDER = "PLACEHOLDER-7f3a";
  private static final String SUB_REQUEST = "vcluster-argocd-cluster-request.yaml";

  private static Map<String, List<Object>> baseline12;
  private static Map<String, List<Object>> baseline11;
  private static Map<String, List<Object>> baselineSubRequest;
  private static List<String> baselineStrings;

  @BeforeAll
  static void renderThePlainValue(@TempDir Path work) throws IOException {
    Path out = render(work, PLACEHOLDER);
    baseline12 = parseAll(out, true);
    baseline11 = parseAll(out, false);
    baselineSubRequest = parseAll(renderSubRequest(work, out), true);
    baselineStrings = new ArrayList<>();
    collectStrings(baseline12, baselineStrings);
  }

  static List<String> samples() {
    return NastyStrings.samples(150, 20261125L);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void anyStringKeepsTheStructureAndComesBackExactly(String value, @TempDir Path work)
      throws IOException {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        !value.equals(PLACEHOLDER) && baselineStrings.contains(value),
        "the value also occurs in the plain output, so it cannot be told apart there");

    Cli result = renderResult(work, value);
    if (SecretOracle.readsAsSecret(value)) {
      // Text that a YAML reader reads as a Secret is refused wherever it is carried: at its
      // request field (exit 3), or by the guard in output.
      assertThat(result.exitCode()).isIn(ExitCode.INVALID_INPUT.code(),
          ExitCode.OUTPUT_REFUSED.code());
      assertThat(work.resolve("out")).doesNotExist();
      return;
    }
    if (result.exitCode() == ExitCode.OUTPUT_REFUSED.code()
        || result.exitCode() == ExitCode.INVALID_INPUT.code()) {
      // The guard also refuses what it cannot read completely and templates it cannot
      // evaluate (at the request field, exit 3, or in output, exit 4), but only text that
      // could spell a Secret or hide one.
      assertThat(mayHideASecret(value)).as(result.err()).isTrue();
      assertThat(result.err()).containsAnyOf("cannot read completely", "Go template");
      assertThat(result.err()).doesNotContain("Internal error");
      assertThat(work.resolve("out")).doesNotExist();
      return;
    }
    Path out = render(work, value);

    assertThat(substitute(parseAll(out, true), value)).isEqualTo((Object) baseline12);
    assertThat(substitute(parseAll(out, false), value)).isEqualTo((Object) baseline11);
    assertThat(substitute(parseAll(renderSubRequest(work, out), true), value))
        .isEqualTo((Object) baselineSubRequest);
  }

  /**
   * A loose, independent bound on what the guard may refuse without reading a Secret: a mapping
   * indicator, and both words, or a template action, an escape or a tag that could hide them.
   */
  static boolean mayHideASecret(String value) {
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    return value.contains(":") && (lower.contains("kind") && lower.contains("secret")
        || value.contains("{{") || value.contains("\\") || value.contains("!"))
        || value.contains("{{") || value.contains("!");
  }

  /** A request with {@code value} in every free-form string field, as a key where maps allow. */
  static Map<String, Object> request(String value) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", "prop");
    spec.put("vcluster", Map.of(
        "helmOverrides", Map.of("controlPlane", Map.of("statefulSet",
            Map.of("annotations", Map.of(value, value)))),
        "backingStore", Map.of("etcd", Map.of("deploy", Map.of("statefulSet",
            Map.of("annotations", Map.of(value, value))))),
        "exportKubeConfig", Map.of("context", value)));
    spec.put("integrations", Map.of("argocd", Map.of(
        "environment", value,
        "clusterLabels", Map.of(value, value),
        "clusterAnnotations", Map.of("note", value),
        "workloadRepo", Map.of("url", value, "basePath", value, "path", value, "revision", value))));
    spec.put("argocdApplication", Map.of("syncPolicy", Map.of(
        "syncOptions", List.of(value),
        "managedNamespaceMetadata", Map.of("labels", Map.of(value, value)))));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("apiVersion", PromiseKind.API_VERSION);
    request.put("kind", "VClusterOrchestrator");
    request.put("metadata", Map.of("name", "prop", "namespace", "platform-requests"));
    request.put("spec", spec);
    return request;
  }

  private static Path render(Path work, String value) throws IOException {
    Cli result = renderResult(work, value);
    assertThat(result.exitCode()).as(result.err()).isZero();
    return work.resolve("out");
  }

  private static Cli renderResult(Path work, String value) throws IOException {
    Path input = work.resolve("object.yaml");
    INPUT_WRITER.writeValue(input.toFile(), request(value));
    return Cli.run("--settings", Fixtures.openPolicy().toString(), "--input", input.toString(), "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString());
  }

  private static Path renderSubRequest(Path work, Path orchestratorOutput) {
    Path out = work.resolve("sub-out");
    Cli result = Cli.run("--settings", Fixtures.openPolicy().toString(), "--input", orchestratorOutput.resolve(SUB_REQUEST).toString(),
        "--output", out.toString(), "--metadata", work.resolve("sub-meta").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    return out;
  }

  /** Every file's documents; Helm values text is parsed too, so its structure is compared. */
  private static Map<String, List<Object>> parseAll(Path dir, boolean yaml12) throws IOException {
    Map<String, List<Object>> files = new LinkedHashMap<>();
    for (Path file : Fixtures.files(dir)) {
      List<Object> documents = new ArrayList<>();
      for (Object document : load(Files.readString(dir.resolve(file)), yaml12)) {
        documents.add(parseEmbedded(document, yaml12));
      }
      files.put(file.toString(), documents);
    }
    return files;
  }

  @SuppressWarnings("unchecked")
  private static Object parseEmbedded(Object document, boolean yaml12) {
    if (document instanceof Map<?, ?> map && map.get("spec") instanceof Map<?, ?> spec
        && spec.get("valuesYaml") instanceof String text) {
      ((Map<String, Object>) spec).put("valuesYaml", load(text, yaml12));
    }
    return document;
  }

  private static List<Object> load(String text, boolean yaml12) {
    List<Object> documents = new ArrayList<>();
    if (yaml12) {
      new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(documents::add);
    } else {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(64 * 1024 * 1024);
      new org.yaml.snakeyaml.Yaml(options).loadAll(text).forEach(documents::add);
    }
    return documents;
  }

  /** The tree with every string (key or value) equal to {@code value} put back to the placeholder. */
  private static Object substitute(Object node, String value) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(substitute(k, value), substitute(v, value)));
      return copy;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(item -> substitute(item, value)).toList();
    }
    return Objects.equals(node, value) ? PLACEHOLDER : node;
  }

  private static Object substitute(Map<String, List<Object>> files, String value) {
    return substitute((Object) files, value);
  }

  private static void collectStrings(Object node, List<String> into) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        collectStrings(k, into);
        collectStrings(v, into);
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectStrings(item, into));
    } else if (node instanceof String s) {
      into.add(s);
    }
  }
}

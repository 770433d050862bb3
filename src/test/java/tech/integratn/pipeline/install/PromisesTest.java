package tech.integratn.pipeline.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.UpstreamSchemas;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.CrdSchema;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.RequestReader;
import tech.integratn.pipeline.read.SchemaValidator;
import tech.integratn.pipeline.yaml.Yaml;

/** promises/: valid Kratix Promises with structural CRDs, run this image, accept the fixtures. */
class PromisesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode promise(PromiseKind kind) throws IOException {
    Path built = Fixtures.projectRoot().resolve("target/promises/" + kind.promise() + "/promise.yaml");
    assertThat(built).exists();
    return YAML.readTree(built.toFile());
  }

  private static String imageRef() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = PromisesTest.class.getResourceAsStream("/version.properties")) {
      properties.load(in);
    }
    return properties.getProperty("image");
  }

  @ParameterizedTest
  @EnumSource(PromiseKind.class)
  void isAKratixPromiseForItsKindThatRunsThisImage(PromiseKind kind) throws IOException {
    JsonNode promise = promise(kind);
    assertThat(promise.path("apiVersion").asText()).isEqualTo("platform.kratix.io/v1alpha1");
    assertThat(promise.path("kind").asText()).isEqualTo("Promise");
    assertThat(promise.at("/metadata/name").asText()).isEqualTo(kind.promise());

    JsonNode crd = promise.at("/spec/api");
    assertThat(crd.path("apiVersion").asText()).isEqualTo("apiextensions.k8s.io/v1");
    assertThat(crd.path("kind").asText()).isEqualTo("CustomResourceDefinition");
    assertThat(crd.at("/spec/group").asText()).isEqualTo(PromiseKind.GROUP);
    assertThat(crd.at("/spec/names/kind").asText()).isEqualTo(kind.kind());
    assertThat(crd.at("/metadata/name").asText())
        .isEqualTo(crd.at("/spec/names/plural").asText() + "." + PromiseKind.GROUP);
    assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
    JsonNode version = crd.at("/spec/versions/0");
    assertThat(version.path("name").asText()).isEqualTo(PromiseKind.VERSION);
    assertThat(version.path("served").asBoolean()).isTrue();
    assertThat(version.path("storage").asBoolean()).isTrue();

    String image = imageRef();
    assertThat(image).doesNotContain("@").contains(":");
    // No delete pipeline: it would do nothing, and a pod that cannot run (a terminating
    // namespace, an image it cannot pull) would hold every request's deletion.
    assertThat(promise.at("/spec/workflows/resource/delete").isMissingNode()).isTrue();
    assertThat(promise.at("/metadata/labels").path(InstallablePromises.VERSION_LABEL).asText())
        .isEqualTo("v" + tech.integratn.pipeline.settings.BuildInfo.version());
    for (String action : List.of("configure")) {
      JsonNode pipelines = promise.at("/spec/workflows/resource/" + action);
      assertThat(pipelines.size()).as(action).isPositive();
      for (JsonNode pipeline : pipelines) {
        assertThat(pipeline.path("kind").asText()).isEqualTo("Pipeline");
        for (JsonNode container : pipeline.at("/spec/containers")) {
          assertThat(container.path("image").asText()).isEqualTo(image);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(PromiseKind.class)
  void hasAStructuralSchemaWithoutDefaults(PromiseKind kind) throws IOException {
    JsonNode schema = CrdSchema.openApiSchema(promise(kind), kind);
    List<String> problems = new ArrayList<>();
    structural(schema, "openAPIV3Schema", problems);
    assertThat(problems).isEmpty();
    assertThat(schema.findValues("default"))
        .as("defaults live in the pipeline only, so the CRD cannot disagree with it").isEmpty();
    assertThat(schema.at("/properties/spec/type").asText()).isEqualTo("object");
  }

  /** A description cut at a comma in a flow map leaves a key with a null value instead. */
  @ParameterizedTest
  @EnumSource(PromiseKind.class)
  void everyDescriptionIsOneStringAndNoValueIsNull(PromiseKind kind) throws IOException {
    List<String> problems = new ArrayList<>();
    plain(promise(kind), "", problems);
    assertThat(problems).isEmpty();
  }

  private static void plain(JsonNode node, String path, List<String> problems) {
    if (node.isNull()) {
      problems.add(path + " is null");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      boolean schemaNode = node.has("type") && !node.path("type").isObject();
      if (field.getKey().equals("description") && schemaNode && !field.getValue().isTextual()) {
        problems.add(path + ".description is not a string");
      }
      plain(field.getValue(), path + "." + field.getKey(), problems);
    }
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      plain(node.get(i), path + "[" + i + "]", problems);
    }
  }

  @ParameterizedTest
  @EnumSource(PromiseKind.class)
  void theRenderValidatesAgainstThePromisesOwnSchema(PromiseKind kind) throws IOException {
    // The jar carries the schema as JSON, extracted by the build; it must be the promise's text.
    assertThat(CrdSchema.of(kind)).isEqualTo(CrdSchema.openApiSchema(promise(kind), kind));
  }

  /** Every node states its type; preserve-unknown objects and maps are the only open ones. */
  private static void structural(JsonNode node, String path, List<String> problems) {
    boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (!node.has("type")) {
      problems.add(path + " has no type");
    }
    if (node.has("properties") && node.has("additionalProperties")) {
      problems.add(path + " has both properties and additionalProperties");
    }
    if ("object".equals(node.path("type").asText()) && !preserve && !node.has("properties")
        && !node.has("additionalProperties")) {
      problems.add(path + " is an object with no properties");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      structural(property.getValue(), path + "." + property.getKey(), problems);
    }
    if (node.has("items")) {
      structural(node.get("items"), path + "[]", problems);
    }
    if (node.path("additionalProperties").isObject()) {
      structural(node.get("additionalProperties"), path + ".*", problems);
    }
  }

  static List<Path> cases() {
    return Fixtures.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyFixtureInputValidatesAgainstItsPromisesCrd(Path fixture) {
    Request request = new RequestReader().read(Fixtures.input(fixture));
    // Strict, as kubectl apply checks it: a fixture with a field its CRD lacks is a wrong fixture.
    assertThatCode(() -> new SchemaValidator(true).validate(request)).as(fixture.toString())
        .doesNotThrowAnyException();
  }

  static List<Path> orchestratorCases() {
    return Fixtures.cases().stream()
        .filter(c -> c.getFileName().toString().startsWith("orchestrator-")).toList();
  }

  /** The orchestrator's sub-requests are rendered by the promises that receive them. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("orchestratorCases")
  void everySubRequestRendersThroughItsOwnPromise(Path fixture, @TempDir Path work) throws IOException {
    Path outputs = Fixtures.expectedOutput(fixture);
    int subRequests = 0;
    for (Path file : Fixtures.files(outputs)) {
      JsonNode document = JSON.valueToTree(
          Yaml.loadAll(Files.readString(outputs.resolve(file)), Integer.MAX_VALUE).get(0));
      if (!PromiseKind.API_VERSION.equals(document.path("apiVersion").asText())) {
        continue;
      }
      subRequests++;
      Path out = work.resolve(file.toString());
      List<String> args = new java.util.ArrayList<>(List.of("--input", outputs.resolve(file).toString(),
          "--output", out.toString(), "--metadata", work.resolve("meta-" + file).toString()));
      Fixtures.settings(fixture).ifPresent(s -> args.addAll(List.of("--settings", s.toString())));
      Cli result = Cli.run(args.toArray(String[]::new));
      assertThat(result.exitCode()).as(file + ": " + result.err()).isZero();
      for (Path rendered : Fixtures.files(out)) {
        for (Object doc : Yaml.loadAll(Files.readString(out.resolve(rendered)), Integer.MAX_VALUE)) {
          assertThat(UpstreamSchemas.violations(JSON.valueToTree(doc)))
              .as(file + " -> " + rendered).isEmpty();
        }
      }
    }
    assertThat(subRequests).isEqualTo(7);
  }
}

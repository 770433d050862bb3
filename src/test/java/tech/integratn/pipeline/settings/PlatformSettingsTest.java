package tech.integratn.pipeline.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;

/** The platform settings document: refusals, where it is read from, and that it applies everywhere. */
class PlatformSettingsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path DEFAULTS = Fixtures.projectRoot()
      .resolve("src/main/resources/settings/defaults.yaml");
  private static final String INPUT =
      Fixtures.input(Fixtures.root().resolve("orchestrator-dev-defaults")).toString();

  @TempDir Path work;

  /** Each bad settings document: why, its text, and the key path the refusal must name. */
  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of("an unknown key", "argocd:\n  namepsace: gitops\n", "argocd.namepsace"),
        Arguments.of("an ESO version nobody serves", "externalSecrets:\n  apiVersion: external-secrets.io/v2\n",
            "externalSecrets.apiVersion"),
        Arguments.of("a base domain that is no DNS name", "baseDomain: Example..COM\n", "baseDomain"),
        Arguments.of("a namespace that is no DNS label", "argocd:\n  namespace: Git_Ops\n", "argocd.namespace"),
        Arguments.of("a connect host that is no URL", "onepassword:\n  connectHost: op connect\n",
            "onepassword.connectHost"),
        Arguments.of("a connect host with a password (it would be published in the Job)",
            "onepassword:\n  connectHost: https://op:pw@connect.example.com\n", "onepassword.connectHost"),
        Arguments.of("a connect host with a query", "onepassword:\n  connectHost: "
            + "https://connect.example.com/?token=x\n", "onepassword.connectHost"),
        Arguments.of("a connect host in plain http to another machine", "onepassword:\n  "
            + "connectHost: http://connect.example.com:8080\n", "onepassword.connectHost"),
        Arguments.of("a connect host port out of range", "onepassword:\n  connectHost: "
            + "https://connect.example.com:65536\n", "onepassword.connectHost"),
        Arguments.of("an adoption switch that is not a boolean", "onepassword:\n  "
            + "adoptUnmarkedItems: \"yes\"\n", "onepassword.adoptUnmarkedItems"),
        Arguments.of("a chart version that is not one", "chart:\n  version: latest\n", "chart.version"),
        Arguments.of("an image with a space", "images:\n  sync: \"a b\"\n", "images.sync"),
        Arguments.of("a list", "- baseDomain: x\n", "mapping"),
        Arguments.of("not YAML", "a: [\n", "not valid YAML"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void aBadSettingsFileIsRefusedWithItsKeyPath(String reason, String text, String named)
      throws IOException {
    Path settings = Files.writeString(work.resolve("settings.yaml"), text);

    Cli result = Cli.run("--input", INPUT, "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString(), "--settings", settings.toString());

    assertThat(assertExited("a bad settings file is refused with its key path", result,
        ExitCode.USAGE, "Invalid settings", named)).doesNotContain("Exception");
    assertThat(work.resolve("out")).doesNotExist();
  }

  @Test
  void aMissingSettingsOptionFileIsRefused() {
    Cli result = Cli.run("--input", INPUT, "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString(), "--settings", work.resolve("nope").toString());
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void theEnvironmentNamesTheSettingsFileAndAMissingOneIsRefused() throws IOException {
    Path settings = Files.writeString(work.resolve("settings.yaml"), "baseDomain: example.net\n");
    Cli named = Cli.run(Map.of("VCLUSTER_PIPELINE_SETTINGS", settings.toString()), "--input", INPUT,
        "--output", work.resolve("a").toString(), "--metadata", work.resolve("am").toString());
    assertThat(named.exitCode()).as(named.err()).isZero();
    assertThat(named.out()).contains("settings: file " + settings);
    Cli absent = Cli.run(Map.of("VCLUSTER_PIPELINE_SETTINGS", work.resolve("none.yaml").toString()),
        "--input", INPUT, "--output", work.resolve("b").toString(),
        "--metadata", work.resolve("bm").toString());
    assertExited("never another platform's values", absent,
        ExitCode.USAGE, "VCLUSTER_PIPELINE_SETTINGS", "does not exist");
    assertThat(work.resolve("b")).doesNotExist();
  }

  /** The built promises carry the defaults' text; a run says which settings it used. */
  @Test
  void thePromisesCarryTheSettingsAndEveryRunSaysWhichItUsed() throws IOException {
    JsonNode promise = YAML.readTree(Fixtures.projectRoot()
        .resolve("target/promises/vcluster-core/promise.yaml").toFile());
    String carried = null;
    for (JsonNode variable : promise.at("/spec/workflows/resource/configure/0/spec/containers/0/env")) {
      if (variable.path("name").asText().equals("VCLUSTER_PIPELINE_SETTINGS_YAML")) {
        carried = variable.path("value").asText();
      }
    }
    assertThat(carried).isEqualTo(Files.readString(DEFAULTS));

    Cli defaults = Cli.run(Map.of("VCLUSTER_PIPELINE_SETTINGS_YAML", carried), "--input", INPUT,
        "--output", work.resolve("a").toString(), "--metadata", work.resolve("am").toString());
    assertThat(defaults.exitCode()).as(defaults.err()).isZero();
    assertThat(defaults.out()).containsPattern("settings: the promise's .*built-in defaults "
        + "\\(digest [0-9a-f]{8}\\)");
    Cli other = Cli.run(Map.of("VCLUSTER_PIPELINE_SETTINGS_YAML", "baseDomain: example.net\n"),
        "--input", INPUT, "--output", work.resolve("b").toString(),
        "--metadata", work.resolve("bm").toString());
    assertThat(other.exitCode()).as(other.err()).isZero();
    assertThat(Files.readString(work.resolve("b/vcluster-argocd-cluster-request.yaml")))
        .contains("example.net");
    assertThat(digest(other.out())).isNotEqualTo(digest(defaults.out()));
    Cli bad = Cli.run(Map.of("VCLUSTER_PIPELINE_SETTINGS_YAML", "baseDomian: x\n"),
        "--input", INPUT, "--output", work.resolve("c").toString(),
        "--metadata", work.resolve("cm").toString());
    assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(work.resolve("c")).doesNotExist();
  }

  private static String digest(String log) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("digest ([0-9a-f]{8})").matcher(log);
    assertThat(m.find()).as(log).isTrue();
    return m.group(1);
  }

  @Test
  void renderPromisesWritesAPlatformsPromisesWithItsImageSettingsAndDestinations() throws IOException {
    Path settings = Files.writeString(work.resolve("settings.yaml"), "baseDomain: example.net\n"
        + "scheduling:\n  subRequestSelectorLabels: {cluster: hub}\n"
        + "  partSelectorLabels: {cluster: apps}\n");
    String image = "registry.example.net:5000/team/vcluster-pipeline@sha256:" + "ab".repeat(32);
    Cli result = Cli.run("promises", "--settings", settings.toString(), "--image", image,
        "--output", work.resolve("promises").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    for (PromiseKind kind : PromiseKind.values()) {
      JsonNode promise = YAML.readTree(work.resolve("promises/" + kind.promise() + "/promise.yaml").toFile());
      assertThat(promise.at("/spec/workflows/config").isMissingNode()).isTrue();
      JsonNode container = promise.at("/spec/workflows/resource/configure/0/spec/containers/0");
      assertThat(container.path("image").asText()).isEqualTo(image);
      assertThat(container.path("env").toString()).contains("scheduling");
      assertThat(promise.at("/spec/destinationSelectors/0/matchLabels/cluster").asText())
          .isEqualTo(kind == PromiseKind.VCLUSTER_ORCHESTRATOR ? "hub" : "apps");
    }
    Cli badImage = Cli.run("promises", "--settings", "builtin", "--image", "no tag here", "--output",
        work.resolve("x").toString());
    assertThat(badImage.exitCode()).isEqualTo(ExitCode.USAGE.code());
    Cli untagged = Cli.run("promises", "--settings", "builtin", "--image", "registry.example.net/team/image", "--output",
        work.resolve("y").toString());
    assertThat(untagged.exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  /** Under another platform's settings, no default value is left anywhere a setting applies. */
  @Test
  void noDefaultValueIsLeftUnderAnotherPlatformsSettings() throws IOException {
    List<String> defaults = new ArrayList<>();
    collectStrings(YAML.readTree(DEFAULTS.toFile()), "", defaults);
    List<Path> cases = Fixtures.cases().stream()
        .filter(c -> c.getFileName().toString().endsWith("-other-platform")).toList();
    assertThat(cases).hasSize(9);
    for (Path fixture : cases) {
      for (Path file : Fixtures.files(Fixtures.expectedOutput(fixture))) {
        String text = Files.readString(Fixtures.expectedOutput(fixture).resolve(file));
        for (String value : defaults) {
          // as a value or a key of its own, in any document or carried text
          java.util.regex.Pattern asValue = java.util.regex.Pattern.compile("(?m)(^|:\\s|-\\s|\\{)[\"']?"
              + java.util.regex.Pattern.quote(value) + "[\"']?(:|\\s*$|,|})");
          assertThat(asValue.matcher(text).find()).as(fixture.getFileName() + "/" + file
              + " still holds the default " + value).isFalse();
        }
      }
    }
  }

  /** Every default string (not the chart's own name, the same upstream chart everywhere). */
  private static void collectStrings(JsonNode node, String path, List<String> into) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        collectStrings(f.getValue(), path + "." + f.getKey(), into);
        if (f.getKey().contains("/")) {
          into.add(f.getKey()); // selector label keys
        }
      });
    } else if (node.isTextual() && !node.asText().isEmpty() && !path.equals(".chart.name")) {
      into.add(node.asText());
    }
  }
}

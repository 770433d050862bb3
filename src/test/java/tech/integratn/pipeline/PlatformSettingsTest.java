package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

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

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err()).contains("Invalid settings", named).doesNotContain("Exception");
    assertThat(work.resolve("out")).doesNotExist();
  }

  @Test
  void aMissingSettingsOptionFileIsRefused() {
    Cli result = Cli.run("--input", INPUT, "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString(), "--settings", work.resolve("nope").toString());
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void theEnvironmentNamesTheSettingsFileAndAMissingOneMeansDefaults() throws IOException {
    Path settings = Files.writeString(work.resolve("settings.yaml"), "baseDomain: example.net\n");
    Cli named = Cli.run(Map.of("VCLUSTER_PIPELINE_SETTINGS", settings.toString()), "--input", INPUT,
        "--output", work.resolve("a").toString(), "--metadata", work.resolve("am").toString());
    assertThat(named.exitCode()).as(named.err()).isZero();
    assertThat(named.out()).contains(".example.net");
    Cli absent = Cli.run(Map.of("VCLUSTER_PIPELINE_SETTINGS", work.resolve("none.yaml").toString()),
        "--input", INPUT, "--output", work.resolve("b").toString(),
        "--metadata", work.resolve("bm").toString());
    assertThat(absent.exitCode()).as(absent.err()).isZero();
    assertThat(absent.out()).contains(".integratn.tech");
  }

  /** The ConfigMap the promises mount ships exactly the built-in defaults. */
  @Test
  void thePromisesConfigMapShipsTheDefaults() throws IOException {
    JsonNode configMap = YAML.readTree(Fixtures.projectRoot()
        .resolve("promises/platform-settings/configmap.yaml").toFile());
    assertThat(configMap.at("/data/settings.yaml").asText()).isEqualTo(Files.readString(DEFAULTS));
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

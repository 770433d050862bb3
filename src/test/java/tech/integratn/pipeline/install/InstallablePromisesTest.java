package tech.integratn.pipeline.install;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertRefused;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.settings.BuildInfo;
import tech.integratn.pipeline.settings.PlatformSettings;
import tech.integratn.pipeline.settings.SettingsReader;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * The image reference a platform's promises run, one rule each: the rule, the reference, and
 * whether a container runtime can pull exactly it.
 */
class InstallablePromisesTest {
  private static final String DIGEST = "@sha256:" + "a".repeat(64);

  static Stream<Arguments> images() {
    return Stream.of(
        Arguments.of("a repository and a tag", "ghcr.io/org/image:0.1.0", true),
        Arguments.of("a registry with a port", "registry.local:5000/image:v1", true),
        Arguments.of("a digest", "ghcr.io/org/image" + DIGEST, true),
        Arguments.of("a tag and a digest", "ghcr.io/org/image:0.1.0" + DIGEST, true),
        Arguments.of("no tag or digest: whatever latest is that day", "ghcr.io/org/image", false),
        Arguments.of("a registry port is not a tag", "registry.local:5000/image", false),
        Arguments.of("a short digest", "ghcr.io/org/image@sha256:abc", false),
        Arguments.of("upper case in the repository", "ghcr.io/Org/image:1", false),
        Arguments.of("a space", "ghcr.io/org/image:1 x", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("images")
  void pinsTheImage(String rule, String image, boolean pullable) {
    if (pullable) {
      assertThat(InstallablePromises.checkImage(image)).as(rule).isEqualTo(image);
    } else {
      assertRefused(rule, () -> InstallablePromises.checkImage(image), ExitCode.USAGE, image);
    }
  }

  /** What Kratix, Linux or kubectl cannot run is refused before anything is written. */
  static Stream<Arguments> platforms() {
    String comment = "# " + "x".repeat(200) + "\n";
    return Stream.of(
        Arguments.of("the defaults", "baseDomain: integratn.tech\n", null),
        Arguments.of("settings of 120 KiB still start a container",
            comment.repeat(600) + "baseDomain: integratn.tech\n", null),
        Arguments.of("settings over 128 KiB cannot be one environment string (E2BIG)",
            comment.repeat(660) + "baseDomain: integratn.tech\n",
            List.of("VCLUSTER_PIPELINE_SETTINGS_YAML", "131072", "E2BIG")),
        Arguments.of("a selector value with a space: labels.Parse fails in Kratix",
            "scheduling:\n  partSelectorLabels: {env: prod cluster}\n",
            List.of("scheduling.partSelectorLabels.env", "prod cluster", "label value")),
        Arguments.of("a selector value with a comma splits Kratix's selector",
            "scheduling:\n  subRequestSelectorLabels: {env: 'a,b'}\n",
            List.of("scheduling.subRequestSelectorLabels.env", "a,b")),
        Arguments.of("a selector key with a space",
            "scheduling:\n  partSelectorLabels: {'my env': platform}\n",
            List.of("scheduling.partSelectorLabels", "my env", "label key")),
        Arguments.of("a selector key with a prefix is a label key",
            "scheduling:\n  partSelectorLabels: {example.org/cluster: apps}\n", null),
        Arguments.of("a value that ends in a dot",
            "scheduling:\n  partSelectorLabels: {env: platform.}\n",
            List.of("scheduling.partSelectorLabels.env", "platform.")),
        Arguments.of("a promise whose last-applied JSON passes 256 KiB (Go writes < as \\u003c)",
            "# " + "<".repeat(60000) + "\nbaseDomain: integratn.tech\n",
            List.of("vcluster-orchestrator", "262144", "last-applied")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  void refusesWhatKratixCannotRun(String rule, String settingsText, List<String> refusal) {
    PlatformSettings settings = SettingsReader.read(settingsText, "platform.yaml");
    if (refusal == null) {
      assertThat(InstallablePromises.render("ghcr.io/org/image:1", settingsText, settings,
          "platform.yaml")).as(rule).hasSize(PromiseKind.values().length);
    } else {
      assertRefused(rule, () -> InstallablePromises.render("ghcr.io/org/image:1", settingsText,
          settings, "platform.yaml"), ExitCode.USAGE, refusal.toArray(String[]::new));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyPromiseCarriesTheBuildsVersionAndTheOrchestratorRequiresIt() {
    Map<String, String> promises = InstallablePromises.render("ghcr.io/org/image:1",
        "baseDomain: integratn.tech\n", SettingsReader.defaults());
    String version = "v" + BuildInfo.version();
    assertThat(InstallablePromises.promiseVersion()).isEqualTo(version);
    promises.forEach((name, text) -> {
      Map<String, Object> promise = (Map<String, Object>) Yaml.loadAll(text, 1 << 24).get(0);
      Map<String, Object> metadata = (Map<String, Object>) promise.get("metadata");
      assertThat((Map<String, Object>) metadata.get("labels")).as(name)
          .containsEntry(InstallablePromises.VERSION_LABEL, version);
      Map<String, Object> spec = (Map<String, Object>) promise.get("spec");
      for (Object required : (List<Object>) spec.getOrDefault("requiredPromises", List.of())) {
        assertThat((Map<String, Object>) required).as(name).containsEntry("version", version)
            .containsKey("name");
        assertThat(promises).containsKey((String) ((Map<String, Object>) required).get("name"));
      }
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void theVclusterPromiseTakesTheOrchestratorsRequestSchema() {
    Map<String, Object> direct = BundledPromises.read(PromiseKind.VCLUSTER);
    Map<String, Object> compound = BundledPromises.read(PromiseKind.VCLUSTER_ORCHESTRATOR);
    assertThat(versions(direct)).isEqualTo(versions(compound)).isNotEmpty();
    versions(direct).clear();
    assertThat(versions(BundledPromises.read(PromiseKind.VCLUSTER_ORCHESTRATOR)))
        .as("a fresh copy each time").isNotEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> versions(Map<String, Object> promise) {
    Map<String, Object> spec = (Map<String, Object>) promise.get("spec");
    Map<String, Object> api = (Map<String, Object>) spec.get("api");
    return (List<Object>) ((Map<String, Object>) api.get("spec")).get("versions");
  }
}

package tech.integratn.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * {@code render promises} for another platform: settings are named (never the homelab's by
 * default), one image runs everywhere, and the summary says what was written.
 */
class PromisesCommandTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String DIGEST = "registry.example.org/platform/vcluster-pipeline@sha256:"
      + "0123456789abcdef".repeat(4);
  static final String OTHER_PLATFORM = "baseDomain: apps.example.org\n"
      + "externalSecrets: {apiVersion: external-secrets.io/v1}\n"
      + "onepassword: {vault: platform}\n"
      + "scheduling:\n  subRequestSelectorLabels: {env: prod}\n  partSelectorLabels: {env: prod}\n"
      + "requestPolicy:\n  requestNamespaces:\n    - {namespace: team-requests, prefix: \"\"}\n";

  @TempDir Path work;

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("no --settings: not the homelab's values by default", List.of(), 2,
            "--settings"),
        Arguments.of("a settings file that is not there", List.of("--settings", "missing.yaml"),
            2, "missing.yaml"),
        Arguments.of("settings that name another sync image than --image",
            List.of("--settings", "@images.kubeconfigSync: other.example.org/sync:1\n"), 2,
            "images.kubeconfigSync"),
        Arguments.of("the built-in defaults asked for by name", List.of("--settings", "builtin"),
            0, "the built-in defaults, the homelab's"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void settingsAreNamed(String reason, List<String> options, int exit, String says)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("promises", "--image", DIGEST, "--output",
        work.resolve("out").toString()));
    for (String option : options) {
      if (option.startsWith("@")) {
        // "@text": a settings file holding the text
        option = Files.writeString(work.resolve("settings.yaml"),
            option.substring(1).replace("images.kubeconfigSync: ", "images:\n  kubeconfigSync: "))
            .toString();
      }
      args.add(option);
    }
    Cli result = Cli.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(reason + "\n" + result.err()).isEqualTo(exit);
    assertThat(exit == 0 ? result.out() : result.err()).as(reason).contains(says);
    if (exit != 0) {
      assertThat(result.err().lines().count()).as(reason + ": one short paragraph, not the usage")
          .isLessThan(6);
      assertThat(work.resolve("out")).as(reason + ": nothing written").doesNotExist();
    }
  }

  /**
   * Promises written with --image DIGEST under another platform's settings run only that digest:
   * each workflow, and the sync Job the sync promise's workflow renders (run here with the
   * environment that promise gives its container).
   */
  @Test
  void aDigestRunsEverywhereTheSyncJobIncluded() throws IOException {
    Path settings = Files.writeString(work.resolve("other.yaml"), OTHER_PLATFORM);
    Cli result = Cli.run("promises", "--settings", settings.toString(), "--image", DIGEST,
        "--output", work.resolve("promises").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("wrote 9 promises", "image: " + DIGEST,
        "settings: file " + settings, "digest ", "env=prod");

    Map<String, String> environment = new HashMap<>();
    try (Stream<Path> files = Files.walk(work.resolve("promises"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        JsonNode promise = YAML.readTree(file.toFile());
        for (JsonNode container : promise.findValues("containers")) {
          for (JsonNode c : container) {
            assertThat(c.path("image").asText()).as(file.toString()).isEqualTo(DIGEST);
            if (file.toString().contains("vcluster-kubeconfig-sync")) {
              c.path("env").forEach(e -> environment.put(e.path("name").asText(),
                  e.path("value").asText()));
            }
          }
        }
      }
    }
    assertThat(environment).containsKey("VCLUSTER_PIPELINE_IMAGE");

    Path input = Files.writeString(work.resolve("sync.yaml"), Files.readString(
        Fixtures.root().resolve("kubeconfig-sync-other-platform/input/object.yaml")));
    Cli render = Cli.run(environment, "--input", input.toString(), "--output",
        work.resolve("out").toString(), "--metadata", work.resolve("meta").toString());
    assertThat(render.exitCode()).as(render.err()).isZero();
    String job = Files.readString(work.resolve("out/kubeconfig-sync-job.yaml"));
    assertThat(job.lines().filter(l -> l.strip().startsWith("image:")))
        .containsExactly("          image: " + DIGEST);
    // onepassword.vault reaches the Job directly; the token's ExternalSecret reads only the token.
    assertThat(job).contains("- name: OP_VAULT_ID\n              value: platform\n")
        .doesNotContain("property: vault");
  }

  @Test
  void anUnwritableOutputIsExitSix() throws IOException {
    Path blocked = Files.writeString(work.resolve("file"), "not a folder");
    Cli result = Cli.run("promises", "--settings", "builtin", "--output", blocked.toString());
    assertThat(assertExited("an unwritable output is exit six", result,
        ExitCode.WRITE_FAILED, blocked.toString())).doesNotContain("Exception");
  }
}

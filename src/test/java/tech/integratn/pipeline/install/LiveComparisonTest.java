package tech.integratn.pipeline.install;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * render promises --compare-live over kubectl's saved output: the seed's bash promises, an
 * earlier install with workflows.config.pipelineNamespace, and the promises themselves (the
 * check after a switch-over). One case a row: what it reads, the exit code, and lines it prints.
 */
class LiveComparisonTest {
  @TempDir Path work;

  private static Path live(String name) {
    return Fixtures.projectRoot().resolve("src/test/resources/live/" + name);
  }

  static Stream<Arguments> comparisons() {
    return Stream.of(
        Arguments.of("the bash promises: a new pipeline name moves every request's state",
            "bash-promises", 8, List.of(
                "vcluster-core: action: state moves: the configure pipeline configure-pipeline becomes main",
                "label kratix.io/pipeline-name=configure-pipeline",
                "vcluster: note: not installed: kubectl apply creates it",
                "vcluster-orchestrator: note: the delete pipeline goes",
                "vcluster-orchestrator: note: requiredPromises become [{name: vcluster-core, version: v",
                "destination edge: note: filepath.mode none",
                "destination platform-cluster: note: filepath.mode nestedByMetadata",
                "is selected by these too",
                "8 live promises and 2 destinations")),
        Arguments.of("an earlier install with a pipeline namespace: Works move and stay behind",
            "pipeline-namespace", 8, List.of(
                "vcluster-core: action: state moves: the live promise runs its pipelines and keeps "
                    + "its Works in namespace kratix-platform-system",
                "resources/kratix-platform-system/vcluster-core/<request>/",
                "Kratix never removes the Works left in kratix-platform-system",
                "destinations: note: none saved")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisons")
  void reportsWhatInstallingWouldChange(String rule, String fixture, int exit, List<String> lines) {
    Cli result = Cli.run("promises", "--settings", "builtin", "--compare-live", live(fixture).toString());
    assertThat(result.exitCode()).as(rule + ": " + result.err()).isEqualTo(exit);
    assertThat(result.out()).as(rule).contains(lines);
    assertThat(result.out()).as("the API names are the live ones").doesNotContain("immutable");
  }

  @Test
  void afterTheSwitchOverNothingNeedsAStep() throws IOException {
    Path installed = work.resolve("installed");
    assertThat(Cli.run("promises", "--settings", "builtin", "--output", installed.toString()).exitCode()).isZero();
    StringBuilder list = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
    try (Stream<Path> files = Files.walk(installed)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        list.append("- ").append(Files.readString(file).lines().filter(l -> !l.startsWith("#"))
            .reduce((a, b) -> a + "\n  " + b).orElseThrow()).append('\n');
      }
    }
    Path saved = Files.createDirectories(work.resolve("live"));
    Files.writeString(saved.resolve("promises.yaml"), list);
    Files.copy(live("bash-promises").resolve("destinations.yaml"), saved.resolve("destinations.yaml"));
    Cli result = Cli.run("promises", "--settings", "builtin", "--compare-live", saved.toString());
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("0 action(s)").doesNotContain(": action:");
  }

  @Test
  void aChangedKindIsOneKratixRefuses() throws IOException {
    Path saved = Files.createDirectories(work.resolve("renamed"));
    Files.writeString(saved.resolve("promises.yaml"), Files.readString(
        live("bash-promises").resolve("promises.yaml")).replace("kind: VClusterCore\n",
        "kind: VclusterCore\n"));
    Cli result = Cli.run("promises", "--settings", "builtin", "--compare-live", saved.toString());
    assertThat(result.exitCode()).isEqualTo(8);
    assertThat(result.out()).contains("vcluster-core: action: spec.api.spec.names changes from",
        "Kratix's webhook refuses the update (the field is immutable)");
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("a directory that is not there", "missing", List.of("--compare-live",
            "is not a directory", "kubectl get promises -o yaml")),
        Arguments.of("a directory without promises", "empty", List.of("holds no Kratix Promise")),
        Arguments.of("a file that is not YAML", "broken", List.of("is not valid YAML", "line")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesWhatItCannotRead(String rule, String dir, List<String> parts) throws IOException {
    Files.createDirectories(work.resolve("empty"));
    Files.createDirectories(work.resolve("broken"));
    Files.writeString(work.resolve("broken/promises.yaml"), "items: [\n");
    Cli result = Cli.run("promises", "--settings", "builtin", "--compare-live", work.resolve(dir).toString());
    assertThat(assertExited(rule, result, ExitCode.USAGE, parts.toArray(String[]::new))).as(rule)
        .doesNotContain("Exception");
  }
}

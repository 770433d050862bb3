package tech.integratn.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.failure.ExitCode;

class CommandLineTest {
  private static final String INPUT =
      Fixtures.input(Fixtures.root().resolve("orchestrator-dev-defaults")).toString();

  @TempDir Path work;

  private String[] paths(String... more) {
    String[] base = {"--input", INPUT, "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString()};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void helpListsTheOptionsAndExitCodes() {
    Cli result = Cli.run("--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--input", "--output", "--metadata", "--templates",
        "--action", "Exit codes", "/kratix/input/object.yaml", "/kratix/output");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"render", "check", "test",
      "sync-kubeconfig", "promises"})
  void everyHelpListsItsExitCodesFromTheOneTable(String command) {
    Cli result = command.equals("render") ? Cli.run("--help") : Cli.run(command, "--help");
    assertThat(result.exitCode()).isZero();
    String listed = result.out().substring(result.out().indexOf("Exit codes:"));
    java.util.Set<Integer> codes = new java.util.TreeSet<>();
    java.util.regex.Matcher line = java.util.regex.Pattern.compile("(?m)^  (\\d)   ").matcher(listed);
    while (line.find()) {
      codes.add(Integer.parseInt(line.group(1)));
    }
    assertThat(codes).isEqualTo(ExitCode.of(command).stream().map(ExitCode::code)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
  }

  @Test
  void theReadmesExitCodeTableIsTheOneTable() throws java.io.IOException {
    assertThat(java.nio.file.Files.readString(Fixtures.projectRoot().resolve("README.md")))
        .contains(ExitCode.markdownTable());
  }

  @Test
  void versionPrintsTheBuildVersion() {
    Cli result = Cli.run("--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("vcluster pipeline ").doesNotContain("@");
  }

  @Test
  void deleteWritesNothingAndExitsZero() {
    Cli result = Cli.run(paths("--action", "delete"));
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("VClusterOrchestrator", "vcluster-core-request.yaml");
    assertThat(work.resolve("out")).doesNotExist();
    assertThat(work.resolve("meta")).doesNotExist();
  }

  static java.util.List<Path> cases() {
    return Fixtures.cases();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("cases")
  void deleteOfEveryKindWritesNothingAndSaysWhatKratixRemoves(Path fixture) {
    Cli result = Cli.run(Map.of("KRATIX_WORKFLOW_ACTION", "delete"),
        "--input", Fixtures.input(fixture).toString(),
        "--output", work.resolve("out").toString(), "--metadata", work.resolve("meta").toString());
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Kratix will remove");
    for (Path file : Fixtures.files(Fixtures.expectedOutput(fixture))) {
      assertThat(result.out()).contains(file.toString());
    }
    assertThat(work.resolve("out")).doesNotExist();
    assertThat(work.resolve("meta")).doesNotExist();
  }

  @Test
  void theWorkflowActionComesFromTheKratixEnvironment() {
    Cli result = Cli.run(Map.of("KRATIX_WORKFLOW_ACTION", "delete"), paths());
    assertThat(result.exitCode()).isZero();
    assertThat(work.resolve("out")).doesNotExist();
  }

  @Test
  void anExplicitActionWinsOverTheEnvironment() {
    Cli result = Cli.run(Map.of("KRATIX_WORKFLOW_ACTION", "delete"), paths("--action", "configure"));
    assertThat(result.exitCode()).isZero();
    assertThat(work.resolve("out/vcluster-core-request.yaml")).exists();
  }

  @Test
  void deleteSucceedsEvenWhenTheInputIsUnreadable() {
    Cli result = Cli.run("--action", "delete", "--input", work.resolve("missing.yaml").toString());
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void configureLogsEachFileAndWritesStatus() {
    Cli result = Cli.run(paths());
    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines().filter(l -> l.startsWith("wrote "))).hasSize(8);
    assertThat(work.resolve("meta/status.yaml")).content()
        .contains("message:", "hostname: team-a.integratn.tech").doesNotContain("kratix:");
  }

  @Test
  void withNoArgumentsItIsTheKratixStep() {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        java.nio.file.Files.exists(Path.of("/kratix/input/object.yaml")), "a real /kratix here");
    Cli bare = Cli.run(Map.of("KRATIX_WORKFLOW_ACTION", "configure"));
    Cli explicit = Cli.run(Map.of("KRATIX_WORKFLOW_ACTION", "configure"),
        "--input", "/kratix/input/object.yaml", "--output", "/kratix/output",
        "--metadata", "/kratix/metadata");
    assertThat(assertExited("a missing named file is a usage error in every command", bare,
        ExitCode.USAGE, "/kratix/input/object.yaml")).isEqualTo(explicit.err());
    assertThat(bare.exitCode()).isEqualTo(explicit.exitCode());
    Cli delete = Cli.run(Map.of("KRATIX_WORKFLOW_ACTION", "delete"));
    assertThat(delete.exitCode()).isZero();
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Cli result = Cli.run("--bogus");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void aBadWorkflowActionInTheEnvironmentIsAUsageError() {
    Cli result = Cli.run(Map.of("KRATIX_WORKFLOW_ACTION", "explode"), paths());
    assertExited("a bad workflow action in the environment is a usage error", result,
        ExitCode.USAGE, "KRATIX_WORKFLOW_ACTION");
  }
}

package tech.integratn.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Every exit code each command lists in --help, produced by a real command line: the command,
 * why, the arguments (built in a scratch folder), the environment, and the code. Internal error
 * (1) is a bug and has no row; the sync command's success and Connect's own refusals run
 * against a Connect stub in KubeconfigSyncCommandTest.
 */
class ExitCodesTest {
  private static final String GOOD = "apiVersion: platform.integratn.tech/v1alpha1\n"
      + "kind: VClusterOrchestrator\nmetadata:\n  name: good\n  namespace: platform-requests\n"
      + "spec:\n  name: good\n";
  private static final String KUBECONFIG = "apiVersion: v1\nkind: Config\ncurrent-context: vc\n"
      + "clusters:\n- name: vc\n  cluster:\n    server: https://vc.example.com:443\n"
      + "    certificate-authority-data: Y2E=\n"
      + "contexts:\n- name: vc\n  context: {cluster: vc, user: vc}\n"
      + "users:\n- name: vc\n  user:\n    token: t\n";

  @TempDir Path work;

  /** Arguments made in the scratch folder: "@name=text" writes a file there and is its path. */
  private interface Args {
    List<String> in(Path work) throws IOException;
  }

  private static String file(Path work, String name, String text) throws IOException {
    Path path = work.resolve(name);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, text).toString();
  }

  private static String fixture(String name) {
    return Fixtures.root().resolve(name).toString();
  }

  static Stream<Arguments> rows() {
    String emptyTemplates = "templates";
    return Stream.of(
        row("render", "a request renders", ExitCode.OK, w -> List.of("--input",
            file(w, "in.yaml", GOOD), "--output", w.resolve("o").toString(), "--metadata",
            w.resolve("m").toString())),
        row("render", "a named input that is missing", ExitCode.USAGE, w -> List.of("--input",
            w.resolve("missing.yaml").toString(), "--output", w.resolve("o").toString())),
        row("render", "an invalid request", ExitCode.INVALID_INPUT, w -> List.of("--input",
            file(w, "in.yaml", GOOD + "  vcluster: {replicas: many}\n"), "--output",
            w.resolve("o").toString(), "--metadata", w.resolve("m").toString())),
        row("render", "a Secret in the output", ExitCode.OUTPUT_REFUSED, w -> List.of("--input",
            file(w, "in.yaml", "apiVersion: platform.integratn.tech/v1alpha1\nkind: VClusterCore\n"
                + "metadata: {name: s, namespace: platform-requests}\nspec:\n  name: s\n"
                + "  targetNamespace: vcluster-s\n  valuesYaml: |\n    experimental:\n"
                + "      deploy:\n        vcluster:\n          manifests: |\n"
                + "            apiVersion: v1\n            kind: Secret\n"),
            "--settings", Fixtures.openPolicy().toString(), "--output", w.resolve("o").toString(),
            "--metadata", w.resolve("m").toString())),
        row("render", "a template missing", ExitCode.TEMPLATE_ERROR, w -> List.of("--input",
            file(w, "in.yaml", GOOD), "--templates", Files.createDirectories(
                w.resolve(emptyTemplates)).toString(), "--output", w.resolve("o").toString(),
            "--metadata", w.resolve("m").toString())),
        row("render", "the output folder is a file", ExitCode.WRITE_FAILED, w -> List.of(
            "--input", file(w, "in.yaml", GOOD), "--output", file(w, "o", "a file"),
            "--metadata", w.resolve("m").toString())),

        row("check", "every request passes", ExitCode.OK, w -> List.of(file(w, "r/a.yaml", GOOD))),
        row("check", "a path that is not there", ExitCode.USAGE,
            w -> List.of(w.resolve("missing").toString())),
        row("check", "a template missing", ExitCode.TEMPLATE_ERROR, w -> List.of("--templates",
            Files.createDirectories(w.resolve(emptyTemplates)).toString(),
            file(w, "r/a.yaml", GOOD))),
        row("check", "the report cannot be written", ExitCode.WRITE_FAILED, w -> List.of(
            "--output", file(w, "blocker", "a file") + "/report.xml", file(w, "r/a.yaml", GOOD))),
        row("check", "a request fails", ExitCode.CHECK_FAILED,
            w -> List.of(file(w, "r/a.yaml", GOOD + "  nam: x\n"))),
        row("check", "no request found", ExitCode.CHECK_FAILED,
            w -> List.of(Files.createDirectories(w.resolve("empty")).toString())),

        row("test", "a case matches", ExitCode.OK, w -> List.of(fixture("orchestrator-dev-defaults"))),
        row("test", "nothing to test", ExitCode.USAGE, w -> List.of()),
        row("test", "a template missing", ExitCode.TEMPLATE_ERROR, w -> List.of("--templates",
            Files.createDirectories(w.resolve(emptyTemplates)).toString(),
            fixture("orchestrator-dev-defaults"))),
        row("test", "the report cannot be written", ExitCode.WRITE_FAILED, w -> List.of(
            "--output", file(w, "blocker", "a file") + "/junit.xml",
            fixture("orchestrator-dev-defaults"))),
        row("test", "a case differs", ExitCode.CHECK_FAILED, w -> {
          Path input = Path.of(file(w, "case/input/object.yaml", GOOD));
          file(w, "case/output/x.yaml", "expected: nothing like this\n");
          return List.of(input.getParent().getParent().toString());
        }),

        row("promises", "the promises are written", ExitCode.OK, w -> List.of("--settings",
            "builtin", "--output", w.resolve("p").toString())),
        row("promises", "no settings named", ExitCode.USAGE,
            w -> List.of("--output", w.resolve("p").toString())),
        row("promises", "the output folder is a file", ExitCode.WRITE_FAILED, w -> List.of(
            "--settings", "builtin", "--output", file(w, "p", "a file"))),
        row("promises", "a live change needs a step", ExitCode.CHECK_FAILED, w -> List.of(
            "--settings", "builtin", "--compare-live", Fixtures.projectRoot()
                .resolve("src/test/resources/live/pipeline-namespace").toString())),

        row("settings", "a new platform's settings are written", ExitCode.OK, w -> List.of(
            "--init", "--output", w.resolve("platform.yaml").toString())),
        row("settings", "settings still holding placeholders", ExitCode.USAGE, w -> List.of(
            "--check", file(w, "platform.yaml", SettingsCommand.initText()))),
        row("settings", "never over an existing file", ExitCode.WRITE_FAILED, w -> List.of(
            "--init", "--output", file(w, "platform.yaml", "baseDomain: mine.example\n"))),

        row("sync-kubeconfig", "the environment the Job sets is missing", ExitCode.USAGE,
            w -> List.of("--kubeconfig", file(w, "config", KUBECONFIG))),
        row("sync-kubeconfig", "the kubeconfig is not one", ExitCode.INVALID_INPUT, w -> List.of(
            "--kubeconfig", file(w, "config", "apiVersion: v1\nkind: Config\n"),
            "--wait-seconds", "1")),
        row("sync-kubeconfig", "no vault named", ExitCode.SYNC_FAILED, w -> List.of(
            "--kubeconfig", file(w, "config", KUBECONFIG), "--wait-seconds", "1",
            "--timeout-seconds", "1")));
  }

  private static Arguments row(String command, String reason, ExitCode code, Args args) {
    return Arguments.of(command, reason, code, args);
  }

  private static final Map<String, String> SYNC_ENVIRONMENT = Map.of(
      "OP_CONNECT_HOST", "https://connect.example.org", "OP_CONNECT_TOKEN", "t",
      "OP_ITEM_NAME", "vcluster-good-kubeconfig", "VCLUSTER_NAME", "good",
      "NAMESPACE", "vcluster-good");

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("rows")
  void eachCodeAsHelpSaysIt(String command, String reason, ExitCode code, Args args)
      throws IOException {
    List<String> line = new java.util.ArrayList<>();
    if (!command.equals("render")) {
      line.add(command);
    }
    line.addAll(args.in(work));
    Map<String, String> environment = new HashMap<>();
    if (command.equals("sync-kubeconfig") && code != ExitCode.USAGE) {
      environment.putAll(SYNC_ENVIRONMENT);
    }
    Cli result = Cli.run(environment, line.toArray(String[]::new));
    assertThat(result.exitCode()).as(reason + "\n" + result.out() + result.err())
        .isEqualTo(code.code());
    assertThat(result.err()).as(reason + ": no stack trace, no Java name")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(ExitCode.of(command)).as(reason + ": --help lists the code").contains(code);
  }

  @Test
  void everyCodeACommandListsHasARow() {
    Map<String, Set<ExitCode>> covered = new HashMap<>();
    rows().forEach(row -> covered.computeIfAbsent((String) row.get()[0],
        c -> EnumSet.noneOf(ExitCode.class)).add((ExitCode) row.get()[2]));
    for (String command : List.of("render", "check", "test", "promises", "settings",
        "sync-kubeconfig")) {
      Set<ExitCode> expected = EnumSet.copyOf(ExitCode.of(command));
      expected.remove(ExitCode.INTERNAL_ERROR);
      if (command.equals("sync-kubeconfig")) {
        expected.remove(ExitCode.OK); // against a Connect stub: KubeconfigSyncCommandTest
      }
      assertThat(new TreeSet<>(covered.getOrDefault(command, Set.of()))).as(command)
          .isEqualTo(new TreeSet<>(expected));
    }
  }

  @Test
  void aTypoOfACommandIsOneLineWithWhatWasMeant() {
    Cli result = Cli.run("chekc");
    assertExited("a typo of a command is one line with what was meant", result,
        ExitCode.USAGE, "did you mean check?");
    assertThat(result.err().lines().count()).isEqualTo(1);
  }
}

package tech.integratn.pipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.integratn.pipeline.check.GoldenRun;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.render.TemplateRenderer;
import tech.integratn.pipeline.settings.SettingsReader;

/** {@code render test}: renders cases and diffs them against their expected files. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
        "Renders test cases and compares them with their expected files, printing a unified "
            + "diff per differing file. Either the kratix test pipeline layout (--input-dir with "
            + "object.yaml, --expected-output-dir, optionally --expected-metadata-dir), or CASES "
            + "directories laid out like test-fixtures/ (<case>/input/object.yaml, <case>/output/, "
            + "<case>/metadata/, optional <case>/settings.yaml)."})
final class TestCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "CASES", description = "case directories")
  List<Path> caseDirectories = List.of();

  @Option(names = "--input-dir", paramLabel = "DIR", description = "holds object.yaml")
  Path inputDir;

  @Option(names = "--expected-output-dir", paramLabel = "DIR", description = "the expected output")
  Path expectedOutputDir;

  @Option(names = "--expected-metadata-dir", paramLabel = "DIR",
      description = "the expected metadata (status.yaml); optional")
  Path expectedMetadataDir;

  @Option(names = "--settings", paramLabel = "FILE", description = "platform settings")
  Path settings;

  @Option(names = "--templates", paramLabel = "DIR", description = "templates to render with")
  Path templates;

  @Option(names = {"-u", "--update"},
      description = "rewrite the expected files (output and metadata) with what renders now")
  boolean update;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text or junit (default: ${DEFAULT-VALUE}); junit goes to --output, else "
          + "to standard output alone (the text report then goes to standard error)")
  String format = "text";

  @Option(names = "--output", paramLabel = "FILE", description = "write the JUnit report to FILE")
  java.nio.file.Path output;

  @Option(names = "--with-parts",
      description = "a case with parts (an orchestrator) also pins what each part renders "
          + "(direct mode) in parts/ beside its output; with -u, records it")
  boolean withParts;

  private final Streams io;

  TestCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("junit")) {
      throw new PipelineException(ExitCode.USAGE, "--format is text or junit, not " + format + ".");
    }
    boolean junitToStandardOutput = output == null && format.equals("junit");
    List<GoldenRun.Case> cases = cases();
    Path scratch = scratchDirectory();
    try {
      // Standard output holds only the XML when it is the report, so it parses as it is.
      GoldenRun test = new GoldenRun(
          TemplateRenderer.of(templates),
          Optional.ofNullable(settings).map(file -> SettingsReader.forRun(file, io.environment())),
          scratch, junitToStandardOutput ? io.err() : io.out()).withParts(withParts);
      java.util.List<tech.integratn.pipeline.check.CheckResult> verdicts = test.verdicts(cases, update);
      if (format.equals("junit") || output != null) {
        String junit = tech.integratn.pipeline.check.CheckReport.junit("render test", verdicts,
            List.of(), verdicts.stream().mapToDouble(v -> v.seconds()).sum());
        if (output == null) {
          io.out().print(junit);
        } else {
          tech.integratn.pipeline.check.CheckReport.write(output, junit);
        }
      }
      return update || verdicts.stream().allMatch(v -> v.ok()) ? ExitCode.OK.code()
          : ExitCode.CHECK_FAILED.code();
    } finally {
      deleteQuietly(scratch);
    }
  }

  private static Path scratchDirectory() {
    try {
      return Files.createTempDirectory("render-test");
    } catch (IOException e) {
      throw new PipelineException(ExitCode.WRITE_FAILED, "Cannot make a scratch directory ("
          + e.getMessage() + ").");
    }
  }

  private List<GoldenRun.Case> cases() {
    if (inputDir != null || expectedOutputDir != null) {
      if (inputDir == null || expectedOutputDir == null || !caseDirectories.isEmpty()) {
        throw new PipelineException(ExitCode.USAGE, "Give --input-dir and --expected-output-dir "
            + "together, or case directories, not both.");
      }
      return List.of(new GoldenRun.Case(String.valueOf(inputDir.toAbsolutePath().normalize()
          .getParent().getFileName()), inputDir.resolve("object.yaml"),
          expectedOutputDir, expectedMetadataDir, Optional.empty()));
    }
    if (caseDirectories.isEmpty()) {
      throw new PipelineException(ExitCode.USAGE, "Nothing to test: give case directories, or "
          + "--input-dir and --expected-output-dir.");
    }
    return caseDirectories.stream().flatMap(d -> GoldenRun.casesUnder(d).stream()).toList();
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a scratch directory under the system's temporary directory
    }
  }
}

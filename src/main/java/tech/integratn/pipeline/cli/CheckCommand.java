package tech.integratn.pipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.integratn.pipeline.ExitCode;
import tech.integratn.pipeline.check.CheckReport;
import tech.integratn.pipeline.check.CheckRun;
import tech.integratn.pipeline.check.Checker;
import tech.integratn.pipeline.check.StateRepository;
import tech.integratn.pipeline.render.TemplateRenderer;
import tech.integratn.pipeline.settings.SettingsReader;

/** {@code render check}: a platform repository's CI gate for its requests. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Checks every request under the paths (directories recursively, .yaml and .yml, "
            + "multi-document files) as the Kratix step would: the CRD and the rules, the chart "
            + "schema, the render, the Secret guard, and every rendered document against its "
            + "upstream schema. Other YAML is skipped with a note."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every request passed", "2:bad command line or settings",
        "8:at least one request failed"})
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or directories")
  List<Path> paths;

  @Option(names = "--settings", paramLabel = "FILE", description = "platform settings")
  Path settings;

  @Option(names = "--templates", paramLabel = "DIR", description = "templates to check with")
  Path templates;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text, json or junit (default: ${DEFAULT-VALUE})")
  CheckReport.Format format = CheckReport.Format.text;

  @Option(names = "--with-parts",
      description = "also render each part of an orchestrator request as its own promise would "
          + "(slower; its sub-requests are checked against their promises' CRDs either way)")
  boolean withParts;

  @Option(names = "--diff-against", paramLabel = "DIR",
      description = "a state repository checkout (<promise>/<namespace>/<name>/<file>): report "
          + "what each request would add, change or remove there")
  Path diffAgainst;

  private final Streams io;

  CheckCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Checker checker = new Checker(
        TemplateRenderer.of(templates),
        SettingsReader.forRun(settings, io.environment()),
        Optional.ofNullable(diffAgainst).map(StateRepository::new), withParts);
    boolean terminal = System.console() != null && format == CheckReport.Format.text;
    CheckRun.Outcome outcome = new CheckRun(checker, terminal ? io.err() : null).run(paths);
    CheckReport.print(format, outcome.results(), outcome.skipped(), io.out());
    return outcome.ok() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
  }
}

package tech.integratn.pipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.integratn.pipeline.check.CheckReport;
import tech.integratn.pipeline.check.CheckRun;
import tech.integratn.pipeline.check.Checker;
import tech.integratn.pipeline.check.StateRepository;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.render.TemplateRenderer;
import tech.integratn.pipeline.settings.SettingsReader;

/** {@code render check}: a platform repository's CI gate for its requests. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Checks every request under the paths (directories recursively, .yaml and .yml, "
            + "multi-document files, - for standard input) as kubectl apply and the Kratix step "
            + "would: the CRD with unknown fields refused and every problem reported, the rules, "
            + "the chart schema, the render, the Secret guard, and every rendered document "
            + "against its upstream schema. Every file gets a verdict: one that cannot be read, "
            + "is too large or is not UTF-8 fails on its own. Other YAML is skipped with a note."})
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or directories; - reads standard input")
  List<Path> paths;

  @Option(names = "--settings", paramLabel = "FILE", description = "platform settings")
  Path settings;

  @Option(names = "--templates", paramLabel = "DIR", description = "templates to check with")
  Path templates;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text, json, junit or tap (default: ${DEFAULT-VALUE})")
  CheckReport.Format format = CheckReport.Format.text;

  @Option(names = "--output", paramLabel = "FILE",
      description = "write the report to FILE (the summary line still goes to standard output)")
  Path output;

  @Option(names = {"-q", "--quiet"}, description = "text: only the failures and the summary")
  boolean quiet;

  @Option(names = "--lenient",
      description = "ignore fields the CRD does not declare (as the Kratix step, which reads what "
          + "the API server pruned) instead of refusing them as kubectl apply does")
  boolean lenient;

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
        Optional.ofNullable(diffAgainst).map(StateRepository::new), withParts, lenient);
    boolean terminal = System.console() != null && format == CheckReport.Format.text
        && output == null;
    CheckRun.Outcome outcome = new CheckRun(checker, terminal ? io.err() : null, () -> System.in)
        .run(paths);
    String report = CheckReport.of(format, outcome, quiet);
    if (output == null) {
      io.out().print(report);
    } else {
      CheckReport.write(output, report);
      io.out().println(CheckReport.summary(outcome) + " (report: " + output + ")");
    }
    return outcome.ok() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
  }
}

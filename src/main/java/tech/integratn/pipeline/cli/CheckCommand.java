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
            + "against its upstream schema.",
        "Nothing passes silently: every file gets a verdict. A file that cannot be read, is too "
            + "large, is not UTF-8 or is empty fails on its own; so does any kind: Secret, and "
            + "any document that looks like a request (one of the platform's kinds, or an API "
            + "group close to " + tech.integratn.pipeline.kind.PromiseKind.GROUP + ") that no "
            + "promise serves. Other YAML, and files that are not YAML or JSON, are skipped "
            + "with a note. A run that finds no request fails unless --allow-empty. Every "
            + "problem names its file, line and field."})
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or directories; - reads standard input")
  List<Path> paths;

  @Option(names = "--settings", paramLabel = "FILE", description = "platform settings")
  Path settings;

  @Option(names = "--templates", paramLabel = "DIR", description = "templates to check with")
  Path templates;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text, json, junit, tap, github (workflow annotations on each file and "
          + "line; run from the repository's root) or sarif (default: ${DEFAULT-VALUE})")
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

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "leave out files and folders the glob matches, by their path under a "
          + "folder given or by their own name (repeatable): --exclude '.github/**' "
          + "--exclude '*.tmpl.yaml'")
  List<String> excludes = new java.util.ArrayList<>();

  @Option(names = "--fail-fast", description = "stop at the first document that fails")
  boolean failFast;

  @Option(names = "--allow-empty",
      description = "pass when no request is found (by default that fails: a gate pointed at "
          + "the wrong folder must not pass)")
  boolean allowEmpty;

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
        .options(allowEmpty, failFast, excludes).run(paths);
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

package tech.integratn.pipeline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.integratn.pipeline.Pipeline;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.kind.Mode;
import tech.integratn.pipeline.render.TemplateRenderer;
import tech.integratn.pipeline.settings.BuildInfo;
import tech.integratn.pipeline.settings.SettingsReader;

/** The Kratix workflow step: with no arguments it reads and writes the standard Kratix paths. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = RenderCommand.Version.class,
    sortOptions = false,
    description = {
        "Renders a vcluster platform resource (VClusterOrchestrator and its sub-requests) into "
            + "the Kubernetes documents Kratix publishes to the state repository.",
        "Refuses to publish a Secret or unparsable YAML; writes all files or none."})
public final class RenderCommand implements Callable<Integer> {
  public static final String ACTION_ENV = "KRATIX_WORKFLOW_ACTION";
  public static final String DRY_RUN_ENV = "KRATIX_DRY_RUN";

  @Option(names = "--input", paramLabel = "FILE", description = "resource to render (default: ${DEFAULT-VALUE})")
  Path input = Path.of("/kratix/input/object.yaml");

  @Option(names = "--output", paramLabel = "DIR", description = "where rendered files go (default: ${DEFAULT-VALUE})")
  Path output = Path.of("/kratix/output");

  @Option(names = "--metadata", paramLabel = "DIR", description = "where status.yaml goes (default: ${DEFAULT-VALUE})")
  Path metadata = Path.of("/kratix/metadata");

  @Option(names = "--templates", paramLabel = "DIR",
      description = "templates laid out as <promise>/<file>.ftl (default: the bundled templates)")
  Path templates;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "platform settings (default: the text $" + SettingsReader.INLINE_VARIABLE
          + " holds, as the promises set it, else the file $" + SettingsReader.ENVIRONMENT_VARIABLE
          + " names, which must exist, else the built-in defaults)")
  Path settings;

  @Option(names = "--mode", paramLabel = "MODE",
      description = "compound (write the orchestrator's sub-requests) or direct (render them "
          + "here and write their documents); default: the kind's own (VCluster: direct)")
  Mode mode;

  @Option(names = "--action", paramLabel = "ACTION",
      description = "configure or delete (default: $" + ACTION_ENV + ", else configure)")
  Action action;

  enum Action { configure, delete }

  private final Map<String, String> environment;
  private final PrintStream out;
  private final PrintStream err;

  public RenderCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.out, System.err, args));
  }

  /** Runs the command as the process would and returns its exit code. */
  public static int run(Map<String, String> environment, PrintStream out, PrintStream err,
      String... args) {
    RenderCommand command = new RenderCommand(environment, out, err);
    if (args.length == 0) {
      // The Kratix step passes no arguments (each kind's mode is its own) and the fields already
      // hold every default, so there is nothing to parse: skipping picocli's set-up saves a
      // seventh of a cold render's CPU per pod.
      try {
        return command.call();
      } catch (RuntimeException e) {
        return internalError(e, err);
      }
    }
    CommandLine cli = new CommandLine(command);
    // Each subcommand costs picocli's reflection to set up: only the one asked for is (or all
    // three for --help), so a render with arguments pays for none.
    Streams streams = new Streams(environment, out, err);
    Map<String, java.util.function.Supplier<Object>> subcommands = Map.of(
        "sync-kubeconfig", () -> new SyncKubeconfigCommand(streams),
        "check", () -> new CheckCommand(streams),
        "test", () -> new TestCommand(streams),
        "promises", () -> new PromisesCommand(streams),
        "settings", () -> new SettingsCommand(streams));
    if (subcommands.containsKey(args[0])) {
      cli.addSubcommand(args[0], subcommands.get(args[0]).get());
    } else if (args[0].equals("help") || java.util.Arrays.asList(args).contains("--help")
        || java.util.Arrays.asList(args).contains("-h")) {
      new java.util.TreeMap<>(subcommands).forEach((name, make) -> cli.addSubcommand(name, make.get()));
      cli.addSubcommand("help", new CommandLine.HelpCommand());
    }
    exitCodes(cli, "render");
    cli.getSubcommands().forEach((name, subcommand) -> exitCodes(subcommand, name));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(new UsageErrors(subcommands.keySet()));
    // One mapper for every command: a refusal is one paragraph and its exit code, anything else
    // is a bug.
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) ->
        e instanceof PipelineException refusal ? refused(refusal, err) : internalError(e, err));
    return cli.execute(args);
  }

  /** Every --help lists its command's exit codes from the one table. */
  private static void exitCodes(CommandLine command, String name) {
    command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.help(name));
  }

  private static int refused(PipelineException e, PrintStream err) {
    err.println(e.getMessage());
    return e.exitCode().code();
  }

  private static int internalError(Exception e, PrintStream err) {
    err.println("Internal error (a bug in the pipeline image, not in your request): " + e);
    e.printStackTrace(err);
    return ExitCode.INTERNAL_ERROR.code();
  }

  @Override
  public Integer call() {
    try {
      Pipeline pipeline = new Pipeline(out);
      if (effectiveAction() == Action.delete) {
        pipeline.delete(input);
      } else {
        SettingsReader.Chosen platform = SettingsReader.choose(settings, environment);
        out.println(platform.describe());
        pipeline.configure(new Pipeline.Settings(input, output, metadata,
            TemplateRenderer.of(templates), platform.settings(), mode,
            "true".equalsIgnoreCase(environment.getOrDefault(DRY_RUN_ENV, "").trim())));
      }
      return ExitCode.OK.code();
    } catch (PipelineException e) {
      return refused(e, err);
    }
  }

  private Action effectiveAction() {
    if (action != null) {
      return action;
    }
    String fromEnv = environment.getOrDefault(ACTION_ENV, "");
    if (fromEnv.isEmpty()) {
      return Action.configure;
    }
    try {
      return Action.valueOf(fromEnv.trim().toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new PipelineException(ExitCode.USAGE, ACTION_ENV + " is \"" + fromEnv
          + "\"; it must be configure or delete.");
    }
  }

  /** Reports the version and image the build stamped into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"vcluster pipeline " + BuildInfo.version() + " (image "
          + BuildInfo.image() + ")"};
    }
  }
}

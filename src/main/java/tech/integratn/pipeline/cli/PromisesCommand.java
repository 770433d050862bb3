package tech.integratn.pipeline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.install.InstallablePromises;
import tech.integratn.pipeline.install.LiveComparison;
import tech.integratn.pipeline.settings.BuildInfo;
import tech.integratn.pipeline.settings.SettingsReader;

/** Writes the promises a platform installs, with its settings and the image to run. */
@Command(
    name = "promises",
    mixinStandardHelpOptions = true,
    description = {
        "Writes the installable promises (OUTPUT/<promise>/promise.yaml) for one platform: every "
            + "workflow runs IMAGE and carries the settings in $" + SettingsReader.INLINE_VARIABLE
            + ", and each promise selects its Destinations by the settings' scheduling labels.",
        "With --compare-live DIR it writes nothing: it reads the live promises (and "
            + "destinations) saved there with kubectl get -o yaml and reports what installing "
            + "these would change."})
final class PromisesCommand implements Callable<Integer> {
  /** What --settings takes to mean the built-in defaults (the homelab's), said out loud. */
  static final String BUILTIN = "builtin";

  @Option(names = "--settings", paramLabel = "FILE", required = true,
      description = "the platform settings (required: a file, or " + BUILTIN + " for the "
          + "built-in defaults, which are the homelab's; render settings --init writes a start)")
  String settings;

  @Option(names = "--image", paramLabel = "REF",
      description = "the pipeline image, with a tag or an @sha256: digest, which every "
          + "workflow and every kubeconfig sync Job runs (default: ${DEFAULT-VALUE})")
  String image = BuildInfo.image();

  @Option(names = "--output", paramLabel = "DIR",
      description = "where to write <promise>/promise.yaml (required unless --compare-live)")
  Path output;

  @Option(names = "--compare-live", paramLabel = "DIR",
      description = "read-only: compare with the output of kubectl get promises,destinations "
          + "-o yaml saved under DIR; exit 8 when a change needs a step (docs/operating.md)")
  Path compareLive;

  private final Streams io;

  PromisesCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    // The file, or the defaults when asked for by name: the environment a promise sets plays
    // no part here, and no settings at all is not taken to mean the homelab's.
    boolean builtin = settings.equals(BUILTIN);
    if (settings.isBlank()) {
      throw new PipelineException(ExitCode.USAGE, "--settings is empty. Pass the platform's "
          + "settings file, or --settings " + BUILTIN + " for the built-in (homelab) defaults.");
    }
    SettingsReader.Chosen platform = SettingsReader.choose(builtin ? null : Path.of(settings),
        Map.of());
    if (output == null && compareLive == null) {
      throw new PipelineException(ExitCode.USAGE, "render promises needs --output DIR (where to "
          + "write the promises) or --compare-live DIR (what installing them would change).");
    }
    Map<String, String> promises = InstallablePromises.render(image.trim(), platform.text(),
        platform.settings(), builtin ? "(the built-in defaults)" : settings);
    if (compareLive != null) {
      return compare(promises);
    }
    for (Map.Entry<String, String> promise : promises.entrySet()) {
      Path file = output.resolve(promise.getKey()).resolve("promise.yaml");
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, promise.getValue(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new PipelineException(ExitCode.WRITE_FAILED, "Cannot write " + file + " ("
            + PipelineException.withoutJavaNames(String.valueOf(e.getMessage())) + "). Check "
            + "--output.");
      }
    }
    var scheduling = platform.settings().scheduling();
    io.out().println("wrote " + promises.size() + " promises to " + output + ": "
        + String.join(", ", promises.keySet()));
    io.out().println("image: " + image.trim() + " (every workflow and every kubeconfig sync Job)");
    io.out().println(builtin ? "settings: the built-in defaults, the homelab's (digest "
        + platform.digest() + ")" : platform.describe());
    io.out().println("destinations: sub-requests to " + labels(scheduling.subRequestSelectorLabels())
        + ", parts to " + labels(scheduling.partSelectorLabels()));
    return ExitCode.OK.code();
  }

  private static String labels(Map<String, String> selector) {
    return selector == null || selector.isEmpty() ? "any Destination (no selector)"
        : selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(java.util.stream.Collectors.joining(",")) + " Destinations";
  }

  private int compare(Map<String, String> promises) {
    LiveComparison.Live live = LiveComparison.read(compareLive);
    List<LiveComparison.Finding> findings = LiveComparison.compare(promises, live);
    for (LiveComparison.Finding finding : findings) {
      io.out().println(finding);
    }
    long actions = findings.stream()
        .filter(f -> f.severity() == LiveComparison.Severity.ACTION).count();
    io.out().println("compared " + promises.size() + " promises with " + live.promises().size()
        + " live promises and " + live.destinations().size() + " destinations in " + compareLive
        + ": " + actions + " action(s), " + (findings.size() - actions) + " note(s)"
        + (actions > 0 ? "; see docs/operating.md, \"Switching over\"" : ""));
    return actions > 0 ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
  }
}

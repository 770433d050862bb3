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
  @Option(names = "--settings", paramLabel = "FILE",
      description = "the platform settings (default: the built-in defaults)")
  Path settings;

  @Option(names = "--image", paramLabel = "REF",
      description = "the pipeline image, with a tag or an @sha256: digest (default: ${DEFAULT-VALUE})")
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
    // The file, or the defaults: the environment a promise sets plays no part here.
    SettingsReader.Chosen platform = SettingsReader.choose(settings, Map.of());
    if (output == null && compareLive == null) {
      throw new PipelineException(ExitCode.USAGE, "render promises needs --output DIR (where to "
          + "write the promises) or --compare-live DIR (what installing them would change).");
    }
    Map<String, String> promises = InstallablePromises.render(image.trim(), platform.text(),
        platform.settings(), settings == null ? "(the built-in defaults)" : settings.toString());
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
            + e.getMessage() + ").");
      }
    }
    io.out().println("wrote " + promises.size() + " promises to " + output + " for image "
        + image.trim() + "; " + platform.describe());
    return ExitCode.OK.code();
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

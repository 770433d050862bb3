package tech.integratn.pipeline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.install.InstallablePromises;
import tech.integratn.pipeline.settings.BuildInfo;
import tech.integratn.pipeline.settings.SettingsReader;

/** Writes the promises a platform installs, with its settings and the image to run. */
@Command(
    name = "promises",
    mixinStandardHelpOptions = true,
    description = {
        "Writes the installable promises (OUTPUT/<promise>/promise.yaml) for one platform: every "
            + "workflow runs IMAGE and carries the settings in $" + SettingsReader.INLINE_VARIABLE
            + ", and each promise selects its Destinations by the settings' scheduling labels."})
final class PromisesCommand implements Callable<Integer> {
  @Option(names = "--settings", paramLabel = "FILE",
      description = "the platform settings (default: the built-in defaults)")
  Path settings;

  @Option(names = "--image", paramLabel = "REF",
      description = "the pipeline image, with a tag or an @sha256: digest (default: ${DEFAULT-VALUE})")
  String image = BuildInfo.image();

  @Option(names = "--output", paramLabel = "DIR", required = true,
      description = "where to write <promise>/promise.yaml")
  Path output;

  private final Streams io;

  PromisesCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    // The file, or the defaults: the environment a promise sets plays no part here.
    SettingsReader.Chosen platform = SettingsReader.choose(settings, Map.of());
    Map<String, String> promises = InstallablePromises.render(image.trim(), platform.text(),
        platform.settings());
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
}

package tech.integratn.pipeline.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.integratn.pipeline.ExitCode;
import tech.integratn.pipeline.PipelineException;

/**
 * Writes a set of files all or nothing: everything is rendered and checked before this runs, and
 * if any write fails, the files already written by this run are removed again.
 */
public final class OutputWriter {

  /** A file to write: its full path and its text. */
  public record Target(Path path, String content) {}

  public void writeAll(List<Target> targets) {
    List<Path> written = new ArrayList<>();
    try {
      for (Target target : targets) {
        Path parent = target.path().toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(target.path(), target.content());
        written.add(target.path());
      }
    } catch (IOException e) {
      for (Path path : written) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException ignored) {
          // best effort; the failure below is what the operator needs to see
        }
      }
      throw new PipelineException(ExitCode.WRITE_FAILED, "Could not write " + e.getMessage()
          + "; nothing from this run was kept. Check that the output and metadata directories "
          + "exist and are writable.", e);
    }
  }
}

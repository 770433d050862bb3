package tech.integratn.pipeline.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;

/**
 * Writes a run's files all or nothing, and never anywhere but where they belong:
 * <ul>
 *   <li>each file is written beside its final name and renamed into place, so no reader ever
 *       sees a truncated file;</li>
 *   <li>a symbolic link where a file or directory goes is refused, never followed or replaced;</li>
 *   <li>the output directory must hold nothing this run does not write (Kratix publishes every
 *       file in it), and nothing is deleted that this run did not create;</li>
 *   <li>a failed write or SIGTERM removes what this run created; every error names the file.</li>
 * </ul>
 */
public final class OutputWriter {
  private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

  /** A file to write: {@code name} (may hold '/') inside {@code directory}, and its text. */
  public record Target(Path directory, String name, String content) {
    Path path() {
      return directory.resolve(name);
    }
  }

  /**
   * Writes {@code targets}; {@code published} is the directory Kratix publishes whole, which
   * must hold no file but the targets inside it.
   */
  public void writeAll(Path published, List<Target> targets) {
    Set<Path> directories = new LinkedHashSet<>();
    for (Target target : targets) {
      checkNoLinks(target);
      directories.add(target.path().getParent());
    }
    refuseStrangers(published, targets);
    Run run = new Run();
    Thread onTerm = new Thread(run::abort, "remove-partial-output");
    Runtime.getRuntime().addShutdownHook(onTerm);
    try {
      for (Path directory : directories) {
        run.createDirectories(directory);
      }
      List<Path[]> moves = new ArrayList<>();
      for (Target target : targets) {
        moves.add(new Path[] {run.writeBeside(target), target.path()});
      }
      for (Path[] move : moves) {
        run.moveIntoPlace(move[0], move[1]);
      }
      run.finish();
    } catch (WriteFailure failure) {
      run.abort();
      throw new PipelineException(ExitCode.WRITE_FAILED, "Could not write " + failure.file + " ("
          + describe(failure.cause) + "); nothing from this run was kept. Check that the output "
          + "and metadata directories are writable and have free space.", failure.cause);
    } finally {
      // Whatever ended the run early, an error of the JVM's own included, keeps nothing of it
      // (after finish() this does nothing).
      run.abort();
      try {
        Runtime.getRuntime().removeShutdownHook(onTerm);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: it cleans up
      }
    }
  }

  /** Every path from the target's directory down to the file must not be a symbolic link. */
  private static void checkNoLinks(Target target) {
    Path path = target.directory();
    refuseLink(path);
    for (Path part : Path.of(target.name())) {
      path = path.resolve(part);
      refuseLink(path);
    }
    if (Files.isDirectory(target.path(), NO_FOLLOW)) {
      throw new PipelineException(ExitCode.WRITE_FAILED, "Could not write " + target.path()
          + ": a directory is in the way. Remove it, or choose another output directory.");
    }
  }

  private static void refuseLink(Path path) {
    if (Files.isSymbolicLink(path)) {
      throw new PipelineException(ExitCode.WRITE_FAILED, "Refusing to write through the symbolic "
          + "link " + path + ": output is never written through a link, which could point "
          + "outside the output directory. Remove the link, or choose another directory.");
    }
  }

  /**
   * Kratix publishes every file in the output directory, so one this run does not write would
   * be published as if rendered: refused, and left where it is.
   */
  private static void refuseStrangers(Path published, List<Target> targets) {
    Set<Path> ours = new LinkedHashSet<>();
    for (Target target : targets) {
      ours.add(target.path().toAbsolutePath().normalize());
    }
    Set<String> strangers = new TreeSet<>();
    if (!Files.isDirectory(published, NO_FOLLOW)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(published)) {
      walk.filter(p -> !Files.isDirectory(p, NO_FOLLOW))
          .filter(p -> !ours.contains(p.toAbsolutePath().normalize()))
          .forEach(p -> strangers.add(published.relativize(p).toString()));
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new PipelineException(ExitCode.WRITE_FAILED, "Could not list the output directory "
          + published + " (" + e.getMessage() + "). Check that it is readable.");
    }
    if (!strangers.isEmpty()) {
      List<String> shown = strangers.stream().limit(5).toList();
      throw new PipelineException(ExitCode.WRITE_FAILED, "Refusing to write into " + published
          + ": it already holds " + strangers.size() + " file(s) this run does not render ("
          + String.join(", ", shown) + (strangers.size() > shown.size() ? ", ..." : "")
          + "), which would be published beside the output. Remove them, or use an empty "
          + "directory; nothing was written.");
    }
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "a directory on its path does not exist";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "something else appeared there meanwhile";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return message == null ? "an input/output error" : message;
  }

  /** What one run created, so that a failure or SIGTERM can take exactly that away again. */
  private static final class Run {
    private final List<Path> temporaries = new ArrayList<>();
    private final List<Path> createdFiles = new ArrayList<>();
    private final List<Path> createdDirectories = new ArrayList<>();
    private boolean over;

    synchronized void createDirectories(Path directory) throws WriteFailure {
      List<Path> missing = new ArrayList<>();
      for (Path p = directory.toAbsolutePath(); p != null && !Files.exists(p, NO_FOLLOW);
          p = p.getParent()) {
        missing.add(0, p);
      }
      for (Path p : missing) {
        try {
          Files.createDirectory(p);
          createdDirectories.add(0, p);
        } catch (IOException e) {
          throw new WriteFailure(p, e);
        }
      }
    }

    /** Under the lock, so SIGTERM's clean-up never runs between creating and recording. */
    synchronized Path writeBeside(Target target) throws WriteFailure {
      checkNotOver();
      Path finalPath = target.path();
      Path temporary = finalPath.resolveSibling("." + finalPath.getFileName() + ".tmp-"
          + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
      temporaries.add(temporary);
      try {
        // CREATE_NEW never follows a link planted under the temporary name.
        Files.writeString(temporary, target.content(), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (IOException e) {
        throw new WriteFailure(finalPath, e);
      }
      return temporary;
    }

    synchronized void moveIntoPlace(Path temporary, Path finalPath) throws WriteFailure {
      checkNotOver();
      boolean existed = Files.exists(finalPath, NO_FOLLOW);
      try {
        Files.move(temporary, finalPath, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new WriteFailure(finalPath, e);
      }
      temporaries.remove(temporary);
      if (!existed) {
        createdFiles.add(finalPath);
      }
    }

    synchronized void finish() {
      over = true;
    }

    /** Removes this run's temporaries, the files it created, and the directories it made. */
    synchronized void abort() {
      if (over) {
        return;
      }
      over = true;
      for (Path path : temporaries) {
        deleteQuietly(path);
      }
      for (Path path : createdFiles) {
        deleteQuietly(path);
      }
      for (Path path : createdDirectories) {
        deleteQuietly(path);
      }
    }

    private void checkNotOver() throws WriteFailure {
      if (over) {
        throw new WriteFailure(Path.of("(output)"), new IOException("the run was stopped"));
      }
    }

    private static void deleteQuietly(Path path) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // a directory that is not empty was not only ours; anything else is best effort
      }
    }
  }

  private static final class WriteFailure extends Exception {
    final transient Path file;
    final IOException cause;

    WriteFailure(Path file, IOException cause) {
      super(cause);
      this.file = file;
      this.cause = cause;
    }
  }
}

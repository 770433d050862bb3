package tech.integratn.pipeline.check;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import tech.integratn.pipeline.ExitCode;
import tech.integratn.pipeline.Pipeline;
import tech.integratn.pipeline.PipelineException;
import tech.integratn.pipeline.render.TemplateRenderer;
import tech.integratn.pipeline.settings.PlatformSettings;
import tech.integratn.pipeline.settings.SettingsReader;

/**
 * {@code render test}: renders cases and compares them with their expected files, like
 * {@code kratix test pipeline} ({@code input/object.yaml} against an expected output directory,
 * and optionally the expected metadata). A differing file prints as a unified diff.
 */
public final class PipelineTest {
  /** One case: the request, the expected output and (optional) metadata, settings if any. */
  public record Case(String name, Path input, Path expectedOutput, Path expectedMetadata,
      Optional<Path> settings) {
    /** A case directory laid out like test-fixtures/: input/, output/, metadata/, settings.yaml. */
    public static Case inDirectory(Path dir) {
      Path settings = dir.resolve("settings.yaml");
      return new Case(dir.getFileName().toString(), dir.resolve("input/object.yaml"),
          dir.resolve("output"), dir.resolve("metadata"),
          Files.isRegularFile(settings) ? Optional.of(settings) : Optional.empty());
    }
  }

  private final TemplateRenderer templates;
  private final Optional<PlatformSettings> settings;
  private final Path scratch;
  private final PrintStream out;
  private int scratchCount;

  public PipelineTest(TemplateRenderer templates, Optional<PlatformSettings> settings,
      Path scratch, PrintStream out) {
    this.templates = templates;
    this.settings = settings;
    this.scratch = scratch;
    this.out = out;
  }

  /** The cases of a directory: itself if it is one, else each case directory below it. */
  public static List<Case> casesUnder(Path dir) {
    if (Files.isRegularFile(dir.resolve("input/object.yaml"))) {
      return List.of(Case.inDirectory(dir));
    }
    try (Stream<Path> children = Files.list(dir)) {
      List<Case> cases = children.filter(d -> Files.isRegularFile(d.resolve("input/object.yaml")))
          .sorted().map(Case::inDirectory).toList();
      if (cases.isEmpty()) {
        throw new PipelineException(ExitCode.USAGE, dir + " holds no case: a case is a directory "
            + "with input/object.yaml and output/ (and optionally metadata/ and settings.yaml).");
      }
      return cases;
    } catch (IOException e) {
      throw new PipelineException(ExitCode.USAGE, "Cannot read " + dir + " (" + e.getMessage() + ").");
    }
  }

  /** Runs every case; true when all matched (or were updated). */
  public boolean run(List<Case> cases, boolean update) {
    int failed = 0;
    for (Case c : cases) {
      if (!runOne(c, update)) {
        failed++;
      }
    }
    out.println(cases.size() + " cases: " + (cases.size() - failed) + " passed, " + failed
        + " failed" + (update ? " (expectations updated)" : ""));
    return failed == 0 || update;
  }

  private boolean runOne(Case c, boolean update) {
    // A scratch folder of its own: never derived from the case's name, which may be a path.
    Path work = scratch.resolve("case-" + (++scratchCount));
    Path output = work.resolve("output");
    Path metadata = work.resolve("metadata");
    PlatformSettings platform = c.settings().map(SettingsReader::read)
        .or(() -> settings).orElseGet(SettingsReader::defaults);
    try {
      new Pipeline(new PrintStream(OutputStream.nullOutputStream())).configure(
          new Pipeline.Settings(c.input(), output, metadata, templates, platform, null, false));
    } catch (PipelineException e) {
      out.println("FAIL  " + c.name() + ": the render failed: " + e.getMessage());
      return false;
    }
    List<String> differences = new ArrayList<>();
    compare(output, c.expectedOutput(), differences);
    if (c.expectedMetadata() != null && Files.isDirectory(c.expectedMetadata())) {
      compare(metadata, c.expectedMetadata(), differences);
    }
    if (differences.isEmpty()) {
      out.println("ok    " + c.name());
      return true;
    }
    if (update) {
      replace(output, c.expectedOutput());
      if (c.expectedMetadata() != null && Files.isDirectory(c.expectedMetadata())) {
        replace(metadata, c.expectedMetadata());
      }
      out.println("updated " + c.name());
      return true;
    }
    out.println("FAIL  " + c.name());
    differences.forEach(out::println);
    return false;
  }

  private static void compare(Path actualDir, Path expectedDir, List<String> differences) {
    TreeSet<String> names = new TreeSet<>(files(actualDir));
    names.addAll(files(expectedDir));
    for (String name : names) {
      List<String> expected = lines(expectedDir.resolve(name));
      List<String> actual = lines(actualDir.resolve(name));
      if (!expected.equals(actual)) {
        differences.addAll(UnifiedDiff.of(expectedDir.resolve(name).toString(),
            "rendered " + name, expected, actual));
      }
    }
  }

  private static List<String> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Files.readString(file, StandardCharsets.UTF_8).lines().toList() : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void replace(Path from, Path to) {
    try {
      for (String stale : files(to)) {
        Files.delete(to.resolve(stale));
      }
      for (String name : files(from)) {
        Files.createDirectories(to.resolve(name).getParent());
        Files.copy(from.resolve(name), to.resolve(name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

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
import tech.integratn.pipeline.Pipeline;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.render.TemplateRenderer;
import tech.integratn.pipeline.settings.PlatformSettings;
import tech.integratn.pipeline.settings.SettingsReader;
import tech.integratn.pipeline.yaml.BoundedText;

/**
 * {@code render test} and the project's own golden-file test: renders cases and compares them with their expected files, like
 * {@code kratix test pipeline} ({@code input/object.yaml} against an expected output directory,
 * and optionally the expected metadata). A differing file prints as a unified diff.
 */
public final class GoldenRun {
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
  private boolean withParts;

  /** The folder beside a case's output that pins what its parts render (direct mode). */
  public static final String PARTS = "parts";

  /**
   * {@code withParts}: a case of a kind with parts must also pin what each part renders (direct
   * mode) in {@value #PARTS}/ beside its output, so a change in a part's template fails it; --update
   * records it. Without it, a {@value #PARTS}/ folder that exists is compared all the same.
   */
  public GoldenRun withParts(boolean withParts) {
    this.withParts = withParts;
    return this;
  }

  public GoldenRun(TemplateRenderer templates, Optional<PlatformSettings> settings,
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

  /**
   * Every case's verdict, printed as it goes (ok, updated, or FAIL with the diffs); a case that
   * fails to render, or whose files cannot be compared, fails on its own.
   */
  public List<CheckResult> verdicts(List<Case> cases, boolean update) {
    List<CheckResult> verdicts = new ArrayList<>();
    for (Case c : cases) {
      long start = System.nanoTime();
      List<String> problems;
      try {
        problems = runOne(c, update);
      } catch (PipelineException e) {
        if (e.exitCode() == ExitCode.TEMPLATE_ERROR) {
          throw e;
        }
        problems = List.of(e.getMessage());
        out.println("FAIL  " + c.name() + ": " + e.getMessage());
      } catch (RuntimeException e) {
        problems = List.of("the case could not be compared (a bug in the image; please report it)");
        out.println("FAIL  " + c.name() + ": " + problems.get(0));
      }
      verdicts.add(CheckResult.of(c.name(), new CheckResult.Subject("case", "", c.name()),
          problems.stream().map(p -> new PipelineException.Problem(c.name(), p)).toList(),
          List.of(), List.of(), (System.nanoTime() - start) / 1e9));
    }
    long failed = verdicts.stream().filter(v -> !v.ok()).count();
    out.println(Words.plural(cases.size(), "case") + ": " + (cases.size() - failed)
        + " passed, " + failed + " failed" + (update ? " (expectations updated)" : ""));
    return verdicts;
  }

  /** The case's problems; none when it matched or was updated. */
  private List<String> runOne(Case c, boolean update) {
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
      if (e.exitCode() == ExitCode.TEMPLATE_ERROR) {
        throw e; // the run's templates, not this case: exit 5
      }
      out.println("FAIL  " + c.name() + ": the render failed: " + e.getMessage());
      return List.of("the render failed: " + e.getMessage());
    }
    Path expectedParts = c.expectedOutput().resolveSibling(PARTS);
    Path parts = work.resolve(PARTS);
    boolean comparesParts = hasParts(c.input()) && (withParts || Files.isDirectory(expectedParts));
    if (comparesParts) {
      try {
        new Pipeline(new PrintStream(OutputStream.nullOutputStream())).configure(
            new Pipeline.Settings(c.input(), parts, work.resolve("parts-metadata"), templates,
                platform, tech.integratn.pipeline.kind.Mode.DIRECT, false));
      } catch (PipelineException e) {
        if (e.exitCode() == ExitCode.TEMPLATE_ERROR) {
          throw e;
        }
        out.println("FAIL  " + c.name() + ": the parts' render failed: " + e.getMessage());
        return List.of("the parts' render failed: " + e.getMessage());
      }
    }
    boolean withMetadata = c.expectedMetadata() != null
        && (Files.isDirectory(c.expectedMetadata()) || update);
    if (update) {
      replace(output, c.expectedOutput());
      if (withMetadata) {
        replace(metadata, c.expectedMetadata());
      }
      if (comparesParts) {
        replace(parts, expectedParts);
      }
      out.println("updated " + c.name());
      return List.of();
    }
    if (files(c.expectedOutput()).isEmpty()) {
      String hint = "no expected files yet in " + c.expectedOutput() + ": check what renders, "
          + "then record it with render test --update (-u)";
      out.println("FAIL  " + c.name() + ": " + hint);
      return List.of(hint);
    }
    if (comparesParts && files(expectedParts).isEmpty()) {
      String hint = "no expected files yet in " + expectedParts + " (what its parts render, "
          + "--with-parts): check what renders, then record it with render test --with-parts -u";
      out.println("FAIL  " + c.name() + ": " + hint);
      return List.of(hint);
    }
    List<String> differences = new ArrayList<>();
    compare(output, c.expectedOutput(), differences);
    if (withMetadata) {
      compare(metadata, c.expectedMetadata(), differences);
    }
    if (comparesParts) {
      compare(parts, expectedParts, differences);
    }
    if (differences.isEmpty()) {
      out.println("ok    " + c.name());
      return List.of();
    }
    out.println("FAIL  " + c.name());
    differences.forEach(out::println);
    // The diff itself, so a JUnit failure holds what differs and not a pointer to the console.
    return List.of(differences.stream().filter(d -> d.startsWith("--- ") || d.startsWith("only ")
        || d.startsWith("too large")).count() + " file(s) differ:\n" + String.join("\n",
            differences));
  }

  /** Whether the case's request is of a kind with parts (an orchestrator). */
  private static boolean hasParts(Path input) {
    try (java.io.InputStream in = Files.newInputStream(input)) {
      String text = BoundedText.read(in, 2 * 1024 * 1024);
      return tech.integratn.pipeline.kind.PromiseKind.byKind(Checker.DocumentIdentity.of(text)
          .kind()).map(k -> k.hasParts()).orElse(false);
    } catch (IOException | RuntimeException e) {
      return false; // the render says what is wrong with the input
    }
  }

  /** Files larger than this are compared byte for byte, without a diff. */
  private static final int MAX_COMPARED_BYTES = 16 * 1024 * 1024;
  /** Past this many lines a diff is not drawn: its cost grows with the lines and the changes. */
  private static final int MAX_DIFF_LINES = 20_000;

  private static void compare(Path actualDir, Path expectedDir, List<String> differences) {
    TreeSet<String> names = new TreeSet<>(files(actualDir));
    names.addAll(files(expectedDir));
    for (String name : names) {
      Optional<String> expected = text(expectedDir.resolve(name));
      Optional<String> actual = text(actualDir.resolve(name));
      if (expected.isEmpty() || actual.isEmpty()) {
        differences.add("too large to compare: " + expectedDir.resolve(name) + " (over "
            + MAX_COMPARED_BYTES / (1024 * 1024) + " MiB)");
        continue;
      }
      if (expected.get().equals(actual.get())) {
        continue;
      }
      List<String> expectedLines = expected.get().lines().toList();
      List<String> actualLines = actual.get().lines().toList();
      if (expectedLines.equals(actualLines)) {
        continue;
      }
      if (expectedLines.size() > MAX_DIFF_LINES || actualLines.size() > MAX_DIFF_LINES) {
        differences.add("too large to diff: " + expectedDir.resolve(name) + " differs ("
            + expectedLines.size() + " lines expected, " + actualLines.size() + " rendered)");
        continue;
      }
      differences.addAll(UnifiedDiff.of(expectedDir.resolve(name).toString(),
          "rendered " + name, expectedLines, actualLines));
    }
  }

  /** A file's text, "" when it is not there, empty when it is too large to compare. */
  private static Optional<String> text(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.of("");
    }
    try (java.io.InputStream in = Files.newInputStream(file)) {
      // Not strict: a file that is not UTF-8 still differs visibly from what renders.
      byte[] bytes = BoundedText.bytes(in, MAX_COMPARED_BYTES);
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (BoundedText.TooLarge e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new PipelineException(ExitCode.USAGE, "Cannot read " + file + " ("
          + PipelineException.withoutJavaNames(e.getMessage()) + ").");
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

  private static void replace(Path from, Path to) {
    try {
      Files.createDirectories(to);
      for (String stale : files(to)) {
        Files.delete(to.resolve(stale));
      }
      for (String name : files(from)) {
        Files.createDirectories(to.resolve(name).getParent());
        Files.copy(from.resolve(name), to.resolve(name));
      }
    } catch (IOException e) {
      throw new PipelineException(ExitCode.WRITE_FAILED, "Cannot update " + to + " ("
          + PipelineException.withoutJavaNames(e.getMessage()) + ").");
    }
  }
}

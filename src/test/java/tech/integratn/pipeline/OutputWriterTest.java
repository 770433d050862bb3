package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.write.OutputWriter;
import tech.integratn.pipeline.write.OutputWriter.Target;

/** Faults around the output directories: full disks, links, strangers, signals. */
class OutputWriterTest {
  private static final String INPUT =
      Fixtures.input(Fixtures.root().resolve("orchestrator-prod-preset")).toString();

  @TempDir Path work;

  private Cli render(Path out, Path meta) {
    return Cli.run("--input", INPUT, "--output", out.toString(), "--metadata", meta.toString());
  }

  @Test
  void aSecondRunIntoItsOwnOutputReplacesTheFiles() {
    assertThat(render(work.resolve("out"), work.resolve("meta")).exitCode()).isZero();
    Cli again = render(work.resolve("out"), work.resolve("meta"));
    assertThat(again.exitCode()).as(again.err()).isZero();
  }

  @Test
  void aFileThisRunDoesNotRenderIsRefusedAndLeftAlone() throws IOException {
    Path out = Files.createDirectories(work.resolve("out"));
    Path stale = Files.writeString(out.resolve("stale-secret.yaml"), "apiVersion: v1\nkind: Secret\n");

    Cli result = render(out, work.resolve("meta"));

    assertExited("a file this run does not render is refused and left alone", result,
        ExitCode.WRITE_FAILED, "stale-secret.yaml");
    assertThat(Files.readString(stale)).isEqualTo("apiVersion: v1\nkind: Secret\n");
    assertThat(files(out)).containsOnlyKeys("stale-secret.yaml");
    assertThat(work.resolve("meta")).doesNotExist();
  }

  @Test
  void aLinkToAnOutsideFileIsRefusedNotFollowed() throws IOException {
    Path outside = Files.writeString(work.resolve("elsewhere"), "precious\n");
    Path out = Files.createDirectories(work.resolve("out"));
    Files.createSymbolicLink(out.resolve("vcluster-core-request.yaml"), outside);

    Cli result = render(out, work.resolve("meta"));

    assertExited("a link to an outside file is refused not followed", result,
        ExitCode.WRITE_FAILED, "vcluster-core-request.yaml", "symbolic link");
    assertThat(Files.readString(outside)).isEqualTo("precious\n");
    assertThat(Files.isSymbolicLink(out.resolve("vcluster-core-request.yaml"))).isTrue();
  }

  @Test
  void aDanglingLinkCreatesNothingOutside() throws IOException {
    Path meta = Files.createDirectories(work.resolve("meta"));
    Path target = work.resolve("outside-status.yaml");
    Files.createSymbolicLink(meta.resolve("status.yaml"), target);

    Cli result = render(work.resolve("out"), meta);

    assertExited("a dangling link creates nothing outside", result,
        ExitCode.WRITE_FAILED, "status.yaml");
    assertThat(target).doesNotExist();
    assertThat(work.resolve("out")).doesNotExist();
  }

  @Test
  void anOutputDirectoryThatIsALinkIsRefused() throws IOException {
    Path real = Files.createDirectories(work.resolve("real"));
    Path out = Files.createSymbolicLink(work.resolve("out"), real);

    Cli result = render(out, work.resolve("meta"));

    assertThat(result.exitCode()).isEqualTo(ExitCode.WRITE_FAILED.code());
    assertThat(files(real)).isEmpty();
  }

  /** A disk that fills up mid-run: no truncated file, the file named, the earlier run intact. */
  @Test
  void aFullDiskKeepsTheEarlierRunAndNamesTheFile() throws Exception {
    Path disk = Tmpfs.mount(work.resolve("disk"), 256 * 1024);
    try {
      Path out = disk.resolve("out");
      Path meta = disk.resolve("meta");
      assertThat(render(out, meta).exitCode()).isZero();
      Map<String, String> before = files(out);
      before.putAll(files(meta));
      Tmpfs.fill(disk.resolve("filler"), 3);

      Cli result = render(out, meta);

      assertThat(assertExited("a full disk", result, ExitCode.WRITE_FAILED))
          .containsPattern("Could not write \\S+\\.yaml");
      Map<String, String> after = files(out);
      after.putAll(files(meta));
      assertThat(after).isEqualTo(before);
    } finally {
      Tmpfs.unmount(disk);
    }
  }

  /** SIGTERM while writing: the files this run created are removed again. */
  @Test
  void sigtermRemovesTheRunsFiles() throws Exception {
    Path out = work.resolve("big");
    Process writer = WriterUnderSignal.start(out);
    WriterUnderSignal.awaitFirstFile(out);
    writer.destroy(); // SIGTERM
    int code = writer.waitFor();
    assumeThat(code).as("the writer finished before the signal").isNotZero();
    assertThat(out).satisfiesAnyOf(
        dir -> assertThat(dir).doesNotExist(),
        dir -> assertThat(files(dir)).isEmpty());
  }

  /** SIGKILL cannot be handled, but still leaves no visible file that is not whole. */
  @Test
  void sigkillLeavesNoTruncatedVisibleFile() throws Exception {
    Path out = work.resolve("big");
    Process writer = WriterUnderSignal.start(out);
    WriterUnderSignal.awaitFirstFile(out);
    writer.destroyForcibly();
    writer.waitFor();
    try (Stream<Path> list = Files.list(out)) {
      for (Path file : list.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        assertThat(Files.size(file)).as(file.toString()).isEqualTo(WriterUnderSignal.FILE_SIZE);
      }
    }
  }

  @Test
  void writesFilesInNestedFolders() {
    Path out = work.resolve("out");
    new OutputWriter().writeAll(out, List.of(new Target(out, "a/b.yaml", "x: 1\n"),
        new Target(out, "c.yaml", "y: 2\n")));
    assertThat(files(out)).containsOnlyKeys("a/b.yaml", "c.yaml");
  }

  /** Every file below {@code dir}, hidden ones too, with its text. */
  static Map<String, String> files(Path dir) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readString(p));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return files;
  }

  /** A small tmpfs, as root; outside CI a machine that cannot mount one skips the test. */
  static final class Tmpfs {
    static Path mount(Path at, int bytes) throws Exception {
      Files.createDirectories(at);
      int code = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs",
          at.toString()).inheritIO().start().waitFor();
      if (!"true".equals(System.getenv("CI"))) {
        assumeThat(code).as("mounting a tmpfs needs root").isZero();
      }
      assertThat(code).as("mount a tmpfs (CI runs as root)").isZero();
      return at;
    }

    /** Fills the disk, then frees {@code pages} 4 KiB pages. */
    static void fill(Path filler, int pages) throws IOException {
      List<Path> blocks = new ArrayList<>();
      byte[] page = new byte[4096];
      try {
        for (int i = 0; ; i++) {
          blocks.add(Files.write(filler.resolveSibling("filler-" + i), page));
        }
      } catch (IOException full) {
        // the disk is full
      }
      for (int i = 0; i < pages && !blocks.isEmpty(); i++) {
        Files.delete(blocks.remove(blocks.size() - 1));
      }
    }

    static void unmount(Path at) throws Exception {
      new ProcessBuilder("umount", at.toString()).inheritIO().start().waitFor();
    }
  }
}

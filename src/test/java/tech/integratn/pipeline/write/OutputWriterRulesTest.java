package tech.integratn.pipeline.write;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertRefused;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * The writer's rules, one case each: the rule, what the output directory holds before
 * ({@code name=text}, or {@code name->target} for a symbolic link), the files the run writes,
 * and the outcome: {@code written}, or a part of the refusal. A refused run changes nothing.
 */
class OutputWriterRulesTest {
  @TempDir Path work;

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("an empty directory takes the files", List.of(), List.of("a.yaml", "b/c.yaml"),
            "written"),
        rule("a missing directory is created", List.of("-"), List.of("a.yaml"), "written"),
        rule("a file of the run is replaced", List.of("a.yaml=old"), List.of("a.yaml"), "written"),
        rule("a file the run does not render is refused and kept", List.of("stale.yaml=kind: Secret"),
            List.of("a.yaml"), "it already holds 1 file(s) this run does not render (stale.yaml)"),
        rule("a link on the way to a file is refused", List.of("b->elsewhere"),
            List.of("b/c.yaml"), "Refusing to write through the symbolic link"),
        rule("a link in a file's place is refused", List.of("a.yaml->../outside"),
            List.of("a.yaml"), "Refusing to write through the symbolic link"),
        rule("a directory in a file's place is refused", List.of("a.yaml/x=1"),
            List.of("a.yaml"), "a directory is in the way"));
  }

  private static Arguments rule(String rule, List<String> before, List<String> files,
      String outcome) {
    return Arguments.of(rule, before, files, outcome);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, List<String> before, List<String> files, String outcome)
      throws IOException {
    Path out = work.resolve("out");
    if (!before.equals(List.of("-"))) {
      Files.createDirectories(out);
      for (String entry : before) {
        lay(out, entry);
      }
    }
    Map<String, String> was = contents(out);
    List<OutputWriter.Target> targets = files.stream()
        .map(f -> new OutputWriter.Target(out, f, "name: " + f + "\n")).toList();

    if (outcome.equals("written")) {
      new OutputWriter().writeAll(out, targets);
      for (String file : files) {
        assertThat(out.resolve(file)).as(rule).hasContent("name: " + file);
      }
      assertThat(contents(out)).as(rule + ": nothing else").hasSize(files.size());
    } else {
      assertRefused(rule, () -> new OutputWriter().writeAll(out, targets), ExitCode.WRITE_FAILED,
          outcome);
      assertThat(contents(out)).as(rule + ": nothing changed").isEqualTo(was);
    }
  }

  private void lay(Path out, String entry) throws IOException {
    if (entry.contains("->")) {
      String[] link = entry.split("->");
      Files.createSymbolicLink(out.resolve(link[0]), work.resolve(link[1]));
      return;
    }
    String[] file = entry.split("=", 2);
    Files.createDirectories(out.resolve(file[0]).getParent());
    Files.writeString(out.resolve(file[0]), file[1]);
  }

  /** Every entry under {@code dir} (links as their target), with its text. */
  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    if (!Files.exists(dir)) {
      return contents;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> !Files.isDirectory(p) || Files.isSymbolicLink(p)).forEach(p -> {
        try {
          contents.put(dir.relativize(p).toString(), Files.isSymbolicLink(p)
              ? "-> " + Files.readSymbolicLink(p) : Files.readString(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return contents;
  }
}

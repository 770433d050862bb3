package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Refusals are asserted one way ({@link Refusals}), so every refusal assertion checks the exit
 * code, the message and the absence of a stack trace alike. Read from the test sources: no test
 * names the refusal's class in an assertion, and none asserts a failed run's exit code and then
 * its stderr by hand.
 */
class RefusalsTest {
  /** An assertion on the refusal's class: {@code isInstanceOf(PipelineException.class)}... */
  private static final Pattern ON_THE_CLASS = Pattern.compile("PipelineException\\.class");
  /** A failed run's exit code, then its stderr, asserted by hand. */
  private static final Pattern BY_HAND = Pattern.compile("assertThat\\((\\w+)\\.exitCode\\(\\)\\)"
      + "[^;]*isEqualTo\\(ExitCode\\.(?!OK\\b)\\w+\\.code\\(\\)\\);"
      + "\\s*assertThat\\(\\1\\.err\\(\\)\\)");

  @Test
  void noTestAssertsARefusalByHand() throws IOException {
    Path root = Fixtures.projectRoot().resolve("src/test/java");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = file.getFileName().toString();
        if (name.equals("Refusals.java") || name.equals("RefusalsTest.java")) {
          continue;
        }
        String code = Files.readString(file);
        if (ON_THE_CLASS.matcher(code).find() || BY_HAND.matcher(code).find()) {
          found.add(root.relativize(file).toString());
        }
      }
    }
    assertThat(found).as("tests that assert a refusal without Refusals").isEmpty();
  }
}

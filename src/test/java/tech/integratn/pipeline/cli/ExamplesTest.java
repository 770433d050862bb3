package tech.integratn.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.Fixtures;

/**
 * docs/examples/ is what an adopter copies: its requests pass the gate under the built-in
 * defaults and under the example platform's settings beside them, and those settings install.
 */
class ExamplesTest {
  private static final Path EXAMPLES = Fixtures.projectRoot().resolve("docs/examples");

  @TempDir Path work;

  static Stream<Arguments> gates() {
    return Stream.of(
        Arguments.of("the built-in defaults", new String[] {"check", EXAMPLES.toString()}),
        Arguments.of("the example platform's settings", new String[] {"check", "--settings",
            EXAMPLES.resolve("settings.yaml").toString(), EXAMPLES.toString()}),
        Arguments.of("parts rendered too", new String[] {"check", "--with-parts", "--settings",
            EXAMPLES.resolve("settings.yaml").toString(), EXAMPLES.resolve("requests").toString()}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gates")
  void theExampleRequestsPassTheGate(String reason, String[] args) {
    Cli result = Cli.run(args);
    assertThat(result.exitCode()).as(reason + "\n" + result.out() + result.err()).isZero();
    assertThat(result.out()).as(reason).contains("3 requests checked", "3 passed, 0 failed");
  }

  @Test
  void theExampleSettingsInstall() {
    Cli result = Cli.run("promises", "--settings", EXAMPLES.resolve("settings.yaml").toString(),
        "--output", work.resolve("promises").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("env=prod");
  }
}

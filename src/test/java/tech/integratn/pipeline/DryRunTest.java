package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kratix's dry run diffs the pipeline's output against the live request's: under
 * KRATIX_DRY_RUN=true every case writes the same files, byte for byte, and says it was a dry run.
 */
class DryRunTest {
  @TempDir Path work;

  static List<Path> cases() {
    return Fixtures.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aDryRunWritesExactlyWhatARealRunWrites(Path fixture) throws IOException {
    Cli real = run(fixture, "real", Map.of());
    Cli dry = run(fixture, "dry", Map.of("KRATIX_DRY_RUN", " True\n"));

    assertThat(real.exitCode()).as(real.err()).isZero();
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("dry run");
    assertThat(real.out()).doesNotContain("dry run");
    for (String part : List.of("out", "meta")) {
      Path realDir = work.resolve("real").resolve(part);
      Path dryDir = work.resolve("dry").resolve(part);
      assertThat(Fixtures.files(dryDir)).isEqualTo(Fixtures.files(realDir)).isNotEmpty();
      for (Path file : Fixtures.files(realDir)) {
        assertThat(Files.readAllBytes(dryDir.resolve(file))).as(file.toString())
            .isEqualTo(Files.readAllBytes(realDir.resolve(file)));
      }
    }
  }

  private Cli run(Path fixture, String name, Map<String, String> environment) {
    Path dir = work.resolve(name);
    return Cli.run(environment, Fixtures.args(fixture, dir.resolve("out"), dir.resolve("meta")));
  }
}

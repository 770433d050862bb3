package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every test-fixtures/<case>/input/object.yaml and compares the result, file by file and
 * byte for byte, with <case>/output/ (and <case>/metadata/status.yaml); a case with a
 * <case>/settings.yaml renders under those platform settings.
 * Regenerate with: mvn -B test -Dtest=GoldenFilesTest -Dgolden.update=true
 */
class GoldenFilesTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static List<Path> cases() {
    return Fixtures.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersTheExpectedFiles(Path fixture, @TempDir Path work) throws IOException {
    Path output = work.resolve("output");
    Path metadata = work.resolve("metadata");
    Cli result = Cli.run(Fixtures.args(fixture, output, metadata));
    assertThat(result.exitCode()).as(result.err()).isZero();

    if (UPDATE) {
      replace(output, Fixtures.expectedOutput(fixture));
      replace(metadata, Fixtures.expectedMetadata(fixture));
      return;
    }
    compare(output, Fixtures.expectedOutput(fixture));
    compare(metadata, Fixtures.expectedMetadata(fixture));
  }

  private static void compare(Path actualDir, Path expectedDir) throws IOException {
    assertThat(Fixtures.files(actualDir)).isEqualTo(Fixtures.files(expectedDir));
    for (Path file : Fixtures.files(expectedDir)) {
      assertThat(Files.readString(actualDir.resolve(file)))
          .as(expectedDir.resolve(file).toString())
          .isEqualTo(Files.readString(expectedDir.resolve(file)));
    }
  }

  private static void replace(Path from, Path to) throws IOException {
    for (Path stale : Fixtures.files(to)) {
      Files.delete(to.resolve(stale));
    }
    for (Path file : Fixtures.files(from)) {
      Files.createDirectories(to.resolve(file).getParent());
      Files.copy(from.resolve(file), to.resolve(file));
    }
  }
}

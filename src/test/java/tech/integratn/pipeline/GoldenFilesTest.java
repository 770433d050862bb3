package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.check.CheckResult;
import tech.integratn.pipeline.check.GoldenRun;
import tech.integratn.pipeline.render.TemplateRenderer;

/**
 * Every test-fixtures/<case> through {@code render test}'s own {@link GoldenRun}: input/object.yaml
 * rendered (under <case>/settings.yaml when there is one) and compared byte for byte with
 * <case>/output/ and <case>/metadata/, a difference shown as a unified diff.
 * Regenerate with: mvn -B test -Dtest=GoldenFilesTest -Dgolden.update=true
 */
class GoldenFilesTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Named<GoldenRun.Case>> cases() {
    return GoldenRun.casesUnder(Fixtures.root()).stream().map(c -> Named.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersTheExpectedFiles(GoldenRun.Case golden, @TempDir Path work) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<CheckResult> verdicts = new GoldenRun(TemplateRenderer.of(null), Optional.empty(), work,
        new PrintStream(out, true, StandardCharsets.UTF_8)).verdicts(List.of(golden), UPDATE);
    assertThat(verdicts).singleElement().satisfies(verdict ->
        assertThat(verdict.errors()).as(out.toString(StandardCharsets.UTF_8)).isEmpty());
  }
}

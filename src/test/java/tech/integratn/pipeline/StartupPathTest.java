package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.cli.RenderCommand;

/**
 * A render in a fresh JVM never initialises what it was kept away from for start-up cost
 * (docs/performance.md): Jackson's ObjectMapper, java.util.logging, the YAML reader Jackson
 * brings along. Checked by the classes the JVM loads, not by time.
 */
class StartupPathTest {
  private static final List<String> KEPT_OFF_THE_PATH = List.of(
      "com.fasterxml.jackson.databind.ObjectMapper ",
      "com.fasterxml.jackson.databind.util.StdDateFormat ",
      "java.util.logging.LogManager ",
      "org.yaml.snakeyaml.");

  @TempDir Path work;

  @Test
  void aColdRenderLoadsNoneOfTheClassesKeptOffItsPath() throws IOException, InterruptedException {
    Path classLog = work.resolve("classes.log");
    Path fixture = Fixtures.root().resolve("orchestrator-helm-merges");
    Process render = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + classLog,
        "-cp", System.getProperty("java.class.path"),
        RenderCommand.class.getName(),
        "--input", Fixtures.input(fixture).toString(),
        "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString())
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("render.log").toFile())
        .start();
    assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(render.exitValue()).as(Files.readString(work.resolve("render.log"))).isZero();

    List<String> loaded = Files.readAllLines(classLog);
    assertThat(loaded).anyMatch(line -> line.contains("com.networknt.schema.Schema "));
    for (String kept : KEPT_OFF_THE_PATH) {
      assertThat(loaded).as(kept.trim()).noneMatch(line -> line.contains(kept));
    }
  }
}

package tech.integratn.pipeline.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import tech.integratn.pipeline.Pipeline;
import tech.integratn.pipeline.render.TemplateRenderer;

/**
 * Renders one request over and over in one JVM and prints renders per second once warm. A render
 * is the whole pipeline, read to write, as the jar runs it; only the command-line parsing is
 * left out. The same request each time: the reader's per-thread memo of recent texts spares the
 * guard the parse of identical output, so this is an upper bound for distinct requests.
 * Usage: WarmRenders INPUT SECONDS.
 */
public final class WarmRenders {
  private static final Compose COMPOSE = new Compose(LoadSettings.builder().build());

  private WarmRenders() {}

  public static void main(String[] args) throws IOException {
    String input = args[0];
    double seconds = Double.parseDouble(args[1]);
    Path work = Files.createTempDirectory("warm-renders");
    Pipeline pipeline = new Pipeline(new PrintStream(OutputStream.nullOutputStream()));
    Pipeline.Settings settings = new Pipeline.Settings(Path.of(input), work.resolve("output"),
        work.resolve("metadata"), TemplateRenderer.bundled(),
        tech.integratn.pipeline.settings.SettingsReader.defaults(), null, false);

    long warmUntil = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < warmUntil) {
      pipeline.configure(settings);
    }
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    int renders = 0;
    while (System.nanoTime() < end) {
      pipeline.configure(settings);
      renders++;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf("warm: %d renders in %.2f s = %.0f renders/s%n", renders, elapsed,
        renders / elapsed);
    double parse = parseMillis(work.resolve("output"), seconds);
    System.out.printf("  parsing the rendered files once with snakeyaml-engine, one part of the "
        + "guard, alone takes %.2f ms (at most %.0f renders/s)%n", parse, 1000 / parse);
  }

  /**
   * Milliseconds to compose every rendered file once, warm, with snakeyaml-engine itself: the
   * pipeline's reader remembers recent texts per thread, which would make this nothing.
   */
  private static double parseMillis(Path output, double seconds) throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(output)) {
      for (Path file : files.sorted().toList()) {
        texts.add(Files.readString(file));
      }
    }
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    int passes = 0;
    while (System.nanoTime() < end) {
      for (String text : texts) {
        COMPOSE.composeAllFromString(text).forEach(node -> { });
      }
      passes++;
    }
    return (System.nanoTime() - start) / 1e6 / passes;
  }
}

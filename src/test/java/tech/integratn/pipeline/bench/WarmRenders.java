package tech.integratn.pipeline.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tech.integratn.pipeline.Pipeline;
import tech.integratn.pipeline.render.TemplateRenderer;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Renders one request over and over in one JVM and prints renders per second once warm. A render
 * is the whole pipeline, read to write, as the jar runs it; only the command-line parsing is
 * left out. Usage: WarmRenders INPUT SECONDS.
 */
public final class WarmRenders {
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

  /** Milliseconds to compose every rendered file once, warm. */
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
        Yaml.composeAll(text, Integer.MAX_VALUE);
      }
      passes++;
    }
    return (System.nanoTime() - start) / 1e6 / passes;
  }
}

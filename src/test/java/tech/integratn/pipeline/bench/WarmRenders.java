package tech.integratn.pipeline.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tech.integratn.pipeline.cli.RenderCommand;

/**
 * Renders one request over and over in one JVM, through the same entry point as the jar, and
 * prints renders per second once warm. Usage: WarmRenders INPUT SECONDS.
 */
public final class WarmRenders {
  private WarmRenders() {}

  public static void main(String[] args) throws IOException {
    String input = args[0];
    double seconds = Double.parseDouble(args[1]);
    Path work = Files.createTempDirectory("warm-renders");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    String[] arguments = {"--input", input, "--output", work.resolve("output").toString(),
        "--metadata", work.resolve("metadata").toString()};

    long warmUntil = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < warmUntil) {
      render(arguments, quiet);
    }
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    int renders = 0;
    while (System.nanoTime() < end) {
      render(arguments, quiet);
      renders++;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf("warm: %d renders in %.2f s = %.0f renders/s%n", renders, elapsed,
        renders / elapsed);
  }

  private static void render(String[] arguments, PrintStream quiet) {
    int code = RenderCommand.run(Map.of(), quiet, quiet, arguments);
    if (code != 0) {
      throw new IllegalStateException("render failed with exit code " + code);
    }
  }
}

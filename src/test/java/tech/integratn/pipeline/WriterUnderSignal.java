package tech.integratn.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.integratn.pipeline.write.OutputWriter;
import tech.integratn.pipeline.write.OutputWriter.Target;

/** A JVM that writes many large files with the real writer, to be signalled while it does. */
public final class WriterUnderSignal {
  static final int FILE_SIZE = 256 * 1024;
  private static final int FILES = 1500;

  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    String content = "x".repeat(FILE_SIZE);
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      targets.add(new Target(out, "file-" + i + ".yaml", content));
    }
    new OutputWriter().writeAll(out, targets);
  }

  static Process start(Path out) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        WriterUnderSignal.class.getName(), out.toString()).inheritIO().start();
  }

  static void awaitFirstFile(Path out) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(out)) {
        try (var list = Files.list(out)) {
          if (list.count() > 20) {
            return;
          }
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the writer wrote nothing within 20 s");
  }
}

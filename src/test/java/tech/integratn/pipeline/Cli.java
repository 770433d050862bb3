package tech.integratn.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tech.integratn.pipeline.cli.RenderCommand;

/** Runs the command in-process as the jar would, capturing its exit code and streams. */
public record Cli(int exitCode, String out, String err) {

  public static Cli run(String... args) {
    return run(Map.of(), args);
  }

  public static Cli run(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = RenderCommand.run(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}

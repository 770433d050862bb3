package tech.integratn.pipeline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.settings.SettingsReader;

/** {@code render settings}: a new platform's settings file to start from, and the checks on one. */
@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description = {
        "--init writes a commented settings file for a new platform: every key it must set "
            + "holds the placeholder " + SettingsReader.PLACEHOLDER + ", which every command "
            + "refuses (naming the keys) until you write your values; the comments give "
            + "examples. --defaults prints the built-in defaults (the homelab's). --check FILE "
            + "reads a settings file as the promises would and prints its digest."})
final class SettingsCommand implements Callable<Integer> {
  static final String INIT = "settings/init.yaml";

  static final class Action {
    @Option(names = "--init", description = "write a new platform's settings file")
    boolean init;

    @Option(names = "--defaults", description = "print the built-in defaults")
    boolean defaults;

    @Option(names = "--check", paramLabel = "FILE", description = "check a settings file")
    Path check;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Action action;

  @Option(names = "--output", paramLabel = "FILE",
      description = "with --init: write to FILE (never over an existing file) instead of "
          + "standard output")
  Path output;

  private final Streams io;

  SettingsCommand(Streams io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (action.check != null) {
      SettingsReader.Chosen chosen = SettingsReader.choose(action.check, Map.of());
      io.out().println("valid: " + chosen.describe());
      return ExitCode.OK.code();
    }
    String text = action.defaults ? SettingsReader.defaultsText() : initText();
    if (output == null) {
      io.out().print(text);
      return ExitCode.OK.code();
    }
    try {
      // A settings file holds a platform's choices: never replaced by a fresh template.
      Files.writeString(output, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new PipelineException(ExitCode.WRITE_FAILED, "Not writing " + output + ": it "
          + "exists, and it may hold a platform's settings. Remove it first, or pick another "
          + "--output.");
    } catch (IOException e) {
      throw new PipelineException(ExitCode.WRITE_FAILED, "Cannot write " + output + " ("
          + PipelineException.withoutJavaNames(String.valueOf(e.getMessage())) + "). Check "
          + "--output.");
    }
    io.out().println("wrote " + output + ": set every " + SettingsReader.PLACEHOLDER
        + " in it, then run render settings --check " + output);
    return ExitCode.OK.code();
  }

  static String initText() {
    try (InputStream in = SettingsCommand.class.getClassLoader().getResourceAsStream(INIT)) {
      if (in == null) {
        throw new IllegalStateException(INIT + " is not in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package tech.integratn.pipeline.cli;

import java.util.Collection;
import java.util.List;
import picocli.CommandLine;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.read.Suggestion;

/**
 * A command line picocli cannot parse is one short paragraph on standard error, with what was
 * probably meant, and exit 2: never the whole usage, which hides the one line that matters.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
  private final Collection<String> commands;

  UsageErrors(Collection<String> commands) {
    this.commands = List.copyOf(new java.util.TreeSet<>(commands));
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    String message = e.getMessage();
    if (e instanceof CommandLine.UnmatchedArgumentException && command.getParent() == null
        && args.length > 0 && !args[0].startsWith("-")) {
      message = "render has no command " + args[0] + meant(args[0])
          .map(c -> ": did you mean " + c + "?").orElse(".") + " The commands are "
          + String.join(", ", commands) + "; with no arguments render is the Kratix step.";
    } else if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      List<String> options = command.getCommandSpec().options().stream()
          .flatMap(o -> java.util.Arrays.stream(o.names())).toList();
      String first = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
      String given = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
      message = message + Suggestion.closest(given, options).filter(o -> given.startsWith("-"))
          .map(o -> " (did you mean " + o + "?)").orElse("");
    }
    command.getErr().println(message.replaceFirst("[.]$", "") + ". Run " + name + " --help for "
        + (command.getParent() == null ? "the commands and options." : "its options."));
    return ExitCode.USAGE.code();
  }

  /** The command a typo meant: a close spelling, or two neighbouring letters swapped. */
  private java.util.Optional<String> meant(String given) {
    for (int i = 0; i + 1 < given.length(); i++) {
      char[] swapped = given.toCharArray();
      swapped[i] = given.charAt(i + 1);
      swapped[i + 1] = given.charAt(i);
      if (commands.contains(new String(swapped))) {
        return java.util.Optional.of(new String(swapped));
      }
    }
    return Suggestion.closest(given, commands);
  }
}

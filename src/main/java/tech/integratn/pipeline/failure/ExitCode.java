package tech.integratn.pipeline.failure;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Process exit codes: the one table every command's {@code --help} and the README's table are
 * written from (a test keeps the README equal). A condition has one code in every command.
 */
public enum ExitCode {
  OK(0, "success: rendered and written (or delete, or dry run); every request passed or every "
      + "case matched; the item synced; the promises written"),
  INTERNAL_ERROR(1, "internal error: a bug in the image, the only case that prints a stack "
      + "trace; please report it"),
  USAGE(2, "bad command line or environment (a bad option, a named file that is missing or "
      + "unreadable, a bad KRATIX_WORKFLOW_ACTION), or bad settings (the message names the key "
      + "path)"),
  INVALID_INPUT(3, "invalid request (a render), or one that asks for more than the settings' "
      + "request policy allows, or invalid kubeconfig (sync-kubeconfig): one paragraph names the "
      + "field, what was found and the fix; nothing written"),
  OUTPUT_REFUSED(4, "output refused: a rendered document is, or carries, a Secret; a file is "
      + "not valid YAML; a text that could spell a Secret cannot be read completely; or a "
      + "template's output cannot be known; nothing written"),
  TEMPLATE_ERROR(5, "a template is missing or fails to render (typically with --templates)"),
  WRITE_FAILED(6, "a file could not be written (the message names it), or the output directory "
      + "holds a file this run does not render, or a symbolic link is where a file or directory "
      + "goes; nothing from this run is kept"),
  SYNC_FAILED(7, "sync-kubeconfig: 1Password Connect refused the request (a 4xx), redirected "
      + "it, answered something unusable, or did not answer in time; or an item of the title "
      + "that is not this Job's blocks it (the message names it; nothing changed); or the named "
      + "vault is not there"),
  CHECK_FAILED(8, "check: at least one request (or other file) failed, or no request was "
      + "found (--allow-empty passes that); test: a rendered file differs from its "
      + "expectation, or a case failed to render; promises --compare-live: a change needs a step "
      + "(Kratix refuses it, state moves, or files would collide)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** The codes each command can exit with (the render itself is "render"). */
  public static Set<ExitCode> of(String command) {
    return switch (command) {
      case "check" -> EnumSet.of(OK, INTERNAL_ERROR, USAGE, TEMPLATE_ERROR, WRITE_FAILED,
          CHECK_FAILED);
      case "test" -> EnumSet.of(OK, INTERNAL_ERROR, USAGE, TEMPLATE_ERROR, WRITE_FAILED,
          CHECK_FAILED);
      case "sync-kubeconfig" -> EnumSet.of(OK, INTERNAL_ERROR, USAGE, INVALID_INPUT, SYNC_FAILED);
      case "promises" -> EnumSet.of(OK, INTERNAL_ERROR, USAGE, WRITE_FAILED, CHECK_FAILED);
      case "settings" -> EnumSet.of(OK, INTERNAL_ERROR, USAGE, WRITE_FAILED);
      default -> EnumSet.of(OK, INTERNAL_ERROR, USAGE, INVALID_INPUT, OUTPUT_REFUSED,
          TEMPLATE_ERROR, WRITE_FAILED);
    };
  }

  /** A command's codes as picocli's exit-code list: code to meaning. */
  public static Map<String, String> help(String command) {
    Map<String, String> help = new LinkedHashMap<>();
    for (ExitCode exit : of(command)) {
      help.put(String.valueOf(exit.code), exit.meaning);
    }
    return help;
  }

  /** The README's table: every code, what it means, and which commands exit with it. */
  public static String markdownTable() {
    StringBuilder table = new StringBuilder("| code | meaning | commands |\n|---|---|---|\n");
    for (ExitCode exit : values()) {
      List<String> commands = List.of("render", "check", "test", "sync-kubeconfig", "promises",
          "settings")
          .stream().filter(c -> of(c).contains(exit)).toList();
      table.append("| ").append(exit.code).append(" | ").append(exit.meaning).append(" | ")
          .append(commands.size() == 6 ? "all" : String.join(", ", commands)).append(" |\n");
    }
    return table.toString();
  }
}

package tech.integratn.pipeline.failure;

/**
 * A refusal the operator or the platform user can act on: the message is one short paragraph
 * that names the field or file, what was found and how to fix it. Printed without a stack trace.
 */
public class PipelineException extends RuntimeException {
  private final ExitCode exitCode;
  /** Where the problem is (a request's field path, a rendered file's place), when known. */
  private String path;
  /** Every problem, when a check found several (the message then lists them all). */
  private java.util.List<Problem> problems = java.util.List.of();

  /** One problem: where (a field path) and what, with its fix. */
  public record Problem(String path, String message) {}

  /** Java class and exception names, which mean nothing to whoever reads the refusal. */
  private static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern.compile(
      "\\b(?:java|javax|jdk|sun)\\.[\\w.$]*:?\\s*"
          + "|\\b(?:org|com|tech)\\.(?:[A-Za-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*:?\\s*"
          + "|\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b:?\\s*");

  public PipelineException(ExitCode exitCode, String message) {
    super(withoutJavaNames(message));
    this.exitCode = exitCode;
  }

  public PipelineException(ExitCode exitCode, String message, Throwable cause) {
    super(withoutJavaNames(message), cause);
    this.exitCode = exitCode;
  }

  /** {@code text} without Java class or exception names; null becomes "". */
  public static String withoutJavaNames(String text) {
    return text == null ? "" : JAVA_NAME.matcher(text).replaceAll("");
  }

  /** This refusal, with where it is (as {@code render check} reports it). */
  public PipelineException at(String where) {
    this.path = where;
    return this;
  }

  public java.util.Optional<String> path() {
    return java.util.Optional.ofNullable(path);
  }

  /** Every problem this refusal reports; one, with its path and message, when it has no list. */
  public java.util.List<Problem> problems() {
    if (!problems.isEmpty()) {
      return problems;
    }
    String message = getMessage();
    String prefix = "Invalid request: " + path + ": ";
    return java.util.List.of(new Problem(path == null ? "" : path,
        path != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message));
  }

  /** Several problems of one request, each with its path, refused together (exit 3). */
  public static PipelineException invalidFields(java.util.List<Problem> problems) {
    if (problems.size() == 1) {
      Problem only = problems.get(0);
      return new PipelineException(ExitCode.INVALID_INPUT, "Invalid request: " + only.path()
          + ": " + only.message()).at(only.path());
    }
    StringBuilder message = new StringBuilder("Invalid request, " + problems.size()
        + " problems:");
    for (Problem problem : problems) {
      message.append("\n  ").append(problem.path()).append(": ").append(problem.message());
    }
    PipelineException refusal = new PipelineException(ExitCode.INVALID_INPUT, message.toString())
        .at(problems.get(0).path());
    refusal.problems = java.util.List.copyOf(problems);
    return refusal;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** A user mistake in the request: {@code field} is the dotted path inside the resource. */
  public static PipelineException invalidField(String field, String problem, String fix) {
    return new PipelineException(ExitCode.INVALID_INPUT,
        "Invalid request: " + field + ": " + problem + ". " + fix).at(field);
  }

  public static PipelineException invalidInput(String problem) {
    return new PipelineException(ExitCode.INVALID_INPUT, "Invalid request: " + problem);
  }
}

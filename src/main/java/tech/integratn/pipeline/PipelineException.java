package tech.integratn.pipeline;

/**
 * A refusal the operator or the platform user can act on: the message is one short paragraph
 * that names the field or file, what was found and how to fix it. Printed without a stack trace.
 */
public class PipelineException extends RuntimeException {
  private final ExitCode exitCode;

  public PipelineException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public PipelineException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** A user mistake in the request: {@code field} is the dotted path inside the resource. */
  public static PipelineException invalidField(String field, String problem, String fix) {
    return new PipelineException(ExitCode.INVALID_INPUT,
        "Invalid request: " + field + ": " + problem + ". " + fix);
  }

  public static PipelineException invalidInput(String problem) {
    return new PipelineException(ExitCode.INVALID_INPUT, "Invalid request: " + problem);
  }
}

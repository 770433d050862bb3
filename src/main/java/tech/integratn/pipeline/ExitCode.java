package tech.integratn.pipeline;

/** Process exit codes; the README's table is written from this list. */
public enum ExitCode {
  OK(0),
  INTERNAL_ERROR(1),
  USAGE(2),
  INVALID_INPUT(3),
  OUTPUT_REFUSED(4),
  TEMPLATE_ERROR(5),
  WRITE_FAILED(6),
  SYNC_FAILED(7),
  CHECK_FAILED(8);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}

package tech.integratn.pipeline.sync;

import java.io.PrintStream;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;

/**
 * Where every line and refusal of the sync goes through the one {@link Redactor} of the run,
 * which learns each credential as soon as the run holds it: nothing is printed past it.
 */
public final class SyncLog {
  private final PrintStream out;
  private Redactor redactor = Redactor.none();

  public SyncLog(PrintStream out) {
    this.out = out;
  }

  /** Hides these credentials too from every later line and refusal. */
  public void hide(String... secrets) {
    redactor = redactor.with(secrets);
  }

  public void line(String text) {
    out.println(redactor.hide(text));
  }

  /** A short excerpt of text from elsewhere (a server's answer, a library's error). */
  public String excerpt(String text) {
    return redactor.excerpt(text);
  }

  public PipelineException refusal(ExitCode code, String message) {
    return new PipelineException(code, redactor.hide(message));
  }

  /** {@code refusal} with every credential the run knows by now hidden. */
  public PipelineException redacted(PipelineException refusal) {
    return refusal.redacted(redactor::hide);
  }
}

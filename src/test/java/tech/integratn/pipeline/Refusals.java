package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;

/**
 * The one assertion of a refusal, in a rule table or of a whole run: this exit code, and a
 * message with these parts (and, for a run, one paragraph on stderr without a stack trace).
 */
public final class Refusals {
  private Refusals() {}

  public static void assertRefused(String rule, ThrowingCallable call, ExitCode exit,
      String... parts) {
    refusal(rule, call, exit, parts);
  }

  /**
   * As {@link #assertRefused}, returning the refusal for what else the rule says of it (what it
   * must not print, say).
   */
  public static PipelineException refusal(String rule, ThrowingCallable call, ExitCode exit,
      String... parts) {
    AtomicReference<PipelineException> refused = new AtomicReference<>();
    assertThatThrownBy(call).as(rule).isInstanceOfSatisfying(PipelineException.class, e -> {
      assertThat(e.exitCode()).as(rule).isEqualTo(exit);
      if (parts.length > 0) {
        assertThat(e.getMessage()).as(rule).contains(parts);
      }
      refused.set(e);
    });
    return refused.get();
  }

  /**
   * A whole run refused: it exited with {@code exit}, and its stderr names these parts without a
   * stack trace. Returns the stderr, for what else the rule says of it.
   */
  public static String assertExited(String rule, Cli run, ExitCode exit, String... parts) {
    return assertExited(rule, run.exitCode(), run.err(), exit, parts);
  }

  /** As {@link #assertExited(String, Cli, ExitCode, String...)}, for a run's code and stderr. */
  public static String assertExited(String rule, int code, String err, ExitCode exit,
      String... parts) {
    assertThat(code).as(rule + "; stderr:\n" + err).isEqualTo(exit.code());
    assertThat(err).as(rule).doesNotContain("\tat ");
    if (parts.length > 0) {
      assertThat(err).as(rule).contains(parts);
    }
    return err;
  }
}

package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;

/** The one assertion of the rule tables' refusals: this exit code, and a message with these parts. */
public final class Refusals {
  private Refusals() {}

  public static void assertRefused(String rule, ThrowingCallable call, ExitCode exit,
      String... parts) {
    assertThatThrownBy(call).as(rule).isInstanceOfSatisfying(PipelineException.class, e -> {
      assertThat(e.exitCode()).as(rule).isEqualTo(exit);
      assertThat(e.getMessage()).as(rule).contains(parts);
    });
  }
}

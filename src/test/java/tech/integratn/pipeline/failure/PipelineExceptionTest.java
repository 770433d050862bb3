package tech.integratn.pipeline.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.PipelineException.Problem;

/** A refusal's paragraph is built from its problems only when printed, the same every time. */
class PipelineExceptionTest {
  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("one field: the path, what was found, the fix",
            PipelineException.invalidField("spec.name", "found x", "Use y."),
            "Invalid request: spec.name: found x. Use y."),
        Arguments.of("several fields: each on its own line",
            PipelineException.invalidFields(List.of(new Problem("spec.a", "is missing"),
                new Problem("spec.b", "found 1", "Use 2."))),
            "Invalid request, 2 problems:\n  spec.a: is missing\n  spec.b: found 1. Use 2."),
        Arguments.of("the request as a whole",
            PipelineException.invalidInput("the resource is nested too deep."),
            "Invalid request: the resource is nested too deep."),
        Arguments.of("the input file, named before what it holds",
            PipelineException.invalidFile("/in/object.yaml", "is empty.", 3),
            "Invalid request: /in/object.yaml is empty."),
        Arguments.of("the output, at a place named in words",
            PipelineException.outputRefused("a.yaml document 1 at data.x", "is a Secret",
                "Deliver it with an ExternalSecret."),
            "Refusing to write any output: a.yaml document 1 at data.x is a Secret. Deliver it "
                + "with an ExternalSecret."),
        Arguments.of("the output, for no one place",
            PipelineException.outputRefused("a.yaml is not valid YAML"),
            "Refusing to write any output: a.yaml is not valid YAML"),
        Arguments.of("a sentence of its own",
            new PipelineException(ExitCode.USAGE, "Bad option. Fix it."), "Bad option. Fix it."),
        Arguments.of("Java names are never printed",
            new PipelineException(ExitCode.USAGE,
                "Cannot read x (java.nio.file.NoSuchFileException: x)."),
            "Cannot read x (x)."),
        Arguments.of("a redacted refusal hides its texts and keeps its form",
            PipelineException.invalidField("spec.token", "found s3cret", "Remove s3cret.")
                .redacted(text -> text.replace("s3cret", "***")),
            "Invalid request: spec.token: found ***. Remove ***."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void printsItsProblems(String rule, PipelineException refusal, String printed) {
    assertThat(refusal.getMessage()).as(rule).isEqualTo(printed);
    assertThat(refusal.getMessage()).as(rule + ": built again").isEqualTo(printed);
  }
}

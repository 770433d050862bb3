package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertRefused;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.guard.OutputGuard;
import tech.integratn.pipeline.render.TemplateRenderer;
import tech.integratn.pipeline.settings.SettingsReader;

/**
 * The guard against the readers that consume the output: each request is rendered without the
 * guard and read by the Go readers (GoOracle: go-yaml v2 and v3, Helm's splitter, kubectl's
 * stream reader, Go templates with sprig, every string at any depth) and by kubectl (every string
 * in what it read by gojq); wherever one finds a Secret, the guard must refuse those files. The
 * goldens must also read to the same number of documents and hold no Secret for any. Corpus:
 * every fixture, the carried-Secret attacks, the hostile texts of every family in every carrier,
 * and a seeded sample of the property test's strings.
 */
@Tag("slow")
class GoReaderDifferentialTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Per case, not once for the class: a missing tool then reports every case as skipped, with
   * the reason, where an assumption failing before all of them would report no test at all.
   */
  @BeforeEach
  void tools() {
    GoReaders.require("kubectl");
    GoReaders.require("gojq");
    GoOracle.get();
  }

  static Stream<Arguments> corpus() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Path fixture : Fixtures.cases()) {
      if (Fixtures.settings(fixture).isEmpty()) {
        cases.add(Arguments.of("golden " + fixture.getFileName(), Files.readString(Fixtures.input(fixture)), true));
      }
    }
    CarriedSecretTest.cases().forEach(a -> cases.add(Arguments.of("attack: " + a.get()[0],
        json(a.get()[1]), false)));
    for (HostileTexts.Hostile hostile : HostileTexts.all()) {
      FailClosedGuardTest.CARRIERS.forEach((carrier, request) -> cases.add(Arguments.of(
          "hostile: " + hostile + " in " + carrier, json(request.apply(hostile.text())), false)));
    }
    List<String> samples = NastyStrings.samples(150, 20261125L);
    for (int i = 0; i < samples.size(); i += 7) {
      cases.add(Arguments.of("property sample " + i, json(InjectionPropertyTest.request(samples.get(i))), false));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everySecretAGoReaderFindsIsRefused(String title, String request, boolean golden,
      @TempDir Path work) throws IOException {
    Path input = Files.writeString(work.resolve("object.yaml"), request);
    Pipeline.Rendered rendered;
    try {
      rendered = new Pipeline(new PrintStream(java.io.OutputStream.nullOutputStream()))
          .render(input, TemplateRenderer.bundled(), SettingsReader.defaults(), null);
    } catch (PipelineException refusedBeforeRendering) {
      assertThat(golden).as(refusedBeforeRendering.getMessage()).isFalse();
      return;
    }
    java.util.Optional<String> goSecret = GoOracle.get().secretIn(rendered.files());
    if (goSecret.isPresent()) {
      assertRefused("the Go readers find a Secret in " + goSecret.get(),
          () -> new OutputGuard().check(rendered.files()), ExitCode.OUTPUT_REFUSED);
    }
    List<JsonNode> goDocuments = GoReaders.documents(work, rendered.files());
    List<JsonNode> secrets = goDocuments.stream().filter(GoReaders::isCoreSecret).toList();

    if (!secrets.isEmpty()) {
      // Named by its metadata only: the whole document may nest too deep to print.
      assertRefused("a Go reader finds a Secret named "
          + secrets.get(0).path("metadata").path("name"),
          () -> new OutputGuard().check(rendered.files()), ExitCode.OUTPUT_REFUSED);
    }
    if (golden) {
      assertThat(goSecret).isEmpty();
      assertThat(secrets).isEmpty();
      new OutputGuard().check(rendered.files());
      long documents = rendered.files().stream().mapToLong(f -> tech.integratn.pipeline.yaml.Yaml
          .composeAll(f.content(), Integer.MAX_VALUE).size()).sum();
      assertThat(goDocuments.stream().filter(d -> d.has("kind") && d.has("metadata")).count())
          .isGreaterThanOrEqualTo(documents);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

}

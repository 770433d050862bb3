package tech.integratn.pipeline.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * {@code render test} reports a CI system can read as they are: JUnit on standard output is the
 * XML alone, and a failure holds its diff; an orchestrator case with parts pins what they render.
 */
class GoldenReportTest {
  @TempDir Path work;

  private Path copiedCase(String fixture) throws Exception {
    Path target = work.resolve(fixture);
    Path source = Fixtures.root().resolve(fixture);
    try (var files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
    return target;
  }

  @Test
  void junitOnStandardOutputIsValidAndHoldsTheDiff() throws Exception {
    Path c = copiedCase("orchestrator-dev-defaults");
    Path expected = c.resolve("output/vcluster-core-request.yaml");
    Files.writeString(expected,
        Files.readString(expected).replaceFirst("name: team-a", "name: changed"));

    Cli result = Cli.run("test", "--format", "junit", c.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
    CheckGateTest.assertValidJunit(result.out());
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(result.out().getBytes(StandardCharsets.UTF_8)));
    String failure = document.getElementsByTagName("failure").item(0).getTextContent();
    assertThat(failure).contains("--- ", "+++ ", "-  name: changed").doesNotContain("see the diff");
    assertThat(result.err()).contains("FAIL  orchestrator-dev-defaults");
  }

  @Test
  void withPartsATemplateChangeInAPartFailsTheCase() throws Exception {
    Path c = copiedCase("orchestrator-dev-defaults");
    assertThat(Cli.run("test", "--with-parts", c.toString()).exitCode()).isZero();
    Path templates = work.resolve("templates");
    Path bundled = Fixtures.projectRoot().resolve("templates");
    try (var files = Files.walk(bundled)) {
      for (Path file : files.toList()) {
        Path to = templates.resolve(bundled.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
    Path coredns = templates.resolve("vcluster-coredns/coredns-configmap.yaml.ftl");
    Files.writeString(coredns, Files.readString(coredns).replaceFirst("\n", "\n# changed\n"));

    Cli changed = Cli.run("test", "--with-parts", "--templates", templates.toString(), c.toString());
    assertThat(changed.exitCode()).as(changed.out()).isEqualTo(ExitCode.CHECK_FAILED.code());
    assertThat(changed.out()).contains("parts/vcluster-coredns", "+# changed");
  }
}

package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.integratn.pipeline.failure.ExitCode;

/** --templates: operator templates render, and the guard checks what they rendered. */
class TamperedTemplatesTest {
  private static final Path FIXTURE = Fixtures.root().resolve("orchestrator-prod-preset");

  @TempDir Path work;

  private Path copyOfBundledTemplates() throws IOException {
    Path source = Fixtures.projectRoot().resolve("templates");
    Path target = work.resolve("templates");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return target;
  }

  private Cli render(Path templates) {
    return Cli.run("--input", Fixtures.input(FIXTURE).toString(),
        "--output", work.resolve("out").toString(), "--metadata", work.resolve("meta").toString(),
        "--templates", templates.toString());
  }

  @Test
  void untamperedTemplatesFromADirectoryRenderTheGoldens() throws IOException {
    Cli result = render(copyOfBundledTemplates());
    assertThat(result.exitCode()).as(result.err()).isZero();
    for (Path file : Fixtures.files(Fixtures.expectedOutput(FIXTURE))) {
      assertThat(Files.readString(work.resolve("out").resolve(file)))
          .isEqualTo(Files.readString(Fixtures.expectedOutput(FIXTURE).resolve(file)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: leak\nstringData:\n  token: x\n",
      "---\n{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"leak\"}}\n",
      "---\napiVersion: v1\nkind: 'Secret'\ndata: {}\n",
      "---\nkind: !!str Secret\napiVersion: \"v1\"\n",
      "---\napiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Secret}\n",
      "---\nbase: &s {apiVersion: v1, kind: Secret}\n<<: *s\n",
  })
  void aTemplateThatEmitsASecretWritesNothing(String appended) throws IOException {
    Path templates = copyOfBundledTemplates();
    Path victim = templates.resolve("vcluster-orchestrator/vcluster-coredns-request.yaml.ftl");
    Files.writeString(victim, Files.readString(victim) + appended);

    Cli result = render(templates);

    assertThat(assertExited("a template that emits a Secret writes nothing", result,
        ExitCode.OUTPUT_REFUSED,
        "vcluster-coredns-request.yaml")).contains("Secret").doesNotContain("\tat ");
    assertThat(work.resolve("out")).doesNotExist();
    assertThat(work.resolve("meta")).doesNotExist();
  }

  @Test
  void aMissingTemplateIsNamed() throws IOException {
    Path templates = copyOfBundledTemplates();
    Files.delete(templates.resolve("vcluster-orchestrator/argocd-project-request.yaml.ftl"));

    Cli result = render(templates);

    assertExited("a missing template is named", result,
        ExitCode.TEMPLATE_ERROR, "vcluster-orchestrator/argocd-project-request.yaml.ftl");
    assertThat(work.resolve("out")).doesNotExist();
  }

  /** A copy made before templates lost the settings names the key it no longer finds. */
  @Test
  void aTemplateReadingTheSettingsNamesTheMissingKey() throws IOException {
    Path templates = copyOfBundledTemplates();
    Path victim = templates.resolve("vcluster-orchestrator/vcluster-coredns-request.yaml.ftl");
    Files.writeString(victim, "# ${platform.argocd.namespace}\n" + Files.readString(victim));

    Cli result = render(templates);

    assertExited("a template reading the settings names the key it lost", result,
        ExitCode.TEMPLATE_ERROR, "vcluster-coredns-request.yaml.ftl", "at line 1 (`platform`)");
    assertThat(work.resolve("out")).doesNotExist();
  }

  @Test
  void aTemplateThatBreaksTheYamlWritesNothing() throws IOException {
    Path templates = copyOfBundledTemplates();
    Path victim = templates.resolve("vcluster-orchestrator/vcluster-core-request.yaml.ftl");
    Files.writeString(victim, Files.readString(victim) + "  broken: [unclosed\n");

    Cli result = render(templates);

    assertThat(assertExited("a template that breaks the yaml writes nothing", result,
        ExitCode.OUTPUT_REFUSED, "vcluster-core-request.yaml")).contains("not valid YAML");
    assertThat(work.resolve("out")).doesNotExist();
  }
}

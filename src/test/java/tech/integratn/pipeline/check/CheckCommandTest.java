package tech.integratn.pipeline.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.failure.ExitCode;

/** {@code render check} and {@code render test}: a platform repository's CI gate. */
class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEAD = "apiVersion: platform.integratn.tech/v1alpha1\n";

  @TempDir Path work;

  /** A repository of requests: good ones from the fixtures, and bad ones with their reason. */
  private Path repository() throws IOException {
    Path repo = Files.createDirectories(work.resolve("repo/requests/team"));
    Files.copy(Fixtures.input(Fixtures.root().resolve("orchestrator-prod-preset")),
        repo.resolve("payments.yaml"));
    // Another vcluster's part: the payments orchestrator's own VClusterCore beside it would
    // claim its namespace twice.
    Files.copy(Fixtures.input(Fixtures.root().resolve("core-from-chart-0-31-0")),
        repo.resolve("core.yml"));
    Files.writeString(repo.resolve("bad.yaml"), HEAD + "kind: VClusterOrchestrator\n"
        + "metadata: {name: bad, namespace: platform-requests}\nspec:\n  name: Bad_Name\n"
        + "---\n" + HEAD + "kind: VClusterCore\nmetadata: {name: leak, namespace: platform-requests}\n"
        + "spec: {name: leak, targetNamespace: vcluster-leak, valuesYaml: \"controlPlane: "
        + "{statefulSet: {annotations: {x: 'apiVersion: v1\\n\\nkind: Secret\\n'}}}\"}\n"
        + "---\n" + HEAD + "kind: VClusterOrchestrator\nmetadata: {name: chart, namespace: platform-requests}\n"
        + "spec: {name: chart, vcluster: {helmOverrides: {controlPlane: {statefulset: {}}}}}\n"
        + "---\n" + HEAD + "kind: VClusterOrchestratr\nmetadata: {name: typo, namespace: platform-requests}\n"
        + "spec: {name: typo}\n");
    Files.writeString(repo.resolve("other.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    Files.writeString(repo.resolve("notes.txt"), "not YAML, not looked at\n");
    return work.resolve("repo");
  }

  @Test
  void jsonGivesAVerdictPerRequestWithPathsAndExitsNonZero() throws IOException {
    Cli result = Cli.run("check", "--format", "json", repository().toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.CHECK_FAILED.code());
    JsonNode report = JSON.readTree(result.out());
    List<String> verdicts = new ArrayList<>();
    for (JsonNode entry : report.path("results")) {
      verdicts.add(entry.path("name").asText() + "=" + entry.path("ok").asBoolean());
      assertThat(entry.has("file") && entry.has("kind") && entry.path("errors").isArray()).isTrue();
      for (JsonNode error : entry.path("errors")) {
        assertThat(error.path("path").asText()).isNotBlank();
        assertThat(error.path("message").asText()).isNotBlank();
      }
    }
    assertThat(verdicts).containsExactlyInAnyOrder("payments=true", "next=true", "bad=false",
        "leak=false", "chart=false", "typo=false");
    assertThat(errorOf(report, "bad").path("path").asText()).isEqualTo("spec.name");
    assertThat(errorOf(report, "leak").path("message").asText()).contains("Secret");
    assertThat(errorOf(report, "chart").path("message").asText()).contains("controlPlane.statefulset");
    assertThat(errorOf(report, "typo").path("path").asText()).isEqualTo("kind");
    assertThat(report.path("skipped").toString()).contains("other.yaml");
    assertThat(report.path("ok").asBoolean()).isFalse();
  }

  private static JsonNode errorOf(JsonNode report, String name) {
    for (JsonNode entry : report.path("results")) {
      if (entry.path("name").asText().equals(name)) {
        return entry.path("errors").get(0);
      }
    }
    throw new AssertionError("no result for " + name);
  }

  @Test
  void everyFixtureInputPassesAndExitsZero() throws IOException {
    // The inputs only, one at a time under the case's own settings: the cases are not one
    // platform's repository (several claim one vcluster's names, as its parts do).
    for (Path fixture : Fixtures.cases()) {
      List<String> args = new java.util.ArrayList<>(List.of("check"));
      Fixtures.settings(fixture).ifPresent(s -> args.addAll(List.of("--settings", s.toString())));
      args.add(Fixtures.input(fixture).toString());
      Cli result = Cli.run(args.toArray(String[]::new));
      assertThat(result.exitCode()).as(result.out()).isZero();
      assertThat(result.out()).contains("0 failed");
    }
  }

  @Test
  void junitIsWellFormedWithAFailurePerFailedRequest() throws Exception {
    Cli result = Cli.run("check", "--format", "junit", repository().toString());
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(result.out().getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getAttribute("tests")).isEqualTo(
        String.valueOf(document.getElementsByTagName("testcase").getLength()));
    assertThat(document.getElementsByTagName("testcase").getLength()
        - document.getElementsByTagName("skipped").getLength()).isEqualTo(6);
    assertThat(document.getElementsByTagName("failure").getLength()).isEqualTo(4);
  }

  @Test
  void aRenderedDocumentThatBreaksItsUpstreamSchemaFails() throws IOException {
    Path templates = work.resolve("templates");
    copy(Fixtures.projectRoot().resolve("templates"), templates);
    Path victim = templates.resolve("vcluster-coredns/coredns-configmap.yaml.ftl");
    Files.writeString(victim, Files.readString(victim).replace("data:", "datta:"));
    Cli result = Cli.run("check", "--format", "json", "--templates", templates.toString(),
        Fixtures.input(Fixtures.root().resolve("coredns-default-domain")).toString());
    assertThat(result.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
    assertThat(JSON.readTree(result.out()).at("/results/0/errors/0/path").asText())
        .contains("coredns-configmap.yaml document 1");
  }

  @Test
  void withPartsAnOrchestratorsPartsAreRenderedAndCheckedToo() throws IOException {
    Path templates = work.resolve("templates");
    copy(Fixtures.projectRoot().resolve("templates"), templates);
    Path victim = templates.resolve("vcluster-coredns/coredns-configmap.yaml.ftl");
    Files.writeString(victim, Files.readString(victim).replace("data:", "datta:"));
    String request = Fixtures.input(Fixtures.root().resolve("orchestrator-prod-preset")).toString();

    Cli without = Cli.run("check", "--templates", templates.toString(), request);
    assertThat(without.exitCode()).as(without.out()).isZero();
    Cli with = Cli.run("check", "--format", "json", "--with-parts", "--templates",
        templates.toString(), request);
    assertThat(with.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
    assertThat(JSON.readTree(with.out()).at("/results/0/errors/0/path").asText())
        .startsWith("parts: vcluster-coredns/coredns-configmap.yaml document 1");
  }

  @Test
  void diffAgainstReportsWhatWouldChangeInTheStateRepository() throws IOException {
    Path state = work.resolve("state/vcluster-coredns/platform-requests/dns");
    Files.createDirectories(state);
    Files.writeString(state.resolve("coredns-configmap.yaml"), "old: content\n");
    Files.writeString(state.resolve("gone.yaml"), "x: 1\n");
    Path request = Files.writeString(work.resolve("dns.yaml"), HEAD + "kind: VClusterCoredns\n"
        + "metadata: {name: dns, namespace: platform-requests}\n"
        + "spec: {name: dns, targetNamespace: vcluster-dns}\n");
    Cli result = Cli.run("check", "--diff-against", work.resolve("state").toString(), request.toString());
    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out()).contains("changed vcluster-coredns/platform-requests/dns/coredns-configmap.yaml",
        "-old: content", "removed vcluster-coredns/platform-requests/dns/gone.yaml");
  }

  @Test
  void renderTestShowsTheDiffOfAChangedTemplateAndFails() throws IOException {
    Path cases = work.resolve("cases");
    copy(Fixtures.root().resolve("coredns-custom-domain"), cases.resolve("coredns-custom-domain"));
    Path templates = work.resolve("templates");
    copy(Fixtures.projectRoot().resolve("templates"), templates);
    Path victim = templates.resolve("vcluster-coredns/coredns-configmap.yaml.ftl");
    Files.writeString(victim, Files.readString(victim).replace("  namespace:", "  # changed\n  namespace:"));

    Cli same = Cli.run("test", cases.toString());
    assertThat(same.exitCode()).as(same.out()).isZero();
    Cli changed = Cli.run("test", "--templates", templates.toString(), cases.toString());
    assertThat(changed.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
    assertThat(changed.out()).contains("FAIL  coredns-custom-domain", "@@", "+  # changed");

    Cli update = Cli.run("test", "--update", "--templates", templates.toString(), cases.toString());
    assertThat(update.exitCode()).isZero();
    assertThat(Cli.run("test", "--templates", templates.toString(), cases.toString()).exitCode()).isZero();
  }

  @Test
  void renderTestTakesTheKratixTestPipelineLayout() throws IOException {
    Path fixture = work.resolve("argocd-project-defaults");
    copy(Fixtures.root().resolve("argocd-project-defaults"), fixture);
    Cli result = Cli.run("test", "--input-dir", fixture.resolve("input").toString(),
        "--expected-output-dir", fixture.resolve("output").toString(),
        "--expected-metadata-dir", fixture.resolve("metadata").toString());
    assertThat(result.exitCode()).as(result.out()).isZero();
    Cli wrong = Cli.run("test", "--input-dir", fixture.resolve("input").toString(),
        "--expected-output-dir", Fixtures.root().resolve("argocd-project-custom-destination/output").toString());
    assertThat(wrong.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
    assertThat(wrong.out()).contains("---", "+++");
    // nothing is written beside the case: a render test writes only to its own scratch folder
    try (Stream<Path> files = Files.walk(fixture)) {
      assertThat(files.filter(Files::isDirectory).map(p -> fixture.relativize(p).toString()))
          .containsExactlyInAnyOrder("", "input", "output", "metadata");
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

package tech.integratn.pipeline.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * The gate has no silent passes: each row is a repository of requests with one hole beside a
 * good request, the options, the exit code, and what the verdict on the hole says, with the file
 * and line it points at (json report).
 */
class CheckHolesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String GOOD = "apiVersion: platform.integratn.tech/v1alpha1\n"
      + "kind: VClusterOrchestrator\nmetadata:\n  name: good\n  namespace: platform-requests\n"
      + "spec:\n  name: good\n";

  @TempDir Path work;

  static Stream<Arguments> holes() {
    return Stream.of(
        hole("a misspelt API group is not skipped: it fails with the group it meant",
            "typo.yaml", GOOD.replace("integratn.tech", "integratn.tch").replace("good", "typo"),
            List.of(), 8, "apiVersion", 1, "did you mean platform.integratn.tech/v1alpha1 "
                + "VClusterOrchestrator?"),
        hole("one of the platform's kinds under another group fails",
            "other.yaml", GOOD.replace("platform.integratn.tech/v1alpha1", "example.org/v1")
                .replace("good", "other"), List.of(), 8, "apiVersion", 1, "no promise serves it"),
        hole("a plaintext Secret among the requests fails",
            "secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {a: b}\n",
            List.of(), 8, "kind", 2, "is a Kubernetes Secret"),
        hole("a Secret inside a List fails on its line",
            "list.yaml", "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n"
                + "    kind: Secret\n    metadata: {name: s}\n", List.of(), 8, "line 5", 5,
            "is a Kubernetes Secret"),
        hole("an empty file fails", "empty.yaml", "", List.of(), 8, "empty.yaml", 1,
            "holds no YAML document"),
        hole("a file of comments only fails", "comments.yaml", "# todo\n", List.of(), 8,
            "comments.yaml", 1, "holds no YAML document"),
        hole("a problem in the second document points at its line in the file",
            "two.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n"
                + GOOD.replace("good", "two") + "  vcluster:\n    presett: dev\n", List.of(), 8,
            "spec.vcluster.presett", 13, "did you mean preset?"),
        hole("a YAML syntax error keeps its line",
            "syntax.yaml", GOOD.replace("good", "syntax") + "  vcluster: [a\n  x: : b\n",
            List.of(), 8, "syntax.yaml", 9, "is not valid YAML at line 9, column"),
        hole("a misspelt kind with no apiVersion fails", "noapi.yaml",
            "kind: VClustr\nmetadata: {name: n}\n", List.of(), 8, "apiVersion", 1,
            "did you mean platform.integratn.tech/v1alpha1 VCluster?"),
        hole("another group's kind that is close to ours is not ours", "capi.yaml",
            "apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\nmetadata: {name: c}\n",
            List.of(), 0, null, 0, null),
        hole("an excluded file is not read", "skipme.yaml", "", List.of("--exclude", "skip*.yaml"),
            0, null, 0, null),
        hole("an excluded folder is not read", "ci/empty.yaml", "", List.of("--exclude", "ci"), 0,
            null, 0, null));
  }

  private static Arguments hole(String reason, String file, String text, List<String> options,
      int exit, String path, int line, String says) {
    return Arguments.of(reason, file, text, options, exit, path, line, says);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("holes")
  void everyHoleFailsWithAVerdict(String reason, String file, String text, List<String> options,
      int exit, String path, int line, String says) throws IOException {
    Path repo = work.resolve("repo");
    Files.createDirectories(repo.resolve(file).getParent());
    Files.writeString(repo.resolve("good.yaml"), GOOD);
    Files.writeString(repo.resolve(file), text);
    List<String> args = new ArrayList<>(List.of("check", "--format", "json"));
    args.addAll(options);
    args.add(repo.toString());

    Cli result = Cli.run(args.toArray(String[]::new));

    assertThat(result.exitCode()).as(reason + "\n" + result.out() + result.err()).isEqualTo(exit);
    if (says == null) {
      return;
    }
    JsonNode report = JSON.readTree(result.out());
    List<JsonNode> errors = new ArrayList<>();
    for (JsonNode entry : report.path("results")) {
      if (entry.path("source").asText().endsWith(file)) {
        entry.path("errors").forEach(errors::add);
      }
    }
    assertThat(errors).as(reason + "\n" + report).isNotEmpty();
    JsonNode error = errors.get(0);
    assertThat(error.path("path").asText()).as(reason).endsWith(path);
    assertThat(error.path("line").asInt()).as(reason).isEqualTo(line);
    assertThat(error.path("message").asText()).as(reason).contains(says);
  }

  static Stream<Arguments> emptyRuns() {
    return Stream.of(
        Arguments.of("an empty folder fails", Map.of(), List.of(), 8),
        Arguments.of("a folder of other YAML only fails",
            Map.of("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"), List.of(), 8),
        Arguments.of("--allow-empty passes an empty folder", Map.of(), List.of("--allow-empty"), 0),
        Arguments.of("a folder whose requests are all excluded fails",
            Map.of("good.yaml", GOOD), List.of("--exclude", "*.yaml"), 8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emptyRuns")
  void aRunWithNoRequestFailsUnlessAllowed(String reason, Map<String, String> files,
      List<String> options, int exit) throws IOException {
    Path repo = Files.createDirectories(work.resolve("repo"));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(repo.resolve(file.getKey()), file.getValue());
    }
    List<String> args = new ArrayList<>(List.of("check"));
    args.addAll(options);
    args.add(repo.toString());
    Cli result = Cli.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).as(reason + "\n" + result.out()).isEqualTo(exit);
    if (exit != 0) {
      assertThat(result.out()).contains("no platform.integratn.tech request was found",
          "--allow-empty");
    }
  }

  @Test
  void githubAnnotationsAndSarifCarryFileAndLine() throws IOException {
    Path repo = Files.createDirectories(work.resolve("repo"));
    Files.writeString(repo.resolve("bad.yaml"), GOOD + "  vcluster:\n    presett: dev\n");
    String file = repo.resolve("bad.yaml").toString();

    Cli github = Cli.run("check", "--format", "github", repo.toString());
    assertThat(github.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
    assertThat(github.out()).contains("::error file=" + file + ",line=9,title=VClusterOrchestrator"
        + " good::spec.vcluster.presett%3A".replace("%3A", ": "));

    Cli sarif = Cli.run("check", "--format", "sarif", repo.toString());
    JsonNode result = JSON.readTree(sarif.out()).path("runs").get(0).path("results").get(0);
    assertThat(JSON.readTree(sarif.out()).path("version").asText()).isEqualTo("2.1.0");
    assertThat(result.path("level").asText()).isEqualTo("error");
    JsonNode location = result.path("locations").get(0).path("physicalLocation");
    assertThat(location.path("region").path("startLine").asInt()).isEqualTo(9);
    assertThat(location.path("artifactLocation").path("uri").asText()).endsWith("/repo/bad.yaml");
  }

  @Test
  void failFastStopsAtTheFirstFailure() throws IOException {
    Path repo = Files.createDirectories(work.resolve("repo"));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("a.yaml", "");
    files.put("b.yaml", "");
    files.put("c.yaml", GOOD);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(repo.resolve(file.getKey()), file.getValue());
    }
    Cli all = Cli.run("check", "--format", "json", repo.toString());
    Cli fast = Cli.run("check", "--format", "json", "--fail-fast", repo.toString());
    assertThat(JSON.readTree(all.out()).path("results")).hasSize(3);
    assertThat(JSON.readTree(fast.out()).path("results")).hasSize(1);
    assertThat(fast.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
  }

  @Test
  void githubEscapesWhatWouldEndAnAnnotation() {
    assertThat(CheckReport.data("50% a\nb")).isEqualTo("50%25 a%0Ab");
    assertThat(CheckReport.property("a:b,c")).isEqualTo("a%3Ab%2Cc");
  }
}

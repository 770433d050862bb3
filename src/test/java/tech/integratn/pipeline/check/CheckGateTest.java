package tech.integratn.pipeline.check;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * {@code render check} and {@code render test} as a CI gate a platform can trust, tried as an
 * adopting platform engineer would: misspelt and mistyped fields, several problems at once,
 * stray, huge, deep and undecodable files among good requests, and every report format.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CheckGateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEAD = "apiVersion: platform.integratn.tech/v1alpha1\n"
      + "kind: VClusterOrchestrator\nmetadata:\n  name: %s\n  namespace: platform-requests\nspec:\n"
      + "  name: %s\n";

  @TempDir Path work;

  private Path request(String file, String name, String spec) throws IOException {
    Path path = work.resolve("repo").resolve(file);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, String.format(HEAD, name, name) + spec);
  }

  private JsonNode json(Cli result) throws IOException {
    return JSON.readTree(result.out());
  }

  private static JsonNode resultFor(JsonNode report, String name) {
    for (JsonNode entry : report.path("results")) {
      if (entry.path("name").asText().equals(name)) {
        return entry;
      }
    }
    throw new AssertionError("no verdict for " + name + " in " + report);
  }

  @Test
  void misspeltFieldsFailWithEveryProblemAndASuggestion() throws IOException {
    request("typos.yaml", "typos", "  targetNamspace: vc-typos\n  vcluster:\n    presett: prod\n"
        + "    replicas: many\n  exposure: {hostnme: x}\n");
    Cli result = Cli.run("check", "--format", "json", work.resolve("repo").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
    JsonNode errors = resultFor(json(result), "typos").path("errors");
    assertThat(errors).hasSize(4);
    assertThat(errors.toString()).contains("spec.targetNamspace", "did you mean targetNamespace?",
        "spec.vcluster.presett", "did you mean preset?", "spec.vcluster.replicas",
        "spec.exposure.hostnme", "did you mean hostname?");
    for (JsonNode error : errors) {
      assertThat(error.path("message").asText()).as("the path is said once")
          .doesNotContain(error.path("path").asText());
    }

    Cli lenient = Cli.run("check", "--lenient", "--format", "json",
        work.resolve("repo").toString());
    assertThat(resultFor(json(lenient), "typos").path("errors")).hasSize(1);
  }

  @Test
  void strayHugeDeepAndUndecodableFilesFailOnTheirOwnAndTheReportIsWritten() throws Exception {
    request("good.yaml", "good", "");
    Files.createDirectories(work.resolve("repo/folder.yaml")); // a directory named like a file
    try (RandomAccessFile huge = new RandomAccessFile(work.resolve("repo/huge.yaml").toFile(), "rw")) {
      huge.setLength(3L << 30); // sparse
    }
    request("deep.yaml", "deep", "  vcluster:\n    helmOverrides:\n      a: "
        + "[".repeat(200_000) + "]".repeat(200_000) + "\n");
    request("escape.yaml", "escape", "  targetNamespace: \"\\UFFFFFFFF\"\n");
    Files.write(work.resolve("repo/latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});
    Path report = work.resolve("reports/junit.xml");

    Cli result = Cli.run("check", "--format", "junit", "--output", report.toString(),
        work.resolve("repo").toString());

    assertThat(assertExited("a failed check", result, ExitCode.CHECK_FAILED))
        .doesNotContain("Exception");
    assertThat(result.out()).contains("failed").contains("report: " + report);
    String xml = Files.readString(report);
    assertValidJunit(xml);
    assertThat(xml).contains("huge.yaml", "larger than", "latin1.yaml", "not UTF-8", "deep.yaml",
        "escape.yaml");
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getElementsByTagName("failure").getLength()).isEqualTo(4);
  }

  /** Valid against the JUnit report structure CI systems read (src/test/resources/junit). */
  static void assertValidJunit(String xml) throws Exception {
    javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(CheckGateTest.class.getResource("/junit/junit.xsd")).newValidator()
        .validate(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(xml)));
  }

  /**
   * A folder the CI user cannot read fails on its own, and the rest is still judged: as root
   * (CI), the check runs as nobody over a copy of the classes; elsewhere the folder's mode does.
   */
  @Test
  void anUnreadableFolderIsAVerdict() throws Exception {
    request("good.yaml", "good", "");
    Path locked = Files.createDirectories(work.resolve("repo/locked"));
    Files.writeString(locked.resolve("hidden.yaml"), String.format(HEAD, "hidden", "hidden"));
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    boolean root = "root".equals(System.getProperty("user.name"));
    Cli result;
    if (!root) {
      result = Cli.run("check", "--format", "json", work.resolve("repo").toString());
    } else {
      tech.integratn.pipeline.Tools.require(new java.io.File("/usr/sbin/runuser").exists()
          || new java.io.File("/sbin/runuser").exists(), "runuser is not installed");
      result = asNobody("check", "--format", "json", work.resolve("repo").toString());
    }
    assertThat(assertExited("an unreadable file fails the check", result,
        ExitCode.CHECK_FAILED)).doesNotContain("Exception");
    JsonNode report = JSON.readTree(result.out());
    assertThat(report.path("counts").path("passed").asInt()).isEqualTo(1);
    assertThat(report.toString()).contains("locked", "permission denied");
  }

  /** The command in a JVM of its own, as the unprivileged user nobody. */
  private Cli asNobody(String... args) throws Exception {
    Path classes = Files.createDirectories(work.resolve("classpath"));
    List<String> entries = new java.util.ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path source = Path.of(entry);
      Path copy = classes.resolve((n++) + "-" + source.getFileName());
      if (Files.isDirectory(source)) {
        try (var walk = Files.walk(source)) {
          for (Path p : (Iterable<Path>) walk::iterator) {
            Path target = copy.resolve(source.relativize(p).toString());
            if (Files.isDirectory(p)) {
              Files.createDirectories(target);
            } else {
              Files.copy(p, target);
            }
          }
        }
      } else if (Files.exists(source)) {
        Files.copy(source, copy);
      }
      entries.add(copy.toString());
    }
    for (Path p = work; p != null && !p.equals(p.getRoot()); p = p.getParent()) {
      if (!p.toString().startsWith("/tmp")) {
        break;
      }
      p.toFile().setExecutable(true, false);
      p.toFile().setReadable(true, false);
    }
    try (var walk = Files.walk(work)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (!p.startsWith(work.resolve("repo/locked"))) {
          p.toFile().setReadable(true, false);
          p.toFile().setExecutable(Files.isDirectory(p), false);
        }
      }
    }
    List<String> command = new java.util.ArrayList<>(List.of("runuser", "-u", "nobody", "--",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        String.join(java.io.File.pathSeparator, entries), "tech.integratn.pipeline.cli.RenderCommand"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    process.waitFor(60, TimeUnit.SECONDS);
    return new Cli(process.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void junitIsValidForAnyFileName() throws Exception {
    Path odd = request("odd \uFFFE\u0001<&\"'>.yaml", "odd", "  targetNamspace: x\n");
    request("fine.yaml", "fine", "");
    Files.writeString(work.resolve("repo/other.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
    assertValidJunit(Cli.run("check", "--format", "junit", work.resolve("repo").toString()).out());
    Cli result = Cli.run("check", "--format", "junit", odd.toString());
    assertValidJunit(result.out());
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(result.out().getBytes(StandardCharsets.UTF_8)));
    var suite = (org.w3c.dom.Element) document.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("1");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("time")).matches("\\d+\\.\\d{3}");
    var testcase = (org.w3c.dom.Element) document.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("time")).matches("\\d+\\.\\d{3}");
  }

  @Test
  void jsonAndTapCarryCountsDurationsAndObjects() throws IOException {
    request("a.yaml", "a", "");
    request("b.yaml", "b", "  targetNamspace: x\n");
    Files.writeString(work.resolve("repo/other.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
    JsonNode report = json(Cli.run("check", "--format", "json", work.resolve("repo").toString()));
    assertThat(report.path("counts").toString()).isEqualTo(
        "{\"requests\":2,\"passed\":1,\"failed\":1,\"skipped\":1}");
    assertThat(report.path("seconds").isNumber()).isTrue();
    assertThat(report.at("/results/0/seconds").isNumber()).isTrue();
    assertThat(report.at("/skipped/0/file").asText()).endsWith("other.yaml");
    assertThat(report.at("/skipped/0/reason").asText()).isNotEmpty();

    Cli tap = Cli.run("check", "--format", "tap", work.resolve("repo").toString());
    assertThat(tap.out()).startsWith("TAP version 13\n1..3\n").contains("not ok ", "# SKIP");

    Cli quiet = Cli.run("check", "--quiet", work.resolve("repo").toString());
    assertThat(quiet.out()).contains("FAIL").doesNotContain("ok    ").doesNotContain("skip  ")
        .contains("2 requests checked");
  }

  @Test
  void twoFilesForOneResourceAreFlagged() throws IOException {
    request("one.yaml", "same", "");
    request("two.yaml", "same", "");
    Cli result = Cli.run("check", work.resolve("repo").toString());
    assertThat(result.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
    assertThat(result.out()).contains("the same resource (VClusterOrchestrator platform-requests/same)");
  }

  /**
   * Names a platform opens to free choice (a namespace pattern, a hostname domain) are kept
   * apart only here, and so are the load-balancer IPs and a sub-request committed on its own: two
   * requests that claim one fail, each naming the other.
   */
  @Test
  void twoRequestsThatClaimOneNameAreFlagged() throws IOException {
    Path settings = Files.writeString(work.resolve("settings.yaml"), "requestPolicy:\n"
        + "  targetNamespacePattern: '^shared-[a-z]+$'\n  hostnameDomains: [example.com]\n");
    request("a.yaml", "alpha", "  targetNamespace: shared-ns\n");
    request("b.yaml", "beta", "  targetNamespace: shared-ns\n");
    request("c.yaml", "gamma", "  exposure: {hostname: api.example.com}\n");
    request("d.yaml", "delta", "  exposure: {hostname: api.example.com}\n");
    request("e.yaml", "epsilon", "");
    request("f.yaml", "zeta", "  exposure: {vip: 10.1.2.3}\n");
    request("g.yaml", "eta", "  exposure: {vip: 10.1.2.3}\n");
    Files.writeString(work.resolve("repo/h.yaml"), "apiVersion: platform.integratn.tech/v1alpha1\n"
        + "kind: ArgoCDProject\nmetadata: {name: vcluster-epsilon, namespace: platform-requests}\n"
        + "spec: {name: vcluster-epsilon}\n");
    Cli result = Cli.run("check", "--format", "json", "--settings", settings.toString(),
        work.resolve("repo").toString());
    assertThat(result.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
    JsonNode report = json(result);
    assertThat(resultFor(report, "alpha").toString())
        .contains("claims the vcluster namespace shared-ns", "VClusterOrchestrator platform-requests/beta");
    assertThat(resultFor(report, "beta").toString()).contains("platform-requests/alpha");
    assertThat(resultFor(report, "gamma").toString())
        .contains("claims the hostname api.example.com", "platform-requests/delta");
    assertThat(resultFor(report, "zeta").toString()).contains("claims the load-balancer IP 10.1.2.3");
    assertThat(resultFor(report, "epsilon").toString())
        .contains("claims the Argo CD project vcluster-epsilon", "ArgoCDProject");
    assertThat(resultFor(report, "vcluster-epsilon").toString()).contains("VClusterOrchestrator");
  }

  @Test
  void standardInputIsAPath() throws IOException {
    InputStream before = System.in;
    try {
      System.setIn(new ByteArrayInputStream(String.format(HEAD, "piped", "piped")
          .getBytes(StandardCharsets.UTF_8)));
      Cli result = Cli.run("check", "-");
      assertThat(result.exitCode()).as(result.out()).isZero();
      assertThat(result.out()).contains("(standard input)", "1 request checked");
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void aMissingPathAndAMissingSettingsFileAreUsageErrors() {
    assertThat(Cli.run("check", work.resolve("nope").toString()).exitCode())
        .isEqualTo(ExitCode.USAGE.code());
    Cli settings = Cli.run(java.util.Map.of("VCLUSTER_PIPELINE_SETTINGS",
        work.resolve("none.yaml").toString()), "check", work.toString());
    assertThat(settings.exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void hostileSettingsAreUsageErrorsNotCrashes() throws IOException {
    for (String text : new String[] {"baseDomain: !!binary aGVsbG8=\n",
        "baseDomain: \"\\UFFFFFFFF\"\n", "argocd: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n",
        "baseDomian: x\n"}) {
      Path settings = Files.writeString(work.resolve("settings.yaml"), text);
      Cli result = Cli.run("check", "--settings", settings.toString(), work.toString());
      assertThat(assertExited("hostile settings are usage errors not crashes", result,
          ExitCode.USAGE,
          settings.toString())).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void aHugeExpectedFileIsAVerdictNotACrash() throws IOException {
    Path testCase = work.resolve("cases/big");
    Files.createDirectories(testCase.resolve("input"));
    Files.createDirectories(testCase.resolve("output"));
    Files.writeString(testCase.resolve("input/object.yaml"), String.format(HEAD, "big", "big"));
    try (RandomAccessFile huge = new RandomAccessFile(
        testCase.resolve("output/vcluster-core-request.yaml").toFile(), "rw")) {
      huge.setLength(3L << 30);
    }
    Cli result = Cli.run("test", testCase.toString());
    assertThat(result.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
    assertThat(result.out()).contains("too large to compare");
  }

  @Test
  void renderHelpListsTheCommandsAndExitsZero() {
    Cli result = Cli.run("help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("check", "test", "sync-kubeconfig", "promises");
  }

  @Test
  void aNewTestCaseSaysToUpdateAndUpdateRecordsOutputAndMetadata() throws Exception {
    Path testCase = work.resolve("cases/new");
    Files.createDirectories(testCase.resolve("input"));
    Files.writeString(testCase.resolve("input/object.yaml"), String.format(HEAD, "fresh", "fresh"));

    Cli first = Cli.run("test", testCase.toString());
    assertThat(first.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
    assertThat(first.out()).contains("no expected files yet", "--update");
    assertThat(first.out().lines().count()).isLessThan(10);

    Cli update = Cli.run("test", "-u", testCase.toString());
    assertThat(update.exitCode()).isZero();
    assertThat(testCase.resolve("metadata/status.yaml")).exists();
    assertThat(testCase.resolve("output/vcluster-core-request.yaml")).exists();

    Path junit = work.resolve("test-report.xml");
    Cli again = Cli.run("test", "--output", junit.toString(), testCase.toString());
    assertThat(again.exitCode()).isZero();
    assertValidJunit(Files.readString(junit));
    assertThat(Files.readString(junit)).contains("<testsuite name=\"render test\"", "tests=\"1\"",
        "failures=\"0\"");
  }
}

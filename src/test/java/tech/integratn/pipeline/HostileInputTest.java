package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.read.RequestReader;

/** Broken and hostile input files: refused with exit 3, one clear paragraph, nothing written. */
class HostileInputTest {
  private static final String HEAD = "apiVersion: platform.integratn.tech/v1alpha1\n"
      + "kind: VClusterOrchestrator\nmetadata:\n  name: x\n  namespace: platform-requests\n";

  @TempDir Path work;

  static Stream<Arguments> inputs() {
    byte[] binary = new byte[4096];
    new Random(7).nextBytes(binary);
    binary[10] = 0;
    StringBuilder laughs = new StringBuilder(HEAD + "spec:\n  name: x\n  vcluster:\n    helmOverrides:\n");
    laughs.append("      a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      laughs.append("      a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        laughs.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      laughs.append("]\n");
    }
    StringBuilder fewAliases = new StringBuilder(HEAD + "spec:\n  name: x\n  vcluster:\n    helmOverrides:\n");
    fewAliases.append("      b0: &b0 {k: [v, v, v, v]}\n");
    for (int i = 1; i < 10; i++) {
      fewAliases.append("      b").append(i).append(": &b").append(i)
          .append(" [*b").append(i - 1).append(", *b").append(i - 1)
          .append(", *b").append(i - 1).append(", *b").append(i - 1).append("]\n");
    }
    String deep = HEAD + "spec:\n  name: x\n  vcluster:\n    helmOverrides:\n      deep: "
        + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    String huge = HEAD + "spec:\n  name: x\n  vcluster:\n    helmOverrides:\n      blob: \""
        + "x".repeat(RequestReader.MAX_INPUT_BYTES) + "\"\n";
    return Stream.of(
        Arguments.of("empty file", bytes(""), "empty"),
        Arguments.of("only a comment", bytes("# nothing\n"), "no YAML document"),
        Arguments.of("binary", binary, "binary"),
        Arguments.of("latin-1", "spec:\n  name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), "UTF-8"),
        Arguments.of("unparsable", bytes(HEAD + "spec: {name: [x\n"), "not valid YAML"),
        Arguments.of("tab indentation", bytes(HEAD + "spec:\n\tname: x\n"), "not valid YAML"),
        Arguments.of("a list", bytes("- a\n- b\n"), "list"),
        Arguments.of("a scalar", bytes("hello\n"), "single value"),
        Arguments.of("two documents", bytes(HEAD + "spec: {name: x}\n---\n" + HEAD + "spec: {name: y}\n"), "2 YAML documents"),
        Arguments.of("unknown kind", bytes("apiVersion: platform.integratn.tech/v1alpha1\nkind: VClusterX\nspec: {}\n"), "VClusterOrchestrator, VCluster, VClusterCore"),
        Arguments.of("wrong group", bytes("apiVersion: other.example.com/v1alpha1\nkind: VClusterOrchestrator\nspec: {}\n"), "apiVersion"),
        Arguments.of("no kind", bytes("spec: {name: x}\n"), "kind"),
        Arguments.of("null spec", bytes(HEAD + "spec: null\n"), "spec"),
        Arguments.of("null name", bytes(HEAD + "spec:\n  name: null\n"), "spec.name"),
        Arguments.of("spec a list", bytes(HEAD + "spec: [a]\n"), "spec"),
        Arguments.of("duplicate keys", bytes(HEAD + "spec:\n  name: x\n  name: y\n"), "duplicate"),
        Arguments.of("billion laughs", bytes(laughs.toString()), "aliases"),
        Arguments.of("alias expansion under the alias limit", bytes(fewAliases.toString()), "values"),
        Arguments.of("deep nesting", bytes(deep), "nested"),
        Arguments.of("larger than the limit", bytes(huge), "limit"),
        Arguments.of("a !!binary tag", bytes(HEAD.replace("metadata:\n", "metadata:\n  junk: !!binary aGVsbG8=\n")
            + "spec: {name: x}\n"), "metadata.junk"),
        Arguments.of("a !!set tag", bytes(HEAD + "spec: {name: x, vcluster: {helmOverrides: {a: !!set {a}}}}\n"),
            "spec.vcluster.helmOverrides.a"),
        Arguments.of("a Java class tag", bytes(HEAD
            + "spec: {name: x, vcluster: {helmOverrides: {a: !<tag:yaml.org,2002:java.util.UUID> x}}}\n"),
            "tag"),
        Arguments.of("a local tag", bytes(HEAD + "spec: {name: !secret x}\n"), "spec.name"),
        Arguments.of("a timestamp tag", bytes(HEAD + "spec: {name: x, vcluster: {helmOverrides: {a: !!timestamp 2001-12-14}}}\n"),
            "spec.vcluster.helmOverrides.a"),
        Arguments.of("!!int on a word", bytes(HEAD + "spec: {name: x, vcluster: {helmOverrides: {x: !!int \"abc\"}}}\n"),
            "spec.vcluster.helmOverrides.x"),
        Arguments.of("replicas past int", bytes(HEAD + "spec: {name: x, vcluster: {replicas: 2147483648}}\n"),
            "spec.vcluster.replicas"),
        Arguments.of("coredns replicas past long", bytes(HEAD
            + "spec: {name: x, vcluster: {coredns: {replicas: 99999999999999999999}}}\n"), "1 to 100"),
        Arguments.of("a Corefile directive in clusterDomain", bytes(HEAD + "spec: {name: x, vcluster: "
            + "{networking: {clusterDomain: \"cluster.local {\\n  }\\n  forward . 203.0.113.66\\n  #\"}}}\n"),
            "spec.vcluster.networking.clusterDomain"),
        Arguments.of("a base domain that is no DNS name", bytes(HEAD.replace("  namespace: platform-requests\n",
            "  namespace: platform-requests\n  annotations: {platform.integratn.tech/base-domain: \"EXAMPLE..COM/x y\"}\n")
            + "spec: {name: x}\n"), "base-domain"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void isRefusedCleanly(String title, byte[] content, String mentioned) throws IOException {
    Path input = Files.write(work.resolve("object.yaml"), content);

    Cli result = Cli.run("--input", input.toString(), "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString());

    assertThat(assertExited(title, result, ExitCode.INVALID_INPUT)).containsIgnoringCase(mentioned)
        .doesNotContain("Exception").doesNotContain("java.");
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err().length()).isLessThan(1000);
    assertThat(work.resolve("out")).doesNotExist();
    assertThat(work.resolve("meta")).doesNotExist();
  }

  @ParameterizedTest(name = "missing input")
  @MethodSource("missing")
  void aMissingInputFileIsRefused(Path missing) {
    Cli result = Cli.run("--input", work.resolve("nope.yaml").toString(),
        "--output", work.resolve("out").toString(), "--metadata", work.resolve("meta").toString());
    assertExited("a named file that is missing is a usage error everywhere", result,
        ExitCode.USAGE, "does not exist");
    assertThat(work.resolve("out")).doesNotExist();
  }

  @org.junit.jupiter.api.Test
  void anEndlessDeviceIsReadOnlyUpToTheLimit() {
    Cli result = Cli.run("--input", "/dev/zero", "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString());
    assertExited("an endless device is read only up to the limit", result,
        ExitCode.INVALID_INPUT, "limit");
  }

  /** A FIFO fed far more than the limit: the reader stops at limit + 1 and refuses. */
  @org.junit.jupiter.api.Test
  void aFifoIsReadOnlyUpToTheLimit() throws Exception {
    Path fifo = work.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    long[] fed = {0};
    Thread feeder = new Thread(() -> {
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      try (var out = Files.newOutputStream(fifo)) {
        for (int i = 0; i < 800; i++) {
          out.write(chunk);
          fed[0] += chunk.length;
        }
      } catch (IOException reader_closed) {
        // expected: the reader stops early
      }
    });
    feeder.start();
    Cli result = Cli.run("--input", fifo.toString(), "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString());
    feeder.join(10_000);
    assertExited("a fifo is read only up to the limit", result, ExitCode.INVALID_INPUT, "limit");
    assertThat(fed[0]).isLessThan(4L * RequestReader.MAX_INPUT_BYTES);
  }

  /** YAML 1.2's line and paragraph separator escapes are read, not refused. */
  @org.junit.jupiter.api.Test
  void separatorEscapesAreYaml() throws IOException {
    Path input = Files.writeString(work.resolve("object.yaml"), HEAD
        + "spec: {name: x, integrations: {argocd: {clusterAnnotations: {note: \"a\\Lb\\Pc\"}}}}\n");
    Cli result = Cli.run("--input", input.toString(), "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Files.readString(work.resolve("out/vcluster-argocd-cluster-request.yaml")))
        .contains("a\\u2028b\\u2029c");
  }

  static List<Path> missing() {
    return List.of(Path.of("nope.yaml"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

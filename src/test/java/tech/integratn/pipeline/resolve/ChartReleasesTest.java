package tech.integratn.pipeline.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.UpstreamSchemas;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * Every vcluster chart release 0.30.0-0.36.1 is checked against its own values schema: the
 * rendered values pass it, a misspelt key fails under every distinct schema, keys only some
 * releases know follow the release, and a newer release warns or uses the schema a setting names.
 */
class ChartReleasesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** Everything that feeds the values: prod preset, persistence, VIP, port, backing store. */
  private static final String SPEC = "spec:\n  name: rel\n"
      + "  vcluster:\n    preset: prod\n    persistence: {storageClass: nfs}\n"
      + "    backingStore: {etcd: {deploy: {enabled: true}}}\n"
      + "    exportKubeConfig: {context: rel}\n"
      + "  exposure: {subnet: 10.0.0.0/24, apiPort: 8443}\n";

  @TempDir Path work;

  static List<String> releases() {
    return List.copyOf(UpstreamSchemas.releaseTable().keySet());
  }

  static List<String> distinctSchemas() {
    return UpstreamSchemas.chartVersions();
  }

  private Cli render(String spec, String release, String... more) throws IOException {
    Path input = Files.writeString(work.resolve("object.yaml"),
        "apiVersion: platform.integratn.tech/v1alpha1\nkind: VClusterOrchestrator\n"
            + "metadata: {name: rel, namespace: platform-requests}\n" + spec
            + "  argocdApplication: {targetRevision: \"" + release + "\"}\n");
    String[] args = {"--input", input.toString(), "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString()};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return Cli.run(all);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void everyReleaseRendersValuesItsOwnSchemaAccepts(String release) throws IOException {
    Cli result = render(SPEC, release);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).doesNotContain("warning");
    JsonNode application = YAML.readTree(work.resolve("out/argocd-application-request.yaml").toFile());
    JsonNode values = application.at("/spec/source/helm/valuesObject");
    assertThat(UpstreamSchemas.chartViolations(values, release)).isEmpty();
    boolean hasPdb = !values.at("/controlPlane/advanced/podDisruptionBudget").isMissingNode();
    assertThat(hasPdb).as("podDisruptionBudget from 0.31.0 on")
        .isEqualTo(!release.startsWith("0.30."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("distinctSchemas")
  void aMisspeltKeyIsRefusedUnderEverySchema(String release) throws IOException {
    Cli result = render(SPEC.replace("    preset: prod\n",
        "    preset: prod\n    helmOverrides: {controlPlane: {statefulset: {}}}\n"), release);
    assertExited("a misspelt key is refused under every schema", result,
        ExitCode.INVALID_INPUT, "controlPlane.statefulset", "vcluster chart " + release);
  }

  @Test
  void aNewerReleaseRendersWithAWarningNamingTheNewestChecked() throws IOException {
    Cli result = render(SPEC, "0.37.0");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines().filter(l -> l.startsWith("warning:")))
        .singleElement().asString().contains("0.37.0", "0.36.1");
  }

  @Test
  void aNewerReleaseIsCheckedAgainstTheSchemaASettingNames() throws IOException {
    Path schema = Fixtures.projectRoot().resolve("src/main/chart-schemas/values.schema-0.36.0.json");
    Path settings = Files.writeString(work.resolve("settings.yaml"),
        "chart:\n  valuesSchemaFile: " + schema + "\n");
    Cli good = render(SPEC, "0.37.0", "--settings", settings.toString());
    assertThat(good.exitCode()).as(good.err()).isZero();
    assertThat(good.out()).doesNotContain("warning");
    Cli bad = render(SPEC.replace("    preset: prod\n",
        "    preset: prod\n    helmOverrides: {controlPlane: {statefulset: {}}}\n"), "0.37.0",
        "--settings", settings.toString());
    assertExited("a newer release is checked against the schema a setting names", bad,
        ExitCode.INVALID_INPUT, "controlPlane.statefulset", "0.37.0");
  }
}

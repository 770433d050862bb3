package tech.integratn.pipeline.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.failure.ExitCode;

/** Helm values are checked against the chart's own schema for the requested chart version. */
class ChartValuesCheckTest {
  private static final String HEAD = "apiVersion: platform.integratn.tech/v1alpha1\n"
      + "kind: VClusterOrchestrator\nmetadata:\n  name: x\n  namespace: platform-requests\nspec:\n  name: x\n";

  @TempDir Path work;

  private Cli render(String specLines) throws IOException {
    Path input = Files.writeString(work.resolve("object.yaml"), HEAD + specLines);
    return Cli.run("--settings", Fixtures.openPolicy().toString(), "--input", input.toString(), "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString());
  }

  @Test
  void aMisspeltOverrideIsRefusedWithItsKeyPathAndTheChartsMessage() throws IOException {
    Cli result = render("  vcluster:\n    helmOverrides:\n      controlPlane:\n"
        + "        statefulset:\n          highAvailability: {replicas: 2}\n");
    assertExited("a misspelt override is refused with its key path and the chart's message", result,
        ExitCode.INVALID_INPUT, "controlPlane.statefulset", "vcluster chart 0.30.4",
        "not defined in the schema", "spec.vcluster.helmOverrides");
    assertThat(work.resolve("out")).doesNotExist();
  }

  @Test
  void theSchemaOfTheRequestedVersionIsUsed() throws IOException {
    String pdb = "  vcluster:\n    helmOverrides:\n      controlPlane:\n        advanced:\n"
        + "          podDisruptionBudget: {enabled: true}\n";
    assertThat(render(pdb).exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
    Cli newer = render(pdb + "  argocdApplication:\n    targetRevision: v0.31.0\n");
    assertThat(newer.exitCode()).as(newer.err()).isZero();
  }

  /** A request may not name a release older than the checked ones; the platform's settings may. */
  @Test
  void anUnknownChartVersionRendersWithAOneLineWarning() throws IOException {
    Path settings = Files.writeString(work.resolve("settings.yaml"),
        Files.readString(Fixtures.openPolicy()) + "chart:\n  version: 0.29.0\n");
    Path input = Files.writeString(work.resolve("object.yaml"), HEAD);
    Cli result = Cli.run("--settings", settings.toString(), "--input", input.toString(),
        "--output", work.resolve("out").toString(), "--metadata", work.resolve("meta").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines().filter(l -> l.startsWith("warning:")))
        .singleElement().asString().contains("0.29.0", "0.30.0 to 0.36.1");
  }
}

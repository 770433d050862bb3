package tech.integratn.pipeline.read;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.failure.ExitCode;

/** Requests a platform user can get wrong: refused with the field, exit 3, nothing written. */
class InputRefusalTest {
  private static final String HEAD = "apiVersion: platform.integratn.tech/v1alpha1\n"
      + "kind: VClusterOrchestrator\nmetadata:\n  name: x\n  namespace: platform-requests\nspec:\n";

  @TempDir Path work;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing name               | '  vcluster: {}'                                       | spec.name
      name not a DNS label       | '  name: My_Cluster'                                   | spec.name
      name too long              | '  name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' | spec.name
      unknown preset             | '  name: x\n  vcluster: {preset: staging}'             | spec.vcluster.preset
      k8sVersion as a number     | '  name: x\n  vcluster: {k8sVersion: 1.33}'            | spec.vcluster.k8sVersion
      replicas zero              | '  name: x\n  vcluster: {replicas: 0}'                 | spec.vcluster.replicas
      replicas as text           | '  name: x\n  vcluster: {replicas: "3"}'               | spec.vcluster.replicas
      apiPort out of range       | '  name: x\n  exposure: {apiPort: 70000}'              | spec.exposure.apiPort
      hostname uppercase         | '  name: x\n  exposure: {hostname: API.Example.com}'   | spec.exposure.hostname
      subnet not a CIDR          | '  name: x\n  exposure: {subnet: 10.0.0.0/33}'         | spec.exposure.subnet
      vip not an address         | '  name: x\n  exposure: {vip: 10.0.0.256}'             | spec.exposure.vip
      subnet too small           | '  name: x\n  exposure: {subnet: 10.0.0.0/26}'         | spec.exposure.subnet
      vip outside subnet         | '  name: x\n  exposure: {subnet: 10.0.0.0/24, vip: 10.0.1.5}' | spec.exposure.vip
      label value not a string   | '  name: x\n  integrations: {argocd: {clusterLabels: {team: 42}}}' | spec.integrations.argocd.clusterLabels.team
      persistence flag as text   | '  name: x\n  vcluster: {persistence: {enabled: "yes"}}' | spec.vcluster.persistence.enabled
      """)
  void refusesWithTheFieldPath(String title, String specLines, String field) throws IOException {
    Path input = work.resolve("object.yaml");
    Files.writeString(input, HEAD + specLines.replace("\\n", "\n") + "\n");

    Cli result = Cli.run("--input", input.toString(), "--output", work.resolve("out").toString(),
        "--metadata", work.resolve("meta").toString());

    assertThat(assertExited(result.out() + result.err(), result,
        ExitCode.INVALID_INPUT, field)).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(work.resolve("out")).doesNotExist();
    assertThat(work.resolve("meta")).doesNotExist();
  }
}

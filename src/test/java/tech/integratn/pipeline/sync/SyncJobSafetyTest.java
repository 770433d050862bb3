package tech.integratn.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.settings.BuildInfo;
import tech.integratn.pipeline.settings.SettingsReader;

/**
 * The kubeconfig sync Job of every case: only the pipeline image, nothing installed at run time,
 * a restricted security context on every container, no service-account token, the kubeconfig
 * from the vcluster's Secret as a volume, no role at all, and a name that changes with its pod
 * template.
 */
class SyncJobSafetyTest {
  @TempDir Path work;

  static List<Path> casesWithAJob() throws IOException {
    List<Path> cases = new ArrayList<>();
    for (Path fixture : Fixtures.cases()) {
      if (Files.exists(Fixtures.expectedOutput(fixture).resolve("kubeconfig-sync-job.yaml"))) {
        cases.add(fixture);
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("casesWithAJob")
  void theJobRunsOnlyThePipelineImageRestricted(Path fixture) throws IOException {
    String image = Fixtures.settings(fixture)
        .map(s -> SettingsReader.read(s).images().kubeconfigSync()).filter(i -> !i.isEmpty())
        .orElse(BuildInfo.image());
    List<JsonNode> documents = Fixtures.expectedDocuments(fixture);
    assertThat(documents).extracting(d -> d.path("kind").asText())
        .doesNotContain("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "ServiceAccount");
    JsonNode job = documents.stream().filter(d -> d.path("kind").asText().equals("Job"))
        .findFirst().orElseThrow();
    JsonNode pod = job.at("/spec/template/spec");

    assertThat(job.at("/spec/backoffLimit").asInt()).isPositive();
    assertThat(job.at("/spec/activeDeadlineSeconds").asInt()).isPositive();
    assertThat(pod.path("automountServiceAccountToken").isBoolean()
        && !pod.path("automountServiceAccountToken").asBoolean()).isTrue();
    assertThat(pod.has("serviceAccountName")).isFalse();
    assertThat(pod.has("initContainers")).isFalse();
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(pod.path("volumes")).anyMatch(v -> v.at("/secret/secretName").asText().startsWith("vc-"));
    for (JsonNode container : pod.path("containers")) {
      assertThat(container.path("image").asText()).isEqualTo(image);
      assertThat(container.has("command")).as("the image's own entrypoint").isFalse();
      assertThat(container.at("/args/0").asText()).isEqualTo("sync-kubeconfig");
      assertThat(container.toString()).doesNotContain("apk ", "apt-get", "curl", "pip install");
      JsonNode security = container.path("securityContext");
      assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
      assertThat(security.path("runAsUser").asInt()).isEqualTo(65532);
      assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
      assertThat(security.at("/capabilities/drop/0").asText()).isEqualTo("ALL");
      assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(security.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
      assertThat(container.path("env")).anyMatch(e -> e.path("name").asText().equals("OP_CONNECT_TOKEN")
          && e.at("/valueFrom/secretKeyRef/key").asText().equals("token"));
    }
    assertThat(job.at("/metadata/name").asText()).matches("[a-z0-9-]{1,54}-[0-9a-f]{8}");
  }

  /** A changed pod template must reach the cluster: it gets a new Job name. */
  @Test
  void theJobNameFollowsThePodTemplate() throws IOException {
    String base = Files.readString(Fixtures.input(Fixtures.root().resolve("kubeconfig-sync-minimal")));
    String first = jobName(base, "a");
    assertThat(jobName(base, "b")).isEqualTo(first);
    String changed = jobName(base.replace("spec:\n", "spec:\n  apiPort: 6443\n"), "c");
    assertThat(changed).isNotEqualTo(first);
    assertThat(changed.substring(0, changed.length() - 9)).isEqualTo(first.substring(0, first.length() - 9));
  }

  /**
   * The switch-over setting reaches the Job's environment only while it is on (a Job without it
   * never adopts), and the Connect addresses the sync accepts are the ones the settings accept.
   */
  @Test
  void adoptionIsInTheJobOnlyWhileTheSettingIsOn() throws IOException {
    Path input = Fixtures.input(Fixtures.root().resolve("kubeconfig-sync-minimal"));
    Path settings = Files.writeString(work.resolve("settings.yaml"),
        "onepassword:\n  adoptUnmarkedItems: true\n  connectHost: https://gw.example.com/op\n"
            + Files.readString(Fixtures.settings(Fixtures.root().resolve("kubeconfig-sync-minimal"))
                .orElseThrow()));
    Cli on = Cli.run("--input", input.toString(), "--output", work.resolve("on").toString(),
        "--metadata", work.resolve("on-meta").toString(), "--settings", settings.toString());
    assertThat(on.exitCode()).as(on.err()).isZero();
    String job = Files.readString(work.resolve("on/kubeconfig-sync-job.yaml"));
    assertThat(job).contains("- name: OP_ADOPT_UNMARKED_ITEM\n              value: \"true\"\n",
        "value: https://gw.example.com/op\n");

    Cli off = Cli.run("--input", input.toString(), "--output", work.resolve("off").toString(),
        "--metadata", work.resolve("off-meta").toString(), "--settings", Fixtures.settings(
            Fixtures.root().resolve("kubeconfig-sync-minimal")).orElseThrow().toString());
    assertThat(off.exitCode()).as(off.err()).isZero();
    assertThat(Files.readString(work.resolve("off/kubeconfig-sync-job.yaml")))
        .doesNotContain("OP_ADOPT_UNMARKED_ITEM");
  }

  private String jobName(String request, String run) throws IOException {
    Path input = Files.writeString(work.resolve(run + ".yaml"), request);
    Cli result = Cli.run("--settings", Fixtures.openPolicy().toString(), "--input",
        input.toString(), "--output", work.resolve(run).toString(),
        "--metadata", work.resolve(run + "-meta").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    String text = Files.readString(work.resolve(run).resolve("kubeconfig-sync-job.yaml"));
    int at = text.indexOf("kind: Job\nmetadata:\n  name: ");
    return text.substring(at + "kind: Job\nmetadata:\n  name: ".length()).lines().findFirst().orElseThrow();
  }
}

package tech.integratn.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * {@code sync-kubeconfig}, the kubeconfig sync Job's command, against a 1Password Connect stub on
 * 127.0.0.1, run in-process with the environment the rendered Job gives it.
 */
@Tag("slow")
class KubeconfigSyncCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CA = b64("-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n");
  private static final String CERT = b64("client certificate");
  private static final String KEY = b64("client key");

  @TempDir Path work;
  private OnePasswordConnectStub connect;

  @BeforeEach
  void startConnect() throws IOException {
    connect = new OnePasswordConnectStub();
    connect.addVault("v-other", "other");
    connect.addVault("v-home", "homelab");
    connect.addVault("v-team", "team");
  }

  @AfterEach
  void stopConnect() {
    connect.close();
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes());
  }

  private static String kubeconfig(String user) {
    return "apiVersion: v1\nkind: Config\ncurrent-context: vc\n"
        + "clusters:\n- name: other\n  cluster: {server: https://wrong:1}\n"
        + "- name: vc\n  cluster:\n    server: https://vc.example.com:443\n"
        + "    certificate-authority-data: " + CA + "\n"
        + "contexts:\n- name: vc\n  context: {cluster: vc, user: vc}\n"
        + "users:\n- name: vc\n  user:\n" + user;
  }

  private Map<String, String> environment(String vault) {
    Map<String, String> env = new HashMap<>();
    env.put("OP_CONNECT_HOST", connect.url());
    env.put("OP_CONNECT_TOKEN", OnePasswordConnectStub.TOKEN);
    env.put("OP_VAULT_ID", vault);
    env.put("OP_ITEM_NAME", "vcluster-lab-kubeconfig");
    env.put("VCLUSTER_NAME", "lab");
    env.put("NAMESPACE", "vc-lab");
    env.put("SERVER_URL", "");
    return env;
  }

  private Cli sync(Map<String, String> env, String kubeconfigText) throws IOException {
    Path file = work.resolve("config");
    if (kubeconfigText != null) {
      Files.writeString(file, kubeconfigText);
    }
    return Cli.run(env, "sync-kubeconfig", "--kubeconfig", file.toString(),
        "--wait-seconds", "1", "--timeout-seconds", "5");
  }

  private JsonNode onlyItem(String vault) {
    assertThat(connect.items(vault)).hasSize(1);
    return connect.items(vault).values().iterator().next();
  }

  private static String field(JsonNode item, String id) {
    for (JsonNode field : item.path("fields")) {
      if (id.equals(field.path("id").asText())) {
        return field.path("value").asText();
      }
    }
    throw new AssertionError("no field " + id + " in " + item);
  }

  @Test
  void createsTheItemWithTodaysFieldsFromATokenKubeconfig() throws IOException {
    String text = kubeconfig("    token: sa-token-123\n");
    Cli result = sync(environment("v-team"), text);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("created 1Password item vcluster-lab-kubeconfig in vault v-team");
    JsonNode item = onlyItem("v-team");
    assertThat(item.path("tags")).extracting(JsonNode::asText)
        .containsExactly("vcluster-pipeline/vc-lab/lab");
    assertThat(field(item, "managed-by")).startsWith("vcluster-pipeline/vc-lab/lab ");
    assertThat(item.path("title").asText()).isEqualTo("vcluster-lab-kubeconfig");
    assertThat(item.path("category").asText()).isEqualTo("SECURE_NOTE");
    assertThat(field(item, "kubeconfig")).isEqualTo(text);
    assertThat(field(item, "argocd-name")).isEqualTo("vcluster-lab");
    assertThat(field(item, "argocd-server")).isEqualTo("https://vc.example.com:443");
    assertThat(JSON.readTree(field(item, "argocd-config"))).isEqualTo(JSON.readTree(
        "{\"bearerToken\":\"sa-token-123\",\"tlsClientConfig\":{\"insecure\":false,\"caData\":\"" + CA + "\"}}"));
  }

  @Test
  void replacesItsOwnItemAndUsesTheClientCertificateWithoutAToken() throws IOException {
    connect.addItem("v-team", "item-7", "vcluster-lab-kubeconfig", "{\"category\": \"SECURE_NOTE\", "
        + "\"tags\": [\"vcluster-pipeline/vc-lab/lab\", \"kept\"]}");
    Map<String, String> env = environment("team");
    env.put("SERVER_URL", "https://lab.example.com:8443");
    Cli result = sync(env, kubeconfig("    client-certificate-data: " + CERT
        + "\n    client-key-data: " + KEY + "\n"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("replaced", "item-7");
    JsonNode item = onlyItem("v-team");
    assertThat(item.path("id").asText()).isEqualTo("item-7");
    assertThat(item.path("tags")).extracting(JsonNode::asText)
        .containsExactly("vcluster-pipeline/vc-lab/lab", "kept");
    assertThat(field(item, "argocd-server")).isEqualTo("https://lab.example.com:8443");
    assertThat(JSON.readTree(field(item, "argocd-config"))).isEqualTo(JSON.readTree(
        "{\"tlsClientConfig\":{\"insecure\":false,\"caData\":\"" + CA + "\",\"certData\":\""
            + CERT + "\",\"keyData\":\"" + KEY + "\"}}"));
    assertThat(connect.calls).anyMatch(c -> c.method().equals("PUT")
        && c.path().equals("/v1/vaults/v-team/items/item-7"));
  }

  @Test
  void theVaultIsFoundByIdThenNameAndNoneNamedIsAnError() throws IOException {
    String text = kubeconfig("    token: t\n");
    assertThat(sync(environment("v-other"), text).exitCode()).isZero();
    assertThat(connect.items("v-other")).hasSize(1);
    assertThat(sync(environment("team"), text).exitCode()).isZero();
    assertThat(connect.items("v-team")).hasSize(1);
    Cli missing = sync(environment("no-such-vault"), text);
    assertExited("the vault is found by id then name and none named is an error", missing,
        ExitCode.SYNC_FAILED, "no-such-vault", "nothing was written");
    assertThat(connect.items("v-home")).isEmpty();
    // No silent fallback to a vault named homelab: the platform names its vault.
    Cli unnamed = sync(environment(""), text);
    assertExited("the vault is found by id then name and none named is an error", unnamed,
        ExitCode.SYNC_FAILED, "onepassword.vault", "nothing was written");
    assertThat(connect.items("v-home")).isEmpty();
  }

  @Test
  void aRefusedTokenStopsAtOnceWithAClearMessage() throws IOException {
    Map<String, String> env = environment("v-team");
    env.put("OP_CONNECT_TOKEN", "wrong");
    Cli result = sync(env, kubeconfig("    token: t\n"));

    assertThat(assertExited("a refused token stops at once with a clear message", result,
        ExitCode.SYNC_FAILED, "HTTP 401", "token")).doesNotContain("Exception");
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(connect.calls).hasSize(1);
  }

  @Test
  void serverErrorsAreRetriedUntilConnectAnswers() throws IOException {
    connect.failNext(3, 503);
    Cli result = sync(environment("v-team"), kubeconfig("    token: t\n"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("HTTP 503; retrying");
    assertThat(connect.items("v-team")).hasSize(1);
  }

  @Test
  void anUnreachableConnectGivesUpWithinTheTimeout() throws IOException {
    Map<String, String> env = environment("v-team");
    env.put("OP_CONNECT_HOST", "http://127.0.0.1:1");
    long start = System.nanoTime();
    Cli result = Cli.run(env, "sync-kubeconfig", "--kubeconfig",
        Files.writeString(work.resolve("config"), kubeconfig("    token: t\n")).toString(),
        "--timeout-seconds", "2");

    assertExited("an unreachable connect gives up within the timeout", result,
        ExitCode.SYNC_FAILED, "did not answer", "within 2 s");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
  }

  @Test
  void anEmptyKubeconfigIsRefused() throws IOException {
    Cli result = sync(environment("v-team"), "");
    assertExited("an empty kubeconfig is refused", result, ExitCode.INVALID_INPUT, "empty");
    assertThat(connect.calls).isEmpty();
  }

  @Test
  void aKubeconfigWithoutCredentialsIsRefused() throws IOException {
    Cli result = sync(environment("v-team"), kubeconfig("    username: nobody\n"));
    assertExited("a kubeconfig without credentials is refused", result,
        ExitCode.INVALID_INPUT, "neither a token nor a client certificate");
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(connect.calls).isEmpty();
  }

  @Test
  void anExecKubeconfigIsRefused() throws IOException {
    Cli result = sync(environment("v-team"), kubeconfig(
        "    exec: {apiVersion: client.authentication.k8s.io/v1, command: aws}\n"));
    assertExited("an exec kubeconfig is refused", result, ExitCode.INVALID_INPUT, "exec plugin");
    assertThat(connect.calls).isEmpty();
  }

  @Test
  void aSecretVolumeThatAppearsLateIsWaitedFor() throws Exception {
    Path file = work.resolve("late/config");
    Thread writer = new Thread(() -> {
      try {
        Thread.sleep(1200);
        Files.createDirectories(file.getParent());
        Files.writeString(file, kubeconfig("    token: t\n"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    Cli result = Cli.run(environment("v-team"), "sync-kubeconfig", "--kubeconfig",
        file.toString(), "--wait-seconds", "20", "--timeout-seconds", "5");
    writer.join();

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("waiting for the kubeconfig");
    assertThat(connect.items("v-team")).hasSize(1);
  }

  @Test
  void aMissingEnvironmentVariableIsAUsageError() throws IOException {
    Map<String, String> env = environment("v-team");
    env.remove("OP_CONNECT_TOKEN");
    Cli result = sync(env, kubeconfig("    token: t\n"));
    assertExited("a missing environment variable is a usage error", result,
        ExitCode.USAGE, "OP_CONNECT_TOKEN");
  }
}

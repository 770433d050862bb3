package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.resolve.JobScripts;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Runs the kubeconfig sync Job's two scripts, taken from a rendered Job, for real: the init
 * script under bash with a stub kubectl that serves the vcluster's Secret (and the real kubectl
 * for "config view"), the sync script under busybox sh against a 1Password Connect stub.
 * The tools come from .ci/install-tools; without them the test is skipped, except in CI.
 */
class KubeconfigSyncScriptsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURE = Fixtures.root().resolve("kubeconfig-sync-port-8443");
  private static final String CA = b64("-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n");
  private static final String CERT = b64("client certificate");
  private static final String KEY = b64("client key");
  private static final String TOKEN_KUBECONFIG = kubeconfig("    token: sa-token-123\n");
  private static final String CERT_KUBECONFIG = kubeconfig(
      "    client-certificate-data: " + CERT + "\n    client-key-data: " + KEY + "\n");
  private static final String NO_CREDENTIALS_KUBECONFIG = kubeconfig("    username: nobody\n");

  private static JsonNode job;
  private static String realKubectl;

  @TempDir Path work;
  private OnePasswordConnectStub connect;
  private Path shared;

  @BeforeAll
  static void renderTheJob(@TempDir Path out) throws Exception {
    List<String> missing = new ArrayList<>();
    for (String tool : List.of("bash", "busybox", "kubectl", "jq", "curl", "shellcheck")) {
      if (which(tool) == null) {
        missing.add(tool);
      }
    }
    if (!missing.isEmpty() && System.getenv("CI") == null) {
      Assumptions.abort("missing " + missing + "; run .ci/install-tools");
    }
    assertThat(missing).as("tools .ci/install-tools should have installed").isEmpty();
    realKubectl = which("kubectl");

    Cli result = Cli.run("--input", Fixtures.input(FIXTURE).toString(),
        "--output", out.resolve("o").toString(), "--metadata", out.resolve("m").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    String text = Files.readString(out.resolve("o/kubeconfig-sync-job.yaml"));
    for (Object document : Yaml.loadAll(text, Integer.MAX_VALUE)) {
      JsonNode node = JSON.valueToTree(document);
      if ("Job".equals(node.path("kind").asText())) {
        job = node;
      }
    }
    assertThat(job).isNotNull();
  }

  @BeforeEach
  void startConnect() throws IOException {
    connect = new OnePasswordConnectStub();
    connect.addVault("vault-homelab", "homelab");
    connect.addVault("vault-platform", "platform");
    shared = Files.createDirectories(work.resolve("shared"));
  }

  @AfterEach
  void stopConnect() {
    connect.close();
  }

  private static String initScript() {
    return job.at("/spec/template/spec/initContainers/0/command/2").asText();
  }

  private static String syncScript() {
    return job.at("/spec/template/spec/containers/0/command/2").asText();
  }

  @Test
  void theScriptsReachTheContainerByteForByte() {
    assertThat(job.at("/spec/template/spec/initContainers/0/command/0").asText()).isEqualTo("/bin/bash");
    assertThat(job.at("/spec/template/spec/containers/0/command/0").asText()).isEqualTo("/bin/sh");
    assertThat(syncScript()).isEqualTo(JobScripts.read(JobScripts.SYNC_TO_ONEPASSWORD));
    assertThat(initScript()).isEqualTo("NAMESPACE='platform-requests'\nSECRET_NAME='vc-lab'\n"
        + JobScripts.read(JobScripts.WAIT_FOR_KUBECONFIG));
    assertThat(syncScript()).contains("\"$OP_CONNECT_HOST$path\"", "${OP_VAULT_ID:-}", "$(part token)");
  }

  @Test
  void theScriptsPassShellcheck() throws Exception {
    Path init = Files.writeString(work.resolve("init.sh"), initScript());
    Path sync = Files.writeString(work.resolve("sync.sh"), syncScript());
    Run bash = run(List.of("shellcheck", "--shell=bash", init.toString()), Map.of());
    Run sh = run(List.of("shellcheck", "--shell=sh", sync.toString()), Map.of());
    assertThat(bash.exitCode()).as(bash.output()).isZero();
    assertThat(sh.exitCode()).as(sh.output()).isZero();
  }

  @Test
  void aTokenKubeconfigIsStoredAsANewItemInTheVaultNamedById() throws Exception {
    runInit(TOKEN_KUBECONFIG);
    Run sync = runSync("vault-platform");

    assertThat(sync.exitCode()).as(sync.output()).isZero();
    assertThat(sync.output()).contains("created 1Password item vcluster-lab-kubeconfig");
    JsonNode item = onlyItem("vault-platform");
    assertThat(item.path("category").asText()).isEqualTo("SECURE_NOTE");
    assertThat(item.path("title").asText()).isEqualTo("vcluster-lab-kubeconfig");
    assertThat(field(item, "kubeconfig").path("value").asText()).isEqualTo(TOKEN_KUBECONFIG);
    assertThat(field(item, "kubeconfig").path("type").asText()).isEqualTo("CONCEALED");
    assertThat(field(item, "argocd-name").path("value").asText()).isEqualTo("vcluster-lab");
    assertThat(field(item, "argocd-server").path("value").asText())
        .isEqualTo("https://lab-api.cluster.example.com:8443");
    assertThat(field(item, "argocd-config").path("type").asText()).isEqualTo("CONCEALED");
    assertThat(JSON.readTree(field(item, "argocd-config").path("value").asText())).isEqualTo(
        JSON.readTree("{\"bearerToken\":\"sa-token-123\",\"tlsClientConfig\":"
            + "{\"insecure\":false,\"caData\":\"" + CA + "\"}}"));
    assertThat(connect.items("vault-homelab")).isEmpty();
  }

  @Test
  void aClientCertificateKubeconfigGoesToTheVaultNamedHomelab() throws Exception {
    runInit(CERT_KUBECONFIG);
    Run sync = runSync("");

    assertThat(sync.exitCode()).as(sync.output()).isZero();
    JsonNode item = onlyItem("vault-homelab");
    assertThat(JSON.readTree(field(item, "argocd-config").path("value").asText())).isEqualTo(
        JSON.readTree("{\"tlsClientConfig\":{\"insecure\":false,\"caData\":\"" + CA
            + "\",\"certData\":\"" + CERT + "\",\"keyData\":\"" + KEY + "\"}}"));
  }

  @Test
  void anExistingItemIsReplacedInPlace() throws Exception {
    connect.addItem("vault-homelab", "existing-7", "vcluster-lab-kubeconfig");
    connect.addItem("vault-homelab", "other-1", "something else");
    runInit(TOKEN_KUBECONFIG);
    Run sync = runSync("homelab");

    assertThat(sync.exitCode()).as(sync.output()).isZero();
    assertThat(sync.output()).contains("replaced 1Password item vcluster-lab-kubeconfig (existing-7)");
    assertThat(connect.calls).anyMatch(c -> c.method().equals("PUT")
        && c.path().equals("/v1/vaults/vault-homelab/items/existing-7"));
    assertThat(connect.calls).noneMatch(c -> c.method().equals("POST"));
    JsonNode replaced = connect.items("vault-homelab").get("existing-7");
    assertThat(replaced.path("id").asText()).isEqualTo("existing-7");
    assertThat(field(replaced, "kubeconfig").path("value").asText()).isEqualTo(TOKEN_KUBECONFIG);
    assertThat(connect.items("vault-homelab")).hasSize(2);
  }

  @Test
  void aKubeconfigWithoutCredentialsFailsLoudlyAndWritesNothing() throws Exception {
    runInit(NO_CREDENTIALS_KUBECONFIG);
    Run sync = runSync("vault-platform");

    assertThat(sync.exitCode()).isNotZero();
    assertThat(sync.output()).contains("neither a token nor a client certificate");
    assertThat(connect.calls).noneMatch(c -> c.method().equals("POST") || c.method().equals("PUT"));
  }

  @Test
  void anEmptyKubeconfigFailsLoudly() throws Exception {
    Files.writeString(shared.resolve("kubeconfig"), "");
    Run sync = runSync("vault-platform");

    assertThat(sync.exitCode()).isNotZero();
    assertThat(sync.output()).contains("is empty");
    assertThat(connect.calls).isEmpty();
  }

  /** Runs the init script until it has extracted the kubeconfig the stub Secret holds. */
  private void runInit(String kubeconfig) throws Exception {
    Path bin = Files.createDirectories(work.resolve("bin"));
    Files.writeString(work.resolve("secret-kubeconfig"), kubeconfig);
    Path stub = bin.resolve("kubectl");
    Files.writeString(stub, String.join("\n",
        "#!/bin/bash",
        "# stub: 'get secret' answers for the vcluster Secret (absent at the first poll);",
        "# everything else is the real kubectl.",
        "if [ \"$1\" = get ] && [ \"$2\" = secret ]; then",
        "  echo \"$*\" >> \"$STUB_DIR/kubectl-calls\"",
        "  [ \"$3\" = vc-lab ] && [ \"$5\" = platform-requests ] || exit 1",
        "  polls=$(( $(cat \"$STUB_DIR/polls\" 2>/dev/null || echo 0) + 1 ))",
        "  echo \"$polls\" > \"$STUB_DIR/polls\"",
        "  [ \"$polls\" -gt 1 ] || exit 1",
        "  case \"$*\" in *jsonpath*) base64 -w0 < \"$STUB_DIR/secret-kubeconfig\";; esac",
        "  exit 0",
        "fi",
        "exec \"$REAL_KUBECTL\" \"$@\"",
        ""));
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));

    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("STUB_DIR", work.toString());
    env.put("REAL_KUBECTL", realKubectl);
    env.put("SHARED_DIR", shared.toString());
    env.put("POLL_SECONDS", "0");
    env.put("HOME", work.toString());
    Run init = run(List.of("bash", "-c", initScript()), env);

    assertThat(init.exitCode()).as(init.output()).isZero();
    assertThat(init.output()).contains("waiting for Secret platform-requests/vc-lab");
    assertThat(shared.resolve("kubeconfig")).content().isEqualTo(kubeconfig);
    assertThat(shared.resolve("ca-data")).content().isEqualTo(CA);
  }

  /** Runs the sync script under busybox sh with the Job's own env, pointed at the stub. */
  private Run runSync(String vaultSecretValue) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    for (JsonNode variable : job.at("/spec/template/spec/containers/0/env")) {
      if (variable.has("value")) {
        env.put(variable.path("name").asText(), variable.path("value").asText());
      }
    }
    env.put("OP_CONNECT_HOST", connect.url());
    env.put("OP_CONNECT_TOKEN", OnePasswordConnectStub.TOKEN);
    env.put("OP_VAULT_ID", vaultSecretValue);
    env.put("SHARED_DIR", shared.toString());
    return run(List.of("busybox", "sh", "-c", syncScript()), env);
  }

  private JsonNode onlyItem(String vaultId) {
    assertThat(connect.items(vaultId)).hasSize(1);
    return connect.items(vaultId).values().iterator().next();
  }

  private static JsonNode field(JsonNode item, String label) {
    for (JsonNode field : item.path("fields")) {
      if (label.equals(field.path("label").asText())) {
        return field;
      }
    }
    throw new AssertionError("no field " + label + " in " + item);
  }

  record Run(int exitCode, String output) {}

  private static Run run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command.get(0) + " did not finish");
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static String which(String tool) {
    for (String dir : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String kubeconfig(String userFields) {
    return "apiVersion: v1\nkind: Config\nclusters:\n- name: lab\n  cluster:\n"
        + "    server: https://lab-api.cluster.example.com:8443\n"
        + "    certificate-authority-data: " + CA + "\n"
        + "contexts:\n- name: lab\n  context:\n    cluster: lab\n    user: lab\n"
        + "current-context: lab\nusers:\n- name: lab\n  user:\n" + userFields;
  }
}

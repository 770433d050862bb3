package tech.integratn.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * {@code sync-kubeconfig} against a 1Password Connect that misbehaves: creates that half-fail,
 * duplicates, slow, endless and reflecting answers, odd ids; and against hostile kubeconfigs and
 * environments. Never two items of one title, never exit 1, bounded in time, and no log line
 * holds the Connect token or any of the kubeconfig's credentials.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("slow")
class KubeconfigSyncFaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER_TOKEN = "kubeconfig-bearer-token-0123456789";
  private static final String TITLE = "vcluster-lab-kubeconfig";

  @TempDir Path work;
  private OnePasswordConnectStub connect;

  @BeforeEach
  void startConnect() throws IOException {
    connect = new OnePasswordConnectStub();
    connect.addVault("vteam", "team");
  }

  @AfterEach
  void stopConnect() {
    connect.close();
  }

  private static String kubeconfig(String user) {
    return "apiVersion: v1\nkind: Config\ncurrent-context: vc\n"
        + "clusters:\n- name: vc\n  cluster:\n    server: https://vc.example.com:443\n"
        + "contexts:\n- name: vc\n  context: {cluster: vc, user: vc}\n"
        + "users:\n- name: vc\n  user:\n" + user;
  }

  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("OP_CONNECT_HOST", connect.url());
    env.put("OP_CONNECT_TOKEN", OnePasswordConnectStub.TOKEN);
    env.put("OP_VAULT_ID", "vteam");
    env.put("OP_ITEM_NAME", TITLE);
    env.put("VCLUSTER_NAME", "lab");
    env.put("NAMESPACE", "vc-lab");
    return env;
  }

  private Cli sync(Map<String, String> env, String kubeconfigText, String... more) throws IOException {
    Path file = work.resolve("config");
    if (kubeconfigText != null) {
      Files.writeString(file, kubeconfigText);
    }
    List<String> args = new ArrayList<>(List.of("sync-kubeconfig", "--kubeconfig",
        file.toString(), "--wait-seconds", "1"));
    args.addAll(more.length == 0 ? List.of("--timeout-seconds", "6") : List.of(more));
    Cli result = Cli.run(env, args.toArray(String[]::new));
    assertNothingSecretLogged(result);
    return result;
  }

  private static void assertNothingSecretLogged(Cli result) {
    String logged = result.out() + result.err();
    assertThat(logged).doesNotContain(OnePasswordConnectStub.TOKEN).doesNotContain(USER_TOKEN)
        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Internal error");
  }

  private long itemsTitled() {
    return connect.items("vteam").values().stream()
        .filter(i -> TITLE.equals(i.path("title").asText())).count();
  }

  @Test
  void aCreateThatSucceededButAnswered500IsNotRepeated() throws IOException {
    AtomicInteger posts = new AtomicInteger();
    connect.misbehave((exchange, method, path, body) -> {
      if (method.equals("POST") && posts.getAndIncrement() == 0) {
        connect.create("vteam", body);
        OnePasswordConnectStub.respond(exchange, 500, JSON.createObjectNode().put("message", "oops"));
        return true;
      }
      return false;
    });
    Cli result = sync(environment(), kubeconfig("    token: " + USER_TOKEN + "\n"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(itemsTitled()).isEqualTo(1);
    assertThat(posts.get()).isEqualTo(1);
    assertThat(result.out()).contains("looking for the item before creating it again", "replaced");
  }

  @Test
  void aCreateWhoseAnswerNeverCameIsNotRepeated() throws IOException {
    AtomicInteger posts = new AtomicInteger();
    connect.misbehave((exchange, method, path, body) -> {
      if (method.equals("POST") && posts.getAndIncrement() == 0) {
        connect.create("vteam", body);
        sleep(4000); // longer than the request timeout below; then the client has gone
        return true;
      }
      return false;
    });
    Cli result = sync(environment(), kubeconfig("    token: " + USER_TOKEN + "\n"),
        "--request-timeout-seconds", "1", "--timeout-seconds", "8");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(itemsTitled()).isEqualTo(1);
    assertThat(posts.get()).isEqualTo(1);
  }

  @Test
  void duplicatesOfItsOwnAreConvergedToTheOldestAndSaidSo() throws IOException {
    String marked = "{\"category\": \"SECURE_NOTE\", \"tags\": [\"vcluster-pipeline/vc-lab/lab\"], "
        + "\"createdAt\": \"2025-0%d-01T00:00:00Z\"}";
    connect.addItem("vteam", "second", TITLE, marked.formatted(2));
    connect.addItem("vteam", "first", TITLE, marked.formatted(1));
    connect.addItem("vteam", "third", TITLE, marked.formatted(3));
    Cli result = sync(environment(), kubeconfig("    token: " + USER_TOKEN + "\n"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(itemsTitled()).isEqualTo(1);
    assertThat(connect.items("vteam")).containsKey("first");
    assertThat(result.out()).contains("found 3 1Password items of this Job titled",
        "kept first (the oldest)", "deleted second, third");
  }

  @Test
  void aReflectedRequestInAnErrorIsNotLogged() throws IOException {
    connect.misbehave((exchange, method, path, body) -> {
      if (method.equals("POST")) {
        String reflected = "{\"message\": \"bad request: Authorization: "
            + exchange.getRequestHeaders().getFirst("Authorization") + " body: "
            + new String(body, StandardCharsets.UTF_8).replace("\"", "'") + "\"}";
        byte[] bytes = reflected.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(400, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
        return true;
      }
      return false;
    });
    Cli result = sync(environment(), kubeconfig("    token: " + USER_TOKEN + "\n"));

    assertExited("a reflected request in an error is not logged", result,
        ExitCode.SYNC_FAILED, "HTTP 400", "bad request");
    assertThat(result.err().length()).isLessThan(600);
  }

  @Test
  void aHugeErrorBodyIsCutShort() throws IOException {
    connect.misbehave((exchange, method, path, body) -> {
      if (method.equals("POST")) {
        exchange.sendResponseHeaders(400, 5L << 20);
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
          for (int i = 0; i < 80; i++) {
            out.write(chunk);
          }
        }
        return true;
      }
      return false;
    });
    Cli result = sync(environment(), kubeconfig("    token: " + USER_TOKEN + "\n"));

    assertThat(result.exitCode()).isEqualTo(ExitCode.SYNC_FAILED.code());
    assertThat(result.err().length()).isLessThan(600);
  }

  @Test
  void trickledAndEndlessAnswersEndWithinTheTimeout() throws IOException {
    connect.misbehave((exchange, method, path, body) -> {
      if (path.endsWith("/vaults")) {
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        boolean trickle = connect.calls.size() % 2 == 1;
        for (int i = 0; i < 100_000; i++) {
          out.write(trickle ? "[".getBytes() : "[[[[[[[[".repeat(8192).getBytes());
          out.flush();
          if (trickle) {
            sleep(1000);
          }
        }
        return true;
      }
      return false;
    });
    long start = System.nanoTime();
    Cli result = sync(environment(), kubeconfig("    token: " + USER_TOKEN + "\n"),
        "--timeout-seconds", "4", "--request-timeout-seconds", "2");
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.SYNC_FAILED.code());
    assertThat(seconds).as("4 s in all plus one request of 2 s").isLessThan(9);
  }

  @Test
  void idsThatAreNotOnePasswordIdsAreRefused() throws IOException {
    connect.misbehave((exchange, method, path, body) -> {
      if (path.endsWith("/vaults")) {
        OnePasswordConnectStub.respond(exchange, 200, JSON.readTree(
            "[{\"id\": \"../../x y?z#\", \"name\": \"team\"}]"));
        return true;
      }
      return false;
    });
    Map<String, String> env = environment();
    env.put("OP_VAULT_ID", "team");
    Cli result = sync(env, kubeconfig("    token: " + USER_TOKEN + "\n"));
    assertExited("ids that are not one password ids are refused", result,
        ExitCode.SYNC_FAILED, "not a 1Password id");
  }

  @Test
  void anAnswerThatIsNotJsonIsRefused() throws IOException {
    connect.misbehave((exchange, method, path, body) -> {
      byte[] html = "<html>proxy login</html>".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, html.length);
      exchange.getResponseBody().write(html);
      exchange.close();
      return true;
    });
    Cli result = sync(environment(), kubeconfig("    token: " + USER_TOKEN + "\n"));
    assertExited("an answer that is not json is refused", result, ExitCode.SYNC_FAILED, "not JSON");
  }

  @Test
  void aTokenWithALineBreakIsAUsageErrorAndNotPrinted() throws IOException {
    Map<String, String> env = environment();
    env.put("OP_CONNECT_TOKEN", OnePasswordConnectStub.TOKEN + "\nX-Injected: 1");
    Cli result = sync(env, kubeconfig("    token: " + USER_TOKEN + "\n"));
    assertExited("a token with a line break is a usage error and not printed", result,
        ExitCode.USAGE, "OP_CONNECT_TOKEN");
  }

  @Test
  void aYamlErrorOnTheCredentialLineDoesNotQuoteIt() throws IOException {
    Cli result = sync(environment(), kubeconfig("    token: \"" + USER_TOKEN + "\\q\"\n"));
    assertExited("a yaml error on the credential line does not quote it", result,
        ExitCode.INVALID_INPUT, "not valid YAML", "line");
  }

  @Test
  void aHugeOrDeepKubeconfigIsRefusedNotACrash() throws IOException {
    Path huge = work.resolve("huge");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(3L << 30); // sparse: no disk used
    }
    Cli big = Cli.run(environment(), "sync-kubeconfig", "--kubeconfig", huge.toString(),
        "--wait-seconds", "1");
    assertNothingSecretLogged(big);
    assertExited("a huge or deep kubeconfig is refused not a crash", big,
        ExitCode.INVALID_INPUT, "larger than");

    Cli deep = sync(environment(), "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
    assertThat(deep.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());

    Cli escape = sync(environment(), kubeconfig("    token: \"\\UFFFFFFFF\"\n"));
    assertThat(escape.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());

    Files.write(work.resolve("config"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a', ':', ' ', 'b'});
    Cli binary = Cli.run(environment(), "sync-kubeconfig", "--kubeconfig",
        work.resolve("config").toString(), "--wait-seconds", "1");
    assertThat(binary.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
  }

  @Test
  void sigtermEndsARunWaitingOnConnect() throws Exception {
    connect.misbehave((exchange, method, path, body) -> {
      sleep(60_000);
      return true;
    });
    Path file = Files.writeString(work.resolve("config"), kubeconfig("    token: " + USER_TOKEN + "\n"));
    ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-cp", System.getProperty("java.class.path"),
        "tech.integratn.pipeline.cli.RenderCommand", "sync-kubeconfig", "--kubeconfig",
        file.toString(), "--timeout-seconds", "60").redirectErrorStream(true);
    child.environment().putAll(environment());
    Process process = child.start();
    Thread.sleep(2500);
    assertThat(process.isAlive()).isTrue();
    new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("ended by SIGTERM").isTrue();
    String logged = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(logged).doesNotContain(OnePasswordConnectStub.TOKEN).doesNotContain(USER_TOKEN);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

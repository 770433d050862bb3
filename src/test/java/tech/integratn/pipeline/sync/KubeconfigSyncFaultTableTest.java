package tech.integratn.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.Cli;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * One row per thing a 1Password Connect server (or the items in it) can do to the sync: what is
 * in the vault and how the server answers, the exit code, what the items of the title are
 * afterwards, and a part of the message. Items are written as {@code id:state}, in id order:
 * {@code unchanged} (as it was), {@code ours} (this Job's mark and content), {@code new} (an
 * item the run created) and nothing for an item that is gone. Every run's output is checked for
 * the credentials.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KubeconfigSyncFaultTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String TITLE = "vcluster-lab-kubeconfig";
  static final String USER_TOKEN = "kubeconfig-bearer-token-0123456789";
  static final String MARK = "vcluster-pipeline/vc-lab/lab";
  private static final String BASH_ITEM = "{\"category\": \"SECURE_NOTE\", \"fields\": ["
      + "{\"id\": \"kubeconfig\", \"label\": \"kubeconfig\", \"type\": \"CONCEALED\", \"value\": \"old\"},"
      + "{\"id\": \"argocd-name\", \"label\": \"argocd-name\", \"type\": \"STRING\", \"value\": \"vcluster-%s\"},"
      + "{\"id\": \"argocd-server\", \"label\": \"argocd-server\", \"type\": \"STRING\", \"value\": \"https://x\"},"
      + "{\"id\": \"argocd-config\", \"label\": \"argocd-config\", \"type\": \"CONCEALED\", \"value\": \"{}\"}]}";
  private static final String OURS = "{\"category\": \"SECURE_NOTE\", \"tags\": [\"" + MARK + "\"], "
      + "\"createdAt\": \"%s\"}";

  /** An item in the vault before the run: its id and its JSON (title added). */
  record Seed(String id, String json) {}

  /** What the server does before its normal answer; null for nothing. */
  interface Server {
    OnePasswordConnectStub.Misbehaviour on(OnePasswordConnectStub stub, AtomicInteger counter);
  }

  record Row(String reason, List<Seed> seeds, Server server, Map<String, String> env,
      int exit, String items, String said) {
    @Override
    public String toString() {
      return reason;
    }
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row("an empty vault gets a new item with the mark", List.of(), null, Map.of(),
            0, "new:ours", "created"),
        row("this Job's item is replaced in place", List.of(ours("p1", 1)), null, Map.of(),
            0, "p1:ours", "replaced"),
        row("a person's LOGIN of the title is not deleted or replaced: exit 7 naming it",
            List.of(seed("login1", "{\"category\": \"LOGIN\", \"fields\": [{\"id\": \"password\", "
                + "\"type\": \"CONCEALED\", \"value\": \"hunter2\"}]}")), null, Map.of(),
            7, "login1:unchanged", "1Password item login1 titled " + TITLE),
        row("the platform's Connect credential item is not overwritten",
            List.of(seed("cred1", "{\"category\": \"API_CREDENTIAL\", \"tags\": [\"platform\"]}")),
            null, Map.of(), 7, "cred1:unchanged", "category API_CREDENTIAL"),
        row("an unmarked item beside this Job's own stops the run, nothing changed",
            List.of(ours("p1", 1), seed("other1", "{\"category\": \"SECURE_NOTE\"}")), null,
            Map.of(), 7, "other1:unchanged p1:unchanged", "other1"),
        row("the bash pipeline's item is not taken over silently",
            List.of(seed("bash1", BASH_ITEM.formatted("lab"))), null, Map.of(),
            7, "bash1:unchanged", "onepassword.adoptUnmarkedItems"),
        row("the bash pipeline's item is adopted when asked: same id, marked",
            List.of(seed("bash1", BASH_ITEM.formatted("lab"))), null,
            Map.of("OP_ADOPT_UNMARKED_ITEM", "true"), 0, "bash1:ours", "adopting"),
        row("adopting never takes another vcluster's bash item",
            List.of(seed("bash2", BASH_ITEM.formatted("other"))), null,
            Map.of("OP_ADOPT_UNMARKED_ITEM", "true"), 7, "bash2:unchanged", "bash2"),
        row("adopting never takes a LOGIN, even with the bash fields",
            List.of(seed("login2", BASH_ITEM.formatted("lab").replace("SECURE_NOTE", "LOGIN"))),
            null, Map.of("OP_ADOPT_UNMARKED_ITEM", "true"), 7, "login2:unchanged", "LOGIN"),
        row("another vcluster's marked item is not this Job's",
            List.of(seed("theirs", "{\"category\": \"SECURE_NOTE\", \"tags\": "
                + "[\"vcluster-pipeline/vc-other/other\"]}")), null, Map.of(),
            7, "theirs:unchanged", "carries no tag " + MARK),
        row("the mark on another category is not the mark",
            List.of(seed("pw1", "{\"category\": \"PASSWORD\", \"tags\": [\"" + MARK + "\"]}")),
            null, Map.of(), 7, "pw1:unchanged", "category PASSWORD"),
        row("duplicates of its own converge to the oldest",
            List.of(ours("p3", 3), ours("p1", 1), ours("p2", 2)), null, Map.of(),
            0, "p1:ours", "kept p1 (the oldest) and deleted p2, p3"),
        row("a duplicate already deleted by someone else (404 on DELETE) is done",
            List.of(ours("p1", 1), ours("p2", 2)), (stub, n) -> (exchange, method, path, body) -> {
              if (method.equals("DELETE")) {
                stub.items("vteam").remove("p2");
                OnePasswordConnectStub.respond(exchange, 404, JSON.createObjectNode());
                return true;
              }
              return false;
            }, Map.of(), 0, "p1:ours", "deleted p2"),
        row("a create that went through but answered 500 is not repeated",
            List.of(), (stub, n) -> (exchange, method, path, body) -> {
              if (method.equals("POST") && n.getAndIncrement() == 0) {
                stub.create("vteam", body);
                OnePasswordConnectStub.respond(exchange, 500, JSON.createObjectNode());
                return true;
              }
              return false;
            }, Map.of(), 0, "new:ours", "looking for the item before creating it again"),
        redirect(301), redirect(302), redirect(307), redirect(308),
        row("a 403 on the vault list stops at once",
            List.of(), (stub, n) -> answer(403), Map.of(), 7, "", "HTTP 403"),
        row("a named vault the token cannot see is an error, not homelab",
            List.of(), null, Map.of("OP_VAULT_ID", "missing"), 7, "", "'missing'"),
        row("an address with a password is refused before any call",
            List.of(), null, Map.of("OP_CONNECT_HOST", "https://op:pa55word-xyz@connect.example.com"),
            2, "", "user name or password"),
        row("an address with a query is refused before any call",
            List.of(), null, Map.of("OP_CONNECT_HOST", "https://connect.example.com/?token=tok-xyz-123"),
            2, "", "query"),
        row("plain http to another machine is refused",
            List.of(), null, Map.of("OP_CONNECT_HOST", "http://connect.example.com:8080"),
            2, "", "plain http"),
        row("a port out of range is a usage error, not a retried connection",
            List.of(), null, Map.of("OP_CONNECT_HOST", "https://connect.example.com:70000"),
            2, "", "port outside 1 to 65535"),
        row("a title with a line break is refused and not printed",
            List.of(), null, Map.of("OP_ITEM_NAME", "t\ncreated 1Password item forged"),
            2, "", "line break"));
  }

  private static Arguments redirect(int status) {
    return row("a redirect (" + status + ") is answered at once, never followed", List.of(),
        (stub, n) -> (exchange, method, path, body) -> {
          n.incrementAndGet();
          exchange.getResponseHeaders().add("Location",
              "https://evil.example.com/v1/vaults?token=leak-me-please");
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
          return true;
        }, Map.of(), 7, "", "redirect (HTTP " + status + " to https://evil.example.com/v1/vaults)");
  }

  private static OnePasswordConnectStub.Misbehaviour answer(int status) {
    return (exchange, method, path, body) -> {
      OnePasswordConnectStub.respond(exchange, status, JSON.createObjectNode().put("message", "no"));
      return true;
    };
  }

  private static Arguments row(String reason, List<Seed> seeds, Server server,
      Map<String, String> env, int exit, String items, String said) {
    return Arguments.of(new Row(reason, seeds, server, env, exit, items, said));
  }

  private static Seed seed(String id, String json) {
    return new Seed(id, json);
  }

  private static Seed ours(String id, int month) {
    return new Seed(id, OURS.formatted("2025-0" + month + "-01T00:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void holds(Row row, @org.junit.jupiter.api.io.TempDir Path work) throws IOException {
    try (OnePasswordConnectStub stub = new OnePasswordConnectStub()) {
      stub.addVault("vteam", "team");
      Map<String, JsonNode> before = new LinkedHashMap<>();
      for (Seed seed : row.seeds()) {
        stub.addItem("vteam", seed.id(), TITLE, seed.json());
        before.put(seed.id(), stub.items("vteam").get(seed.id()).deepCopy());
      }
      AtomicInteger counter = new AtomicInteger();
      if (row.server() != null) {
        stub.misbehave(row.server().on(stub, counter));
      }
      Map<String, String> env = environment(stub.url());
      env.putAll(row.env());
      Cli result = run(env, work);

      assertThat(result.exitCode()).as(row.reason() + "\n" + result.err()).isEqualTo(row.exit());
      assertThat(state(stub, before)).as(row.reason()).isEqualTo(row.items());
      assertThat(result.out() + result.err()).as(row.reason()).contains(row.said());
      assertNothingSecret(result);
      if (row.exit() == ExitCode.USAGE.code()) {
        assertThat(stub.calls).as("no request before the address and title are checked").isEmpty();
      }
      if (row.reason().startsWith("a redirect")) {
        assertThat(counter.get()).as("one request, not retried").isEqualTo(1);
      }
    }
  }

  static Map<String, String> environment(String url) {
    Map<String, String> env = new HashMap<>();
    env.put("OP_CONNECT_HOST", url);
    env.put("OP_CONNECT_TOKEN", OnePasswordConnectStub.TOKEN);
    env.put("OP_VAULT_ID", "vteam");
    env.put("OP_ITEM_NAME", TITLE);
    env.put("VCLUSTER_NAME", "lab");
    env.put("NAMESPACE", "vc-lab");
    return env;
  }

  static Cli run(Map<String, String> env, Path work) throws IOException {
    return run(env, work, "--timeout-seconds", "5", "--request-timeout-seconds", "2");
  }

  static Cli run(Map<String, String> env, Path work, String... limits) throws IOException {
    Path file = work.resolve("config");
    Files.writeString(file, "apiVersion: v1\nkind: Config\ncurrent-context: vc\n"
        + "clusters:\n- name: vc\n  cluster:\n    server: https://vc.example.com:443\n"
        + "contexts:\n- name: vc\n  context: {cluster: vc, user: vc}\n"
        + "users:\n- name: vc\n  user:\n    token: " + USER_TOKEN + "\n");
    List<String> args = new ArrayList<>(List.of("sync-kubeconfig", "--kubeconfig", file.toString(),
        "--wait-seconds", "1"));
    args.addAll(List.of(limits));
    return Cli.run(env, args.toArray(String[]::new));
  }

  static void assertNothingSecret(Cli result) {
    assertThat(result.out() + result.err()).doesNotContain(OnePasswordConnectStub.TOKEN)
        .doesNotContain(USER_TOKEN).doesNotContain("pa55word").doesNotContain("tok-xyz")
        .doesNotContain("leak-me").doesNotContain("forged").doesNotContain("hunter2")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** The items of the title, {@code id:state} in id order ("new" for one the run created). */
  private static String state(OnePasswordConnectStub stub, Map<String, JsonNode> before) {
    Map<String, String> states = new TreeMap<>();
    for (JsonNode item : new ArrayList<>(stub.items("vteam").values())) {
      if (!TITLE.equals(item.path("title").asText())) {
        continue;
      }
      String id = item.path("id").asText();
      String state = item.equals(before.get(id)) ? "unchanged" : ours(item) ? "ours" : "changed";
      states.put(before.containsKey(id) ? id : "new", state);
    }
    List<String> parts = new ArrayList<>();
    states.forEach((id, state) -> parts.add(id + ":" + state));
    return String.join(" ", parts);
  }

  private static boolean ours(JsonNode item) {
    boolean tagged = false;
    for (JsonNode tag : item.path("tags")) {
      tagged |= tag.asText().equals(MARK);
    }
    boolean kubeconfig = false;
    for (JsonNode field : item.path("fields")) {
      kubeconfig |= field.path("id").asText().equals("kubeconfig")
          && field.path("value").asText().contains(USER_TOKEN);
    }
    return tagged && kubeconfig && item.path("category").asText().equals("SECURE_NOTE");
  }
}

package tech.integratn.pipeline.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the 1Password Connect REST API on 127.0.0.1, with state as Connect keeps it:
 * vaults, and items per vault that can be listed (summaries with category, tags and createdAt,
 * filtered by title), read whole, created (POST: a new id and a later createdAt), replaced (PUT:
 * the createdAt kept) and deleted. It may sit under a path prefix, as behind a gateway. Every
 * request is recorded. A test can put a {@link Misbehaviour} in front of it: answer, stall,
 * trickle, redirect or flood as it likes.
 */
final class OnePasswordConnectStub implements AutoCloseable {
  static final String TOKEN = "connect-test-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Call(String method, String path, JsonNode body) {}

  /** Handles a request before the stub does; true when it has answered it. */
  interface Misbehaviour {
    boolean handle(HttpExchange exchange, String method, String path, byte[] body) throws IOException;
  }

  private volatile Misbehaviour misbehaviour;

  private final HttpServer server;
  private final String prefix;
  /** Connect's clock for createdAt: one second per item, so the order is never a tie. */
  private final Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
  private final Map<String, String> vaults = new LinkedHashMap<>();
  private final Map<String, Map<String, JsonNode>> items = new LinkedHashMap<>();
  final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private int nextId = 1;
  private int failuresLeft;
  private int failureStatus;

  OnePasswordConnectStub() throws IOException {
    this("");
  }

  /** A stub that answers only under {@code prefix} (such as {@code /onepassword}). */
  OnePasswordConnectStub(String prefix) throws IOException {
    this.prefix = prefix;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(prefix + "/v1/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "connect-stub");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  void addVault(String id, String name) {
    vaults.put(id, name);
    items.put(id, new LinkedHashMap<>());
  }

  void addItem(String vaultId, String itemId, String title) {
    ObjectNode item = JSON.createObjectNode().put("id", itemId).put("title", title);
    items.get(vaultId).put(itemId, item);
  }

  /** An item as someone else made it: {@code item} (JSON) with this id, title and vault. */
  synchronized void addItem(String vaultId, String itemId, String title, String item)
      throws IOException {
    ObjectNode whole = ((ObjectNode) JSON.readTree(item)).put("id", itemId).put("title", title);
    whole.putObject("vault").put("id", vaultId);
    if (!whole.has("createdAt")) {
      whole.put("createdAt", epoch.plusSeconds(nextId++).toString());
    }
    items.get(vaultId).put(itemId, whole);
  }

  /** The next {@code count} requests are answered with {@code status} (a 5xx to test retries). */
  synchronized void failNext(int count, int status) {
    failuresLeft = count;
    failureStatus = status;
  }

  Map<String, JsonNode> items(String vaultId) {
    return items.get(vaultId);
  }

  /** What a POST to {@code /v1/vaults/<vaultId>/items} stores: the item, with a new id. */
  synchronized JsonNode create(String vaultId, byte[] body) throws IOException {
    int n = nextId++;
    String id = String.format("item%03d", n);
    ObjectNode created = ((ObjectNode) JSON.readTree(body)).put("id", id)
        .put("createdAt", epoch.plusSeconds(n).toString());
    items.get(vaultId).put(id, created);
    return created;
  }

  void misbehave(Misbehaviour misbehaviour) {
    this.misbehaviour = misbehaviour;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath().substring(prefix.length());
    byte[] raw = exchange.getRequestBody().readAllBytes();
    calls.add(new Call(method, path, raw.length == 0 ? null : JSON.readTree(raw)));
    Misbehaviour override = misbehaviour;
    try {
      if (override != null && override.handle(exchange, method, path, raw)) {
        return;
      }
      serveLocked(exchange, method, path, raw);
    } catch (IOException clientWentAway) {
      exchange.close();
    }
  }

  private synchronized void serveLocked(HttpExchange exchange, String method, String path,
      byte[] raw) throws IOException {
    JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
    if (failuresLeft > 0) {
      failuresLeft--;
      respond(exchange, failureStatus, JSON.createObjectNode().put("message", "injected failure"));
      return;
    }
    if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, JSON.createObjectNode().put("message", "bad token"));
      return;
    }
    String[] parts = path.substring("/v1/".length()).split("/");
    if (parts.length == 1 && parts[0].equals("vaults") && method.equals("GET")) {
      ArrayNode list = JSON.createArrayNode();
      vaults.forEach((id, name) -> list.addObject().put("id", id).put("name", name));
      respond(exchange, 200, list);
    } else if (parts.length == 3 && parts[2].equals("items") && items.containsKey(parts[1])) {
      Map<String, JsonNode> vaultItems = items.get(parts[1]);
      if (method.equals("GET")) {
        ArrayNode list = JSON.createArrayNode();
        String title = titleFilter(exchange.getRequestURI().getQuery());
        vaultItems.values().stream()
            .filter(i -> title == null || title.equals(i.path("title").asText()))
            .forEach(i -> list.add(summary(i)));
        respond(exchange, 200, list);
      } else if (method.equals("POST") && body != null) {
        respond(exchange, 200, create(parts[1], raw));
      } else {
        respond(exchange, 405, JSON.createObjectNode());
      }
    } else if (parts.length == 4 && parts[2].equals("items") && items.containsKey(parts[1])
        && method.equals("GET") && items.get(parts[1]).containsKey(parts[3])) {
      respond(exchange, 200, items.get(parts[1]).get(parts[3]));
    } else if (parts.length == 4 && parts[2].equals("items") && items.containsKey(parts[1])
        && method.equals("PUT") && items.get(parts[1]).containsKey(parts[3]) && body != null) {
      ObjectNode replaced = ((ObjectNode) body.deepCopy()).put("id", parts[3]);
      JsonNode before = items.get(parts[1]).get(parts[3]);
      if (before.has("createdAt")) {
        replaced.set("createdAt", before.get("createdAt"));
      }
      items.get(parts[1]).put(parts[3], replaced);
      respond(exchange, 200, replaced);
    } else if (parts.length == 4 && parts[2].equals("items") && items.containsKey(parts[1])
        && method.equals("DELETE") && items.get(parts[1]).remove(parts[3]) != null) {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    } else {
      respond(exchange, 404, JSON.createObjectNode().put("message", "not found: " + path));
    }
  }

  /** What Connect lists of an item: no fields; tags only when it has some. */
  private static JsonNode summary(JsonNode item) {
    ObjectNode summary = JSON.createObjectNode();
    for (String key : List.of("id", "title", "category", "tags", "createdAt", "vault")) {
      if (item.has(key) && !(key.equals("tags") && item.get(key).isEmpty())) {
        summary.set(key, item.get(key));
      }
    }
    return summary;
  }

  /** The title of a {@code title eq "..."} filter, as Connect reads it; null for none. */
  private static String titleFilter(String query) {
    if (query == null || !query.startsWith("filter=")) {
      return null;
    }
    String filter = query.substring("filter=".length());
    return filter.startsWith("title eq \"") && filter.endsWith("\"")
        ? filter.substring("title eq \"".length(), filter.length() - 1) : "\u0000no such title";
  }

  static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

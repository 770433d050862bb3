package tech.integratn.pipeline.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;

/**
 * The few 1Password Connect REST calls the sync makes, with the JDK's HTTP client, bounded
 * whatever the server does: one deadline for every call of the run, a time limit on each
 * request including its body (a body trickled a byte a second is cut off), and a size limit on
 * each body. Reads and replacements are retried after connection errors and 5xx answers, with
 * growing pauses, until the deadline; a create is never retried blindly ({@link #create}).
 * Any other answer stops at once with what to fix: a 4xx, and a redirect, which is never
 * followed (it would carry the token to another address). Every line and refusal goes through
 * the run's {@link SyncLog}: nothing the server sends is logged beyond a short excerpt with
 * every credential hidden, and the token is never logged.
 */
public final class OnePasswordConnect {
  /** Connect's answers are lists of vaults or items and one item: far below this. */
  static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(8);
  /** What a 1Password id may hold (they are 26 lowercase letters and digits). */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final ConnectAddress host;
  private final String token;
  private final Duration totalTime;
  private final Duration requestTimeout;
  /** Set at the first call: the time waiting for the kubeconfig is bounded on its own. */
  private long deadline;
  private boolean started;
  private final SyncLog log;
  private final HttpClient http;

  /**
   * {@code totalTime} bounds every call of this run together, from the first; each request,
   * its body included, gets at most {@code requestTimeout}.
   */
  public OnePasswordConnect(ConnectAddress host, String token, Duration totalTime,
      Duration requestTimeout, SyncLog log) {
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new PipelineException(ExitCode.USAGE, "OP_CONNECT_TOKEN holds a character an HTTP "
          + "header cannot carry (a line break or a space?). Check the credential of the "
          + "onepassword-access-token item that the ExternalSecret copies.");
    }
    this.host = host;
    this.token = token;
    this.totalTime = totalTime;
    this.requestTimeout = requestTimeout;
    this.log = log;
    log.hide(token);
    // NEVER is the default; said here because a followed redirect would carry the token away.
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A 1Password id from Connect, checked before it goes into a path. */
  public static String id(JsonNode node, String what) {
    String id = node.path("id").asText("");
    if (!ID.matcher(id).matches()) {
      throw new PipelineException(ExitCode.SYNC_FAILED, "1Password Connect answered a " + what
          + " whose id is not a 1Password id (" + (id.isEmpty() ? "none" : id.length() + " "
          + "characters") + "). Check that OP_CONNECT_HOST is a 1Password Connect server.");
    }
    return id;
  }

  public JsonNode get(String path) {
    return retried("GET", path, null);
  }

  public JsonNode put(String path, JsonNode body) {
    return retried("PUT", path, body);
  }

  /** The answer to a GET, or empty when Connect answers 404 (an item deleted meanwhile). */
  public Optional<JsonNode> find(String path) {
    return Optional.ofNullable(retried("GET", path, null, true));
  }

  /** Deletes; an item already gone (404) is as good as deleted: false then. */
  public boolean delete(String path) {
    return retried("DELETE", path, null, true) != null;
  }

  /**
   * One POST: the created item, or empty when the outcome is unknown (no answer in time, a
   * connection error, a 5xx): Connect may have created the item all the same, so the caller
   * looks again before it creates again.
   */
  public Optional<JsonNode> create(String path, JsonNode body) {
    Answer answer = send("POST", path, body);
    if (answer.ok()) {
      return Optional.of(answer.json(this));
    }
    if (answer.refused()) {
      throw refused("POST", path, answer);
    }
    if (timeLeft() <= 0) {
      throw gaveUp("POST", path, 1, answer.problem());
    }
    log.line("1Password Connect: POST " + path + ": " + answer.problem()
        + "; looking for the item before creating it again");
    return Optional.empty();
  }

  /** Waits before the next attempt ({@code previous} null for the first), never past the deadline. */
  public Duration pause(Duration previous) {
    Duration next = next(previous);
    sleep(Math.min(next.toNanos(), Math.max(0, timeLeft())));
    return next;
  }

  private static Duration next(Duration previous) {
    if (previous == null) {
      return FIRST_PAUSE;
    }
    Duration doubled = previous.multipliedBy(2);
    return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
  }

  public long timeLeft() {
    if (!started) {
      started = true;
      deadline = System.nanoTime() + totalTime.toNanos();
    }
    return deadline - System.nanoTime();
  }

  private JsonNode retried(String method, String path, JsonNode body) {
    return retried(method, path, body, false);
  }

  /** The answer; null for a 404 when {@code goneIsAnswer}. */
  private JsonNode retried(String method, String path, JsonNode body, boolean goneIsAnswer) {
    Duration pause = null;
    for (int attempts = 1; ; attempts++) {
      Answer answer = send(method, path, body);
      if (answer.ok()) {
        return answer.json(this);
      }
      if (goneIsAnswer && answer.status() == 404) {
        return null;
      }
      if (answer.refused()) {
        throw refused(method, path, answer);
      }
      if (timeLeft() <= 0) {
        throw gaveUp(method, path, attempts, answer.problem());
      }
      log.line("1Password Connect: " + method + " " + path + ": " + answer.problem()
          + "; retrying in " + next(pause).toMillis() + " ms");
      pause = pause(pause);
    }
  }

  /**
   * What one request came to: a status, a body and a {@code Location}, or the problem that
   * stopped it (status 0).
   */
  private record Answer(int status, byte[] body, String problem, String location) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** Anything but success, a server error or no answer is final: retrying cannot change it. */
    boolean refused() {
      return status != 0 && !ok() && status < 500;
    }

    JsonNode json(OnePasswordConnect connect) {
      if (body.length == 0) {
        return JSON.nullNode();
      }
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw connect.log.refusal(ExitCode.SYNC_FAILED, "1Password Connect at " + connect.host
            + " answered with a body that is not JSON. Check that OP_CONNECT_HOST is a "
            + "1Password Connect server.");
      }
    }
  }

  private Answer send(String method, String path, JsonNode body) {
    long left = Math.max(timeLeft(), 0);
    long limit = Math.max(Math.min(requestTimeout.toNanos(), left), TimeUnit.SECONDS.toNanos(1));
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(host.resolve(path))
          .timeout(Duration.ofNanos(limit))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
          .build();
    } catch (IOException | IllegalArgumentException e) {
      throw log.refusal(ExitCode.USAGE, "Cannot make a request to OP_CONNECT_HOST " + host
          + " for " + path + ". Set it to the Connect server's URL (https://host[:port][/path]).");
    }
    CompletableFuture<HttpResponse<byte[]>> sent =
        http.sendAsync(request, info -> new BoundedBody(MAX_BODY_BYTES));
    try {
      HttpResponse<byte[]> response = sent.get(limit, TimeUnit.NANOSECONDS);
      return new Answer(response.statusCode(), response.body(),
          "HTTP " + response.statusCode(),
          response.headers().firstValue("Location").orElse(""));
    } catch (TimeoutException e) {
      sent.cancel(true);
      return new Answer(0, new byte[0], "no complete answer within "
          + TimeUnit.NANOSECONDS.toSeconds(limit) + " s", "");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Answer(0, new byte[0], log.excerpt(cause.getMessage() == null
          ? "connection failed" : cause.getMessage()), "");
    } catch (InterruptedException e) {
      sent.cancel(true);
      Thread.currentThread().interrupt();
      throw log.refusal(ExitCode.SYNC_FAILED, method + " " + path + " was interrupted");
    }
  }

  private PipelineException refused(String method, String path, Answer answer) {
    if (answer.status() >= 300 && answer.status() < 400) {
      return log.refusal(ExitCode.SYNC_FAILED, "1Password Connect at " + host + " answered "
          + method + " " + path + " with a redirect (HTTP " + answer.status() + where(answer)
          + "), which the sync never follows: it would send the token to another address. Set "
          + "onepassword.connectHost in the platform settings to the address Connect answers "
          + "at itself (with its path, if a gateway serves it under one).");
    }
    String fix = switch (answer.status()) {
      case 401 -> "The Connect token was refused: check the onepassword-access-token item's "
          + "credential that the ExternalSecret copies.";
      case 403 -> "The Connect token may not use this vault: grant it access to the vault.";
      case 404 -> "Connect does not know " + path + ": check the vault and the Connect host.";
      default -> "Connect answered: " + message(answer.body());
    };
    return log.refusal(ExitCode.SYNC_FAILED, "1Password Connect refused " + method
        + " " + path + " (HTTP " + answer.status() + "). " + fix);
  }

  /** Connect's own error message, else the body: a short excerpt, credentials hidden. */
  private String message(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
    try {
      JsonNode json = JSON.readTree(body);
      if (json.path("message").isTextual()) {
        text = json.path("message").asText();
      }
    } catch (IOException notJson) {
      // the body itself, cut short below
    }
    return log.excerpt(text);
  }

  /**
   * Where a redirect points, as far as it may be logged: its scheme, host, port and path, never
   * a user name, password, query or fragment.
   */
  private String where(Answer answer) {
    if (answer.location().isEmpty()) {
      return "";
    }
    try {
      URI to = host.resolve("/").resolve(answer.location());
      if (to.getHost() == null) {
        return "";
      }
      String port = to.getPort() == -1 ? "" : ":" + to.getPort();
      return " to " + log.excerpt(to.getScheme() + "://" + to.getHost() + port
          + (to.getRawPath() == null ? "" : to.getRawPath()));
    } catch (IllegalArgumentException unreadable) {
      return "";
    }
  }

  private PipelineException gaveUp(String method, String path, int attempts, String problem) {
    return log.refusal(ExitCode.SYNC_FAILED, "1Password Connect at " + host
        + " did not answer " + method + " " + path + " within " + totalTime.toSeconds() + " s ("
        + attempts + (attempts == 1 ? " attempt" : " attempts") + "; last: " + problem
        + "). Check that the Connect server is running and reachable from the vcluster's "
        + "namespace.");
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(Math.max(1, nanos / 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A response body read up to a size limit: past it, the exchange is cancelled. */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    BoundedBody(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new IOException("the answer is larger than "
              + limit / 1024 + " KiB"));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}

package tech.integratn.pipeline.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tech.integratn.pipeline.ExitCode;
import tech.integratn.pipeline.PipelineException;

/**
 * The few 1Password Connect REST calls the sync makes, with the JDK's HTTP client: connection
 * errors and 5xx answers are retried with growing pauses until a total time runs out; 401, 403
 * and 404 stop at once with a message that says what to fix.
 */
public final class OnePasswordConnect {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(8);

  private final URI host;
  private final String token;
  private final Duration totalTime;
  private final PrintStream log;
  private final HttpClient http;

  public OnePasswordConnect(URI host, String token, Duration totalTime, PrintStream log) {
    this.host = host;
    this.token = token;
    this.totalTime = totalTime;
    this.log = log;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public JsonNode get(String path) {
    return call("GET", path, null);
  }

  public JsonNode post(String path, JsonNode body) {
    return call("POST", path, body);
  }

  public JsonNode put(String path, JsonNode body) {
    return call("PUT", path, body);
  }

  private JsonNode call(String method, String path, JsonNode body) {
    long deadline = System.nanoTime() + totalTime.toNanos();
    Duration pause = FIRST_PAUSE;
    String lastProblem;
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        HttpResponse<String> response = http.send(request(method, path, body),
            HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        }
        if (status < 500) {
          throw refused(method, path, status, response.body());
        }
        lastProblem = "HTTP " + status;
      } catch (IOException e) {
        lastProblem = e.getMessage() == null ? "connection failed" : e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failed(method + " " + path + " was interrupted");
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw failed("1Password Connect at " + host + " did not answer " + method + " " + path
            + " within " + totalTime.toSeconds() + " s (" + attempts + " attempts; last: "
            + lastProblem + "). Check that the Connect server is running and reachable from the "
            + "vcluster's namespace.");
      }
      log.println("1Password Connect: " + method + " " + path + ": " + lastProblem
          + "; retrying in " + pause.toMillis() + " ms");
      sleep(Math.min(pause.toNanos(), left));
      pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE
          : pause.multipliedBy(2);
    }
  }

  private HttpRequest request(String method, String path, JsonNode body) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(host.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
    return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
  }

  private PipelineException refused(String method, String path, int status, String body) {
    String fix = switch (status) {
      case 401 -> "The Connect token was refused: check the onepassword-access-token item's "
          + "credential that the ExternalSecret copies.";
      case 403 -> "The Connect token may not use this vault: grant it access to the vault.";
      case 404 -> "Connect does not know " + path + ": check the vault and the Connect host.";
      default -> "Connect answered: " + body.strip().replaceAll("\\s+", " ");
    };
    return failed("1Password Connect refused " + method + " " + path + " (HTTP " + status + "). "
        + fix);
  }

  private static PipelineException failed(String message) {
    return new PipelineException(ExitCode.SYNC_FAILED, message);
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(Math.max(1, nanos / 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

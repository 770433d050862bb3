package tech.integratn.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real Go readers as the tests' oracle: {@code src/test/go/goreaders}, built from Debian's
 * Go packages in GOPATH mode (no module download), reads a text as go-yaml v2 (Helm,
 * sigs.k8s.io/yaml), Helm's splitter, go-yaml v3 (kustomize) and kubectl's stream reader do, and
 * every string in it again at any depth, executing any that holds {{ as a Go template with
 * sprig. One process per JVM answers one text per line.
 */
final class GoOracle {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SOURCE = Fixtures.projectRoot().resolve("src/test/go/goreaders");
  private static final Path BINARY = Fixtures.projectRoot().resolve("target/goreaders/goreaders");
  private static GoOracle running;
  private static GoOracle externalSecrets;

  private final Process process;
  private final BufferedWriter in;
  private final BufferedReader out;

  private GoOracle(Process process) {
    this.process = process;
    this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The oracle, built on first use; outside CI a machine without Go skips the test. */
  static synchronized GoOracle get() {
    if (running == null || !running.process.isAlive()) {
      running = start();
    }
    return running;
  }

  /** External Secrets' template engine: text/template, sprig, missingkey=error. */
  static synchronized GoOracle externalSecrets() {
    if (externalSecrets == null || !externalSecrets.process.isAlive()) {
      externalSecrets = start("eso");
    }
    return externalSecrets;
  }

  private static final Map<String, GoOracle> MODES = new java.util.HashMap<>();

  /**
   * The oracle in one of its other modes: "vcluster" (execute a template as vcluster does),
   * "v2" (read as go-yaml v2, typed), "executed" (find a Secret in a text that is executed too).
   */
  static synchronized GoOracle mode(String mode) {
    GoOracle oracle = MODES.get(mode);
    if (oracle == null || !oracle.process.isAlive()) {
      oracle = start(mode);
      MODES.put(mode, oracle);
    }
    return oracle;
  }

  /** One text asked, one answer. */
  synchronized JsonNode ask(String text) {
    return exchange(text, "the Go oracle stopped");
  }

  /** One request written as a JSON line, one JSON line read back. */
  private JsonNode exchange(Object request, String stopped) {
    try {
      in.write(JSON.writeValueAsString(request));
      in.write('\n');
      in.flush();
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException(stopped);
      }
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GoOracle start(String... arguments) {
    GoReaders.require("go");
    build();
    List<String> command = new java.util.ArrayList<>(List.of(BINARY.toString()));
    command.addAll(List.of(arguments));
    try {
      ProcessBuilder process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      // The oracle executes as a template only what the pipeline's table says a consumer does.
      process.environment().put("GOREADERS_EXECUTED",
          JSON.writeValueAsString(tech.integratn.pipeline.guard.Consumers.executed()));
      return new GoOracle(process.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What External Secrets writes for {@code template} with {@code data}: output or error. */
  synchronized JsonNode execute(String template, Map<String, String> data) {
    return exchange(Map.of("template", template, "data", data),
        "the Go template engine stopped");
  }

  private static void build() {
    try {
      Path main = SOURCE.resolve("main.go");
      if (Files.exists(BINARY)
          && Files.getLastModifiedTime(BINARY).compareTo(Files.getLastModifiedTime(main)) > 0) {
        return;
      }
      Files.createDirectories(BINARY.getParent());
      ProcessBuilder go = new ProcessBuilder("go", "build", "-o", BINARY.toString(), ".")
          .directory(SOURCE.toFile()).redirectErrorStream(true);
      Map<String, String> env = go.environment();
      env.put("GO111MODULE", "off");
      env.put("GOPATH", "/usr/share/gocode");
      env.put("GOCACHE", BINARY.getParent().resolve("cache").toString());
      env.put("GOFLAGS", "");
      Process p = go.start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("building the Go readers failed (install the Debian "
            + "packages in .ci/install-tools):\n" + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Where a Go reader finds a core Secret in {@code text} (a whole file), or empty. */
  synchronized Optional<String> secretIn(String text) {
    try {
      in.write(JSON.writeValueAsString(text));
      in.write('\n');
      in.flush();
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("the Go readers stopped");
      }
      JsonNode answer = JSON.readTree(line);
      String where = answer.path("secret").asText("");
      return where.isEmpty() ? Optional.empty() : Optional.of(where);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first file of {@code files} in which a Go reader finds a Secret, with where. */
  Optional<String> secretIn(List<tech.integratn.pipeline.render.RenderedFile> files) {
    for (var file : files) {
      Optional<String> found = secretIn(file.content());
      if (found.isPresent()) {
        return Optional.of(file.name() + ": " + found.get());
      }
    }
    return Optional.empty();
  }
}

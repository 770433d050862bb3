package tech.integratn.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import tech.integratn.pipeline.render.RenderedFile;

/**
 * What the Go YAML readers the platform runs make of rendered files: Debian's kubectl
 * ({@code kubectl kustomize}, go-yaml v3 through kyaml) for the files, and gojq (go-yaml v3) for
 * every string in what kubectl read, as Helm or vcluster would read carried text.
 */
final class GoReaders {
  /** Deep enough for the hostile texts' nesting. */
  private static final ObjectMapper JSON = new ObjectMapper(
      com.fasterxml.jackson.core.JsonFactory.builder().streamReadConstraints(
          com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(20_000)
              .build()).build());
  private static final int TEXT_DEPTH = 5;

  private GoReaders() {}

  /** See {@link Tools#require(String)}. */
  static void require(String tool) {
    Tools.require(tool);
  }

  /** The documents kubectl kustomize reads from {@code files}, then every carried text's. */
  static List<JsonNode> documents(Path work, List<RenderedFile> files) throws IOException {
    Path dir = Files.createDirectories(work.resolve("kustomize"));
    StringBuilder kustomization = new StringBuilder("resources:\n");
    for (RenderedFile file : files) {
      Files.createDirectories(dir.resolve(file.name()).getParent());
      Files.writeString(dir.resolve(file.name()), file.content());
      kustomization.append("- ").append(file.name()).append('\n');
    }
    Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
    List<JsonNode> read = new ArrayList<>();
    try {
      read.addAll(gojq(work, run(List.of("kubectl", "kustomize", dir.toString()), null)));
    } catch (IllegalStateException kustomizeRefused) {
      // kustomize re-reads its own output and chokes on some characters (DEL, NEL in keys)
      // after reading the files; the same go-yaml reads each file instead.
      for (RenderedFile file : files) {
        read.addAll(gojq(work, file.content()));
      }
    }
    List<JsonNode> documents = new ArrayList<>();
    for (JsonNode document : read) {
      collect(work, document, documents, 0);
    }
    return documents;
  }

  static boolean isCoreSecret(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    String kind = null;
    String apiVersion = "";
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      String lower = key.trim().toLowerCase(Locale.ROOT);
      if (lower.equals("kind") && node.get(key).isTextual()) {
        kind = node.get(key).asText().trim().toLowerCase(Locale.ROOT);
      } else if (lower.equals("apiversion")) {
        apiVersion = node.get(key).asText().trim().toLowerCase(Locale.ROOT);
      }
    }
    return ("secret".equals(kind) || "secretlist".equals(kind))
        && (!apiVersion.contains("/") || apiVersion.startsWith("core/"));
  }

  /**
   * Every object in {@code node}, and in every string of it read as YAML by gojq, walked with a
   * list of pending nodes rather than recursion: a hostile text nests thousands of levels deep.
   */
  private static void collect(Path work, JsonNode root, List<JsonNode> into, int depth)
      throws IOException {
    java.util.ArrayDeque<JsonNode> pending = new java.util.ArrayDeque<>(List.of(root));
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isObject()) {
        into.add(node);
        for (Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          var field = it.next();
          text(work, field.getKey(), into, depth);
          pending.push(field.getValue());
        }
      } else if (node.isArray()) {
        node.forEach(pending::push);
      } else if (node.isTextual()) {
        text(work, node.asText(), into, depth);
      }
    }
  }

  private static void text(Path work, String text, List<JsonNode> into, int depth)
      throws IOException {
    if (depth >= TEXT_DEPTH || text.indexOf(':') < 0) {
      return;
    }
    for (JsonNode document : gojq(work, text)) {
      if (!(document.isTextual() && document.asText().equals(text))) {
        collect(work, document, into, depth + 1);
      }
    }
  }

  /** The documents gojq reads from {@code yaml}; none when it is not YAML to go-yaml. */
  private static List<JsonNode> gojq(Path work, String yaml) throws IOException {
    Path file = Files.writeString(work.resolve("text.yaml"), yaml);
    String out;
    try {
      out = run(List.of("gojq", "--yaml-input", "-c", ".", file.toString()), null);
    } catch (IllegalStateException notYaml) {
      return List.of();
    }
    List<JsonNode> documents = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        documents.add(JSON.readTree(line));
      }
    }
    return documents;
  }

  private static String run(List<String> command, String input) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(command.get(0) + " failed: "
          + new String(err, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}

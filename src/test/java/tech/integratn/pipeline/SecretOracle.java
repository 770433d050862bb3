package tech.integratn.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * An independent judge of "does this text read as a Secret": two YAML readers that share no code
 * with the guard (SnakeYAML 1.x, a YAML 1.1 reader that breaks lines at NEL, LS and PS as Go
 * readers do, and snakeyaml-engine's plain loader for YAML 1.2), each document and each
 * manifest-splitter part, every string read again as YAML a few levels down.
 */
final class SecretOracle {
  private static final int DEPTH = 4;
  /** SnakeYAML 1.x logs every duplicate key it keeps; held here so the setting sticks. */
  private static final java.util.logging.Logger SNAKEYAML_LOG = quiet();

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.yaml.snakeyaml");
    logger.setLevel(java.util.logging.Level.OFF);
    return logger;
  }

  private SecretOracle() {}

  static boolean readsAsSecret(String text) {
    return text(text, 0);
  }

  private static boolean text(String text, int depth) {
    if (depth > DEPTH || text.indexOf(':') < 0) {
      return false;
    }
    List<String> parts = new ArrayList<>(List.of(text));
    parts.addAll(List.of(text.split("(?m)^(?:---|\\.\\.\\.)(?=[ \\t\\r\\n]|$)")));
    for (String part : parts) {
      for (Object document : documents(part)) {
        if (value(document, text, depth)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Object> documents(String text) {
    List<Object> documents = new ArrayList<>();
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true);
      options.setCodePointLimit(64 * 1024 * 1024);
      new org.yaml.snakeyaml.Yaml(options).loadAll(text).forEach(documents::add);
    } catch (RuntimeException | StackOverflowError e) {
      // not YAML 1.1
    }
    try {
      new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build())
          .loadAllFromString(text).forEach(documents::add);
    } catch (RuntimeException | StackOverflowError e) {
      // not YAML 1.2
    }
    return documents;
  }

  private static boolean value(Object value, String from, int depth) {
    if (value instanceof Map<?, ?> map) {
      if (isSecret(map)) {
        return true;
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (value(entry.getKey(), from, depth) || value(entry.getValue(), from, depth)) {
          return true;
        }
      }
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        if (value(item, from, depth)) {
          return true;
        }
      }
    } else if (value instanceof String s && !s.equals(from)) {
      return text(s, depth + 1);
    } else if (value instanceof byte[] bytes) {
      return text(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), depth + 1);
    }
    return false;
  }

  private static boolean isSecret(Map<?, ?> map) {
    Object kind = null;
    Object apiVersion = null;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey()).trim().toLowerCase(Locale.ROOT);
      if (key.equals("kind")) {
        kind = entry.getValue() instanceof byte[] b ? new String(b) : entry.getValue();
      } else if (key.equals("apiversion")) {
        apiVersion = entry.getValue();
      }
    }
    if (!(kind instanceof String k)) {
      return false;
    }
    String lower = k.trim().toLowerCase(Locale.ROOT);
    String version = apiVersion == null ? "" : String.valueOf(apiVersion).trim().toLowerCase(Locale.ROOT);
    return (lower.equals("secret") || lower.equals("secretlist"))
        && (!version.contains("/") || version.startsWith("core/") || version.startsWith("/"));
  }
}

package tech.integratn.pipeline.settings;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tech.integratn.pipeline.ExitCode;
import tech.integratn.pipeline.PipelineException;
import tech.integratn.pipeline.read.SpecBinder;
import tech.integratn.pipeline.read.Values;
import tech.integratn.pipeline.schema.JsonSchemas;
import tech.integratn.pipeline.schema.JsonTree;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Reads the platform settings: the defaults shipped in the jar, with a settings document's keys
 * on top. A settings document is checked against {@code settings/settings.schema.json} (unknown
 * keys refused); a bad one exits 2 with the key path.
 */
public final class SettingsReader {
  public static final String ENVIRONMENT_VARIABLE = "VCLUSTER_PIPELINE_SETTINGS";
  private static final String DEFAULTS = "settings/defaults.yaml";
  private static final String SCHEMA = "settings/settings.schema.json";
  private static final int MAX_BYTES = 256 * 1024;

  private SettingsReader() {}

  /** The defaults alone: the homelab's platform. */
  public static PlatformSettings defaults() {
    return Loaded.DEFAULTS;
  }

  /**
   * Read from the jar once per JVM (render check and render test read settings per case): the
   * defaults' tree is only ever copied by a merge, never changed.
   */
  private static final class Loaded {
    static final Map<String, Object> DEFAULTS_TREE = defaultsTree();
    static final PlatformSettings DEFAULTS = bind(DEFAULTS_TREE);
  }

  /** Apart from the defaults: a render without a settings file never compiles the schema. */
  private static final class Compiled {
    static final Schema SCHEMA = JsonSchemas.compile(JsonTree.readResource(SettingsReader.SCHEMA),
        SpecificationVersion.DRAFT_2020_12, "urn:vcluster-pipeline:settings");
  }

  /**
   * The settings for a run: {@code --settings FILE} if given (it must exist), else the file the
   * environment names (a promise mounts an optional ConfigMap there: absent means defaults).
   */
  public static PlatformSettings forRun(Path option, Map<String, String> environment) {
    if (option != null) {
      return read(option);
    }
    String named = environment.getOrDefault(ENVIRONMENT_VARIABLE, "").trim();
    if (!named.isEmpty() && Files.exists(Path.of(named))) {
      return read(Path.of(named));
    }
    return defaults();
  }

  public static PlatformSettings read(Path file) {
    Map<String, Object> given = parse(file);
    List<Error> errors = Compiled.SCHEMA.validate(JsonTree.of(given));
    if (!errors.isEmpty()) {
      Error error = errors.get(0);
      String path = JsonSchemas.keyPath(error);
      throw invalid(file, (path.isEmpty() ? "the document" : path) + ": found "
          + Values.describe(JsonTree.plain(error.getInstanceNode())) + " ("
          + JsonSchemas.message(error) + "). The README's settings table lists every key and "
          + "what it takes.");
    }
    return bind(merge(Loaded.DEFAULTS_TREE, given));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(Path file) {
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw invalid(file, "it is larger than " + MAX_BYTES + " bytes; a settings document is "
            + "a few dozen lines.");
      }
      text = new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw invalid(file, "it cannot be read (" + e.getMessage() + "). Check the path.");
    }
    List<Object> documents;
    try {
      documents = Yaml.loadAll(text, MAX_BYTES);
    } catch (YamlEngineException e) {
      throw invalid(file, "it is not valid YAML: " + e.getMessage().replaceAll("\\s+", " "));
    }
    documents.removeIf(d -> d == null);
    if (documents.isEmpty()) {
      return Map.of();
    }
    if (documents.size() > 1 || !(documents.get(0) instanceof Map<?, ?> map)) {
      throw invalid(file, "it must be one YAML mapping of settings.");
    }
    return (Map<String, Object>) map;
  }

  private static PipelineException invalid(Path file, String problem) {
    return new PipelineException(ExitCode.USAGE, "Invalid settings " + file + ": " + problem);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> merged = new java.util.LinkedHashMap<>(base);
    over.forEach((key, value) -> {
      if (value instanceof Map<?, ?> overMap && merged.get(key) instanceof Map<?, ?> baseMap
          && !key.endsWith("Labels")) {
        merged.put(key, merge((Map<String, Object>) baseMap, (Map<String, Object>) overMap));
      } else if (value != null) {
        merged.put(key, value);
      }
    });
    return merged;
  }

  private static PlatformSettings bind(Map<String, Object> tree) {
    return SpecBinder.bindMap(tree, PlatformSettings.class, "settings");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> defaultsTree() {
    try (InputStream in = SettingsReader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + DEFAULTS);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return (Map<String, Object>) Yaml.loadAll(text, MAX_BYTES).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

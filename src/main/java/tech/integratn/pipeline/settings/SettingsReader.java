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
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.read.SpecBinder;
import tech.integratn.pipeline.read.Values;
import tech.integratn.pipeline.schema.JsonSchemas;
import tech.integratn.pipeline.schema.JsonTree;
import tech.integratn.pipeline.yaml.BoundedText;
import tech.integratn.pipeline.yaml.Tree;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Reads the platform settings: the defaults shipped in the jar, with a settings document's keys
 * on top. A settings document is checked against {@code settings/settings.schema.json} (unknown
 * keys refused); a bad one exits 2 with the key path.
 */
public final class SettingsReader {
  public static final String ENVIRONMENT_VARIABLE = "VCLUSTER_PIPELINE_SETTINGS";
  /** The settings text itself, as the promises written by {@code render promises} carry it. */
  public static final String INLINE_VARIABLE = "VCLUSTER_PIPELINE_SETTINGS_YAML";
  /**
   * The image reference {@code render promises --image} gave, which every promise sets: the
   * sync Jobs run it unless the settings name images.kubeconfigSync.
   */
  public static final String IMAGE_VARIABLE = "VCLUSTER_PIPELINE_IMAGE";
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
    static final String DEFAULTS_TEXT = defaultsText();
    static final Map<String, Object> DEFAULTS_TREE = defaultsTree();
    static final PlatformSettings DEFAULTS = bind(DEFAULTS_TREE);
  }

  /**
   * The settings a run uses, where they came from (for its one log line), and their text as
   * given (what {@code render promises} carries).
   */
  public record Chosen(PlatformSettings settings, String source, String text, String digest) {
    /** One line for the log: which settings, from where, and a short digest to compare. */
    public String describe() {
      return "settings: " + source + " (digest " + digest + ")";
    }
  }

  /**
   * The settings for a run: {@code --settings FILE} if given, else the settings text the promise
   * carries ({@value #INLINE_VARIABLE}), else the file {@value #ENVIRONMENT_VARIABLE} names, else
   * the built-in defaults. Whatever is named must be there: a named file that is missing or
   * unreadable, or bad settings text, is exit 2, never the defaults.
   */
  public static PlatformSettings forRun(Path option, Map<String, String> environment) {
    return choose(option, environment).settings();
  }

  public static Chosen choose(Path option, Map<String, String> environment) {
    Chosen chosen = chooseText(option, environment);
    String image = environment.getOrDefault(IMAGE_VARIABLE, "").trim();
    if (image.isEmpty() || !chosen.settings().images().kubeconfigSync().isEmpty()) {
      return chosen;
    }
    // The image the promise runs, which render promises wrote beside the settings: the sync
    // Job runs it too, so a promise pinned to a digest runs only that digest.
    PlatformSettings s = chosen.settings();
    return new Chosen(new PlatformSettings(s.baseDomain(), s.argocd(), s.externalSecrets(),
        s.certManager(), s.onepassword(), s.workloadRepo(), s.addonsRepo(), s.chart(),
        new PlatformSettings.Images(image, s.images().vclusterControlPlane()), s.scheduling(),
        s.requestPolicy()), chosen.source(), chosen.text(), chosen.digest());
  }

  private static Chosen chooseText(Path option, Map<String, String> environment) {
    if (option != null) {
      String text = readFile(option);
      return chosen(read(text, option.toString()), "file " + option, text);
    }
    String inline = environment.getOrDefault(INLINE_VARIABLE, "");
    if (!inline.isBlank()) {
      if (inline.equals(Loaded.DEFAULTS_TEXT)) {
        return chosen(defaults(), "the promise's ($" + INLINE_VARIABLE + "), the built-in defaults",
            inline);
      }
      return chosen(read(inline, "$" + INLINE_VARIABLE), "the promise's ($" + INLINE_VARIABLE + ")",
          inline);
    }
    String named = environment.getOrDefault(ENVIRONMENT_VARIABLE, "").trim();
    if (!named.isEmpty()) {
      if (!Files.exists(Path.of(named))) {
        throw new PipelineException(ExitCode.USAGE, "$" + ENVIRONMENT_VARIABLE + " names the "
            + "settings file " + named + ", which does not exist. A platform that names its "
            + "settings never gets the built-in defaults: mount the file there, or unset the "
            + "variable.");
      }
      String text = readFile(Path.of(named));
      return chosen(read(text, named), "file " + named + " ($" + ENVIRONMENT_VARIABLE + ")", text);
    }
    return chosen(defaults(), "the built-in defaults (no settings named)", Loaded.DEFAULTS_TEXT);
  }

  /** The digest is of the settings text as given: the same text, the same digest. */
  private static Chosen chosen(PlatformSettings settings, String source, String text) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return new Chosen(settings, source, text, String.format("%08x", crc.getValue()));
  }

  public static PlatformSettings read(Path file) {
    return read(readFile(file), file.toString());
  }

  /** Settings text from {@code where} (a file, or the variable the promise sets). */
  public static PlatformSettings read(String text, String where) {
    Map<String, Object> given = parse(text, where);
    List<String> unset = new java.util.ArrayList<>();
    placeholders(given, "", unset);
    if (!unset.isEmpty()) {
      throw invalid(where, "still holds the placeholder " + PLACEHOLDER + " at " + String.join(
          ", ", unset) + ". Write your platform's value at each (the comments beside them give "
          + "examples; docs/operating.md, \"Platform settings\", says what each takes).");
    }
    // Compiled on first use: a render without a settings document never compiles it.
    Schema schema = JsonSchemas.compiled("urn:vcluster-pipeline:settings",
        SpecificationVersion.DRAFT_2020_12, () -> JsonSchemas.resource(SCHEMA));
    List<Error> errors = schema.validate(JsonTree.of(given));
    if (!errors.isEmpty()) {
      Error error = errors.get(0);
      String path = JsonSchemas.keyPath(error);
      if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
        String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
        Object known = parent.isEmpty() ? Loaded.DEFAULTS_TREE : at(Loaded.DEFAULTS_TREE, parent);
        java.util.List<String> keys = known instanceof Map<?, ?> m
            ? m.keySet().stream().map(String::valueOf).toList() : java.util.List.of();
        throw invalid(where, "unknown key " + path + tech.integratn.pipeline.read.Suggestion
            .closest(error.getProperty(), keys).map(k -> " (did you mean " + k + "?)").orElse("")
            + ". The settings table in docs/operating.md lists every key.");
      }
      throw invalid(where, (path.isEmpty() ? "the document" : path) + ": found "
          + Values.describe(JsonTree.plain(error.getInstanceNode())) + " ("
          + JsonSchemas.message(error) + "). The settings table in docs/operating.md lists every key and "
          + "what it takes.");
    }
    PlatformSettings settings = bind(Tree.merge(Loaded.DEFAULTS_TREE, given, Tree.Rule.SETTINGS));
    RequestPolicyRules.problem(settings).ifPresent(problem -> {
      throw invalid(where, problem);
    });
    return settings;
  }

  private static String readFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return BoundedText.read(in, MAX_BYTES);
    } catch (BoundedText.TooLarge e) {
      throw invalid(file.toString(), "it is larger than " + MAX_BYTES + " bytes; a settings "
          + "document is a few dozen lines.");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw invalid(file.toString(), "it is not UTF-8 text.");
    } catch (java.nio.file.NoSuchFileException e) {
      throw invalid(file.toString(), "it does not exist. Check the path.");
    } catch (java.nio.file.AccessDeniedException e) {
      throw invalid(file.toString(), "it cannot be read (permission denied). Check the file's "
          + "mode and owner.");
    } catch (IOException e) {
      throw invalid(file.toString(), "it cannot be read (" + (e.getMessage() == null
          ? "an I/O error" : e.getMessage()) + "). Check the path.");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String text, String where) {
    List<Object> documents;
    try {
      documents = Yaml.loadAll(text, MAX_BYTES);
    } catch (YamlEngineException e) {
      throw invalid(where, "it is not valid YAML: " + Yaml.problem(e));
    }
    documents.removeIf(d -> d == null);
    if (documents.isEmpty()) {
      return Map.of();
    }
    if (documents.size() > 1 || !(documents.get(0) instanceof Map<?, ?> map)) {
      throw invalid(where, "it must be one YAML mapping of settings.");
    }
    plain(map, "", where);
    return (Map<String, Object>) map;
  }

  /** Settings are text, numbers, booleans, lists and mappings: no binary, sets or timestamps. */
  private static void plain(Object value, String path, String where) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw invalid(where, (path.isEmpty() ? "the document" : path) + " has a key that is "
              + "not text.");
        }
        plain(entry.getValue(), path.isEmpty() ? key : path + "." + key, where);
      }
    } else if (value instanceof List<?> list) {
      list.forEach(item -> plain(item, path + "[]", where));
    } else if (value != null && !(value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof Double)) {
      throw invalid(where, path + ": holds a tagged value (such as !!binary, !!set or "
          + "!!timestamp); settings take text, numbers and booleans.");
    }
  }

  private static Object at(Map<String, Object> tree, String dottedPath) {
    Object node = tree;
    for (String key : dottedPath.split("\\.")) {
      node = node instanceof Map<?, ?> m ? m.get(key) : null;
    }
    return node;
  }

  /** What {@code render settings --init} writes where a platform must give its own value. */
  public static final String PLACEHOLDER = "SET-ME";

  /** Every key path whose key or value is still the placeholder, in the file's order. */
  private static void placeholders(Object node, String path, List<String> found) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String at = path.isEmpty() ? key : path + "." + key;
        if (key.equals(PLACEHOLDER)) {
          found.add(path);
        } else {
          placeholders(entry.getValue(), at, found);
        }
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        placeholders(list.get(i), path + "[" + i + "]", found);
      }
    } else if (PLACEHOLDER.equals(node)) {
      found.add(path);
    }
  }

  private static PipelineException invalid(String where, String problem) {
    return new PipelineException(ExitCode.USAGE, "Invalid settings " + where + ": " + problem);
  }

  private static PlatformSettings bind(Map<String, Object> tree) {
    return SpecBinder.bindMap(tree, PlatformSettings.class, "settings");
  }

  /** The defaults document as shipped, comments and all (what the default promises carry). */
  public static String defaultsText() {
    try (InputStream in = SettingsReader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + DEFAULTS);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> defaultsTree() {
    return (Map<String, Object>) Yaml.loadAll(Loaded.DEFAULTS_TEXT, MAX_BYTES).get(0);
  }
}

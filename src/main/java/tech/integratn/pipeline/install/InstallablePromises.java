package tech.integratn.pipeline.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.settings.PlatformSettings;
import tech.integratn.pipeline.settings.SettingsReader;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * The promises a platform installs, from the ones bundled in the jar: every workflow container
 * runs {@code image} and carries the platform's settings text in
 * {@value SettingsReader#INLINE_VARIABLE}, so nothing is mounted and pipelines run in the
 * request's namespace (no {@code workflows.config.pipelineNamespace}, which open-source Kratix
 * v0.125 and SKE before 0.35 do not know, and with which Kratix's dry run finds no Works); each
 * promise selects its Destinations from the settings' scheduling labels.
 */
public final class InstallablePromises {
  /** A repository (with an optional registry host and port), then a tag, a digest, or both. */
  private static final Pattern IMAGE = Pattern.compile(
      "(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
          + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
          + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?");

  private InstallablePromises() {}

  /** Refuses what no container runtime pulls: the reference must have a tag or a digest. */
  public static String checkImage(String image) {
    boolean pinned = image.contains("@sha256:") || image.lastIndexOf(':') > image.lastIndexOf('/');
    if (!IMAGE.matcher(image).matches() || !pinned) {
      throw new PipelineException(ExitCode.USAGE, "--image " + image + " is not an image "
          + "reference with a tag or a digest (registry/repository:tag or "
          + "registry/repository@sha256:<64 hex digits>).");
    }
    return image;
  }

  /** Each promise's file text, by promise name, in the kinds table's order. */
  public static Map<String, String> render(String image, String settingsText,
      PlatformSettings settings) {
    checkImage(image);
    Map<String, String> promises = new LinkedHashMap<>();
    for (PromiseKind kind : PromiseKind.values()) {
      Map<String, Object> promise = BundledPromises.read(kind);
      Map<String, Object> spec = map(promise.get("spec"));
      Map<String, String> selector = kind.publishesSubRequests()
          ? settings.scheduling().subRequestSelectorLabels()
          : settings.scheduling().partSelectorLabels();
      if (selector != null && !selector.isEmpty()) {
        spec.put("destinationSelectors", List.of(Map.of("matchLabels", new LinkedHashMap<>(selector))));
      }
      Map<String, Object> workflows = map(spec.get("workflows"));
      workflows.remove("config");
      for (Object type : workflows.values()) {
        for (Object pipelines : map(type).values()) {
          for (Object pipeline : list(pipelines)) {
            for (Object container : list(map(map(pipeline).get("spec")).get("containers"))) {
              configure(map(container), image, settingsText);
            }
          }
        }
      }
      promises.put(kind.promise(), "# Kratix Promise " + kind.promise() + ", written by `render "
          + "promises` for image " + image + ".\n" + Yaml.document(promise));
    }
    return promises;
  }

  private static void configure(Map<String, Object> container, String image, String settings) {
    container.put("image", image);
    List<Object> env = new ArrayList<>();
    for (Object variable : list(container.get("env"))) {
      String name = String.valueOf(map(variable).get("name"));
      if (!name.startsWith(SettingsReader.ENVIRONMENT_VARIABLE)) {
        env.add(variable);
      }
    }
    Map<String, Object> carried = new LinkedHashMap<>();
    carried.put("name", SettingsReader.INLINE_VARIABLE);
    carried.put("value", settings);
    env.add(carried);
    container.put("env", env);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}

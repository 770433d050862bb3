package tech.integratn.pipeline.install;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.settings.BuildInfo;
import tech.integratn.pipeline.settings.PlatformSettings;
import tech.integratn.pipeline.settings.SettingsReader;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * The promises a platform installs, from the ones bundled in the jar: every workflow container
 * runs {@code image} and carries the platform's settings text in
 * {@value SettingsReader#INLINE_VARIABLE}, so nothing is mounted and pipelines run in the
 * request's namespace (no {@code workflows.config.pipelineNamespace}, which open-source Kratix
 * v0.125 and SKE before 0.35 do not know, and with which Kratix's dry run finds no Works); each
 * promise selects its Destinations from the settings' scheduling labels. What Kratix or the tools
 * around it cannot run is refused here, before anything is applied (docs/operating.md,
 * "Installing on Kratix").
 */
public final class InstallablePromises {
  /** The label Kratix reads a promise's version from. */
  public static final String VERSION_LABEL = "kratix.io/promise-version";
  /**
   * Linux's MAX_ARG_STRLEN: one environment string, {@code NAME=value} and its NUL, longer than
   * this makes the container's execve fail with E2BIG, so the pipeline pod never starts.
   */
  public static final int MAX_ENVIRONMENT_STRING_BYTES = 128 * 1024;
  /**
   * Kubernetes' limit on all of an object's annotations together: client-side {@code kubectl
   * apply} and Argo CD store the whole object in one, so a larger Promise cannot be applied.
   */
  public static final int MAX_PROMISE_BYTES = 256 * 1024;
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  /** A repository (with an optional registry host and port), then a tag, a digest, or both. */
  private static final Pattern IMAGE = Pattern.compile(
      "(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
          + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
          + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?");
  /** Kubernetes' label name (and non-empty value) syntax: apimachinery validation.IsQualifiedName. */
  private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

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

  /**
   * The version every promise is labelled with and the orchestrator requires: this build's, so
   * a new image is a new promise version, and the exact match older Kratix makes always holds.
   */
  public static String promiseVersion() {
    String version = "v" + BuildInfo.version();
    if (version.length() > 63 || !LABEL_NAME.matcher(version).matches()) {
      throw new IllegalStateException("the build's version " + version + " is not a label value");
    }
    return version;
  }

  /** Each promise's file text, by promise name, in the kinds table's order. */
  public static Map<String, String> render(String image, String settingsText,
      PlatformSettings settings) {
    return render(image, settingsText, settings, "the settings");
  }

  /**
   * As {@link #render(String, String, PlatformSettings)}, naming the settings' source ({@code
   * where}) in a refusal.
   */
  public static Map<String, String> render(String image, String settingsText,
      PlatformSettings settings, String where) {
    checkImage(image);
    checkSyncImage(image, settings, where);
    checkCarried(settingsText, where);
    checkSelector("scheduling.subRequestSelectorLabels",
        settings.scheduling().subRequestSelectorLabels(), where);
    checkSelector("scheduling.partSelectorLabels", settings.scheduling().partSelectorLabels(),
        where);
    String version = promiseVersion();
    Map<String, String> promises = new LinkedHashMap<>();
    for (PromiseKind kind : PromiseKind.values()) {
      Map<String, Object> promise = BundledPromises.read(kind);
      Map<String, Object> labels = map(map(promise.get("metadata")).get("labels"));
      labels.put(VERSION_LABEL, version);
      Map<String, Object> spec = map(promise.get("spec"));
      for (Object required : list(spec.get("requiredPromises"))) {
        map(required).put("version", version);
      }
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
      String text = "# Kratix Promise " + kind.promise() + ", written by `render "
          + "promises` for image " + image + ".\n" + Yaml.document(promise);
      checkSize(kind.promise(), promise, text);
      promises.put(kind.promise(), text);
    }
    return promises;
  }

  /**
   * The promises run one image everywhere: settings that name another image for the sync Job
   * would run a second one, unseen, so they are refused (leave images.kubeconfigSync unset and
   * the sync Job runs the --image reference too).
   */
  static void checkSyncImage(String image, PlatformSettings settings, String where) {
    String named = settings.images().kubeconfigSync();
    if (named != null && !named.isEmpty() && !named.equals(image)) {
      throw new PipelineException(ExitCode.USAGE, "Settings " + where + " set "
          + "images.kubeconfigSync to " + named + ", but --image is " + image + ": the promises "
          + "would run two images. Remove images.kubeconfigSync (the sync Job then runs --image), "
          + "or pass --image " + named + ".");
    }
  }

  /** The settings travel in one environment variable, which must fit one execve string. */
  static void checkCarried(String settingsText, String where) {
    long bytes = SettingsReader.INLINE_VARIABLE.length() + 1L
        + settingsText.getBytes(StandardCharsets.UTF_8).length + 1L;
    if (bytes > MAX_ENVIRONMENT_STRING_BYTES) {
      throw new PipelineException(ExitCode.USAGE, "Settings " + where + " are "
          + settingsText.getBytes(StandardCharsets.UTF_8).length + " bytes; every promise carries "
          + "them in $" + SettingsReader.INLINE_VARIABLE + ", and Linux starts no container whose "
          + "environment string is over " + MAX_ENVIRONMENT_STRING_BYTES + " bytes (E2BIG), so no "
          + "pipeline would run. Leave out comments and keys that repeat the defaults (a settings "
          + "file needs only what differs).");
    }
  }

  /**
   * Kratix turns a selector into a label query with labels.Parse: a key or value that is not a
   * label's leaves the Works unscheduled (Kratix 2025 on) or sent to any Destination (v0.125).
   */
  static void checkSelector(String path, Map<String, String> selector, String where) {
    if (selector == null) {
      return;
    }
    for (Map.Entry<String, String> label : selector.entrySet()) {
      String key = label.getKey();
      String value = label.getValue() == null ? "" : label.getValue();
      if (!isLabelKey(key)) {
        throw new PipelineException(ExitCode.USAGE, "Settings " + where + ": " + path + " has the "
            + "key \"" + key + "\", which is not a Kubernetes label key (an optional DNS-subdomain "
            + "prefix and '/', then at most 63 letters, digits, '-', '_' or '.', beginning and "
            + "ending with a letter or digit). Kratix would accept the promise and then fail to "
            + "read its destinationSelectors; use the Destinations' label key as written.");
      }
      if (!isLabelValue(value)) {
        throw new PipelineException(ExitCode.USAGE, "Settings " + where + ": " + path + "."
            + key + " is \"" + value + "\", which is not a Kubernetes label value (at most 63 "
            + "letters, digits, '-', '_' or '.', beginning and ending with a letter or digit; no "
            + "spaces or commas). Kratix would accept the promise and then fail to read its "
            + "destinationSelectors; use the Destinations' label value as written.");
      }
    }
  }

  static boolean isLabelKey(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return name.length() <= 63 && LABEL_NAME.matcher(name).matches();
  }

  static boolean isLabelValue(String value) {
    return value.isEmpty() || (value.length() <= 63 && LABEL_NAME.matcher(value).matches());
  }

  /** The file, and the object as kubectl stores it in its last-applied annotation, must fit. */
  static void checkSize(String name, Map<String, Object> promise, String text) {
    long file = text.getBytes(StandardCharsets.UTF_8).length;
    long annotation = LAST_APPLIED.length() + GoJsonLength.of(promise) + 1;
    long size = Math.max(file, annotation);
    if (size > MAX_PROMISE_BYTES) {
      throw new PipelineException(ExitCode.USAGE, "The promise " + name + " would be " + size
          + " bytes (as YAML, or as the JSON kubectl apply and Argo CD keep in the "
          + LAST_APPLIED + " annotation); Kubernetes refuses annotations over "
          + MAX_PROMISE_BYTES + " bytes, so it could not be applied. The settings are carried in "
          + "it: leave out comments and keys that repeat the defaults.");
    }
  }

  private static void configure(Map<String, Object> container, String image, String settings) {
    container.put("image", image);
    List<Object> env = new ArrayList<>();
    for (Object variable : list(container.get("env"))) {
      String name = String.valueOf(map(variable).get("name"));
      if (!name.startsWith(SettingsReader.ENVIRONMENT_VARIABLE)
          && !name.equals(SettingsReader.IMAGE_VARIABLE)) {
        env.add(variable);
      }
    }
    Map<String, Object> carried = new LinkedHashMap<>();
    carried.put("name", SettingsReader.INLINE_VARIABLE);
    carried.put("value", settings);
    env.add(carried);
    // The pipeline cannot see its own image reference: told, the sync Jobs it renders run
    // exactly this one (a digest stays a digest) instead of the tag the build stamped.
    Map<String, Object> pinned = new LinkedHashMap<>();
    pinned.put("name", SettingsReader.IMAGE_VARIABLE);
    pinned.put("value", image);
    env.add(pinned);
    container.put("env", env);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}

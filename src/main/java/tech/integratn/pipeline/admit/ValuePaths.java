package tech.integratn.pipeline.admit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.integratn.pipeline.failure.PipelineException.Problem;
import tech.integratn.pipeline.read.Values;
import tech.integratn.pipeline.settings.PlatformSettings;

/**
 * The vcluster chart value paths a request may set ({@code requestPolicy.helmValues}). A path
 * allows itself and everything below it; {@code *} stands for any one key, and a key holding a
 * dot is written in brackets ({@code sync.toHost.customResources[certificates.cert-manager.io]}).
 * A value that is not a mapping is a leaf, and so is {@code null} (which removes what the
 * platform set); an empty mapping changes nothing. Two paths hold a hostname and one a server
 * address; they are judged by the hostname rule, listed or not: external-dns publishes the
 * service's annotation, the ingress controller serves the ingress host, and the kubeconfig names
 * the server.
 */
public final class ValuePaths {
  static final List<List<String>> HOSTNAME_PATHS = List.of(
      List.of("controlPlane", "service", "annotations", "external-dns.alpha.kubernetes.io/hostname"),
      List.of("controlPlane", "ingress", "host"));
  static final List<List<String>> SERVER_PATHS = List.of(List.of("exportKubeConfig", "server"));
  private static final Pattern SERVER = Pattern.compile("https://([^/:]+)(:[0-9]{1,5})?");
  private static final Pattern SEGMENT = Pattern.compile("\\[([^\\]]+)\\]|([^.\\[\\]]+)");

  private final List<List<String>> allowed;

  private ValuePaths(List<List<String>> allowed) {
    this.allowed = allowed;
  }

  public static ValuePaths of(PlatformSettings.RequestPolicy policy) {
    List<List<String>> allowed = new ArrayList<>();
    PlatformSettings.HelmValuePaths paths = policy.helmValues();
    for (List<String> list : java.util.Arrays.asList(paths.allow(), paths.alsoAllow())) {
      if (list != null) {
        list.forEach(path -> allowed.add(keys(path)));
      }
    }
    return new ValuePaths(allowed);
  }

  /** The keys of a written path: dots separate them, brackets hold a key with dots. */
  static List<String> keys(String path) {
    List<String> keys = new ArrayList<>();
    Matcher m = SEGMENT.matcher(path);
    while (m.find()) {
      keys.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return keys;
  }

  /** A path as the settings write it, so the advice can be copied as given. */
  static String written(List<String> path) {
    StringBuilder text = new StringBuilder();
    for (String key : path) {
      boolean bracket = key.contains(".") || key.contains("[") || key.contains("]");
      if (!bracket && text.length() > 0) {
        text.append('.');
      }
      text.append(bracket ? "[" + key + "]" : key);
    }
    return text.toString();
  }

  /** True when a listed path is {@code path} or above it. */
  public boolean allows(List<String> path) {
    for (List<String> entry : allowed) {
      if (entry.size() <= path.size() && matches(entry, path)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(List<String> entry, List<String> path) {
    for (int i = 0; i < entry.size(); i++) {
      if (!entry.get(i).equals("*") && !entry.get(i).equals(path.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Adds a problem for each leaf of {@code given}, placed at {@code at} in the values, that the
   * request may not set. {@code field} is where {@code given} sits in the request. A leaf equal to
   * the {@code reference} tree's (what the platform itself puts there) changes nothing and passes.
   * {@code hostname} judges a hostname path's value: empty when allowed, else why not.
   */
  public void check(Object given, List<String> at, String field, Map<String, Object> reference,
      Function<String, Optional<String>> hostname, List<Problem> problems) {
    if (given != null) { // an absent or null map sets nothing (the spec: null counts as absent)
      walk(given, new ArrayList<>(at), field, reference, hostname, problems);
    }
  }

  /**
   * For a whole values tree a request wrote: every value of the {@code reference} that the
   * request may not set must be there too (left out, the chart's own default would apply, such as
   * a selector that selects everything).
   */
  public void checkComplete(Map<String, Object> given, String field,
      Map<String, Object> reference, List<Problem> problems) {
    missing(reference, given, new ArrayList<>(), field, problems);
  }

  private void missing(Object platform, Object given, List<String> path, String field,
      List<Problem> problems) {
    if (platform instanceof Map<?, ?> map && !map.isEmpty()) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        path.add(key);
        Object mine = given instanceof Map<?, ?> g && g.containsKey(key) ? g.get(key) : Missing.VALUE;
        missing(entry.getValue(), mine, path, field + "." + key, problems);
        path.remove(path.size() - 1);
      }
      return;
    }
    if (given == Missing.VALUE && !allows(path) && !HOSTNAME_PATHS.contains(path)
        && !SERVER_PATHS.contains(path)) {
      problems.add(new Problem(field, "is missing, where the platform sets "
          + Values.describe(platform) + ": left out, the chart's default would apply. Set it to "
          + "the platform's value, or ask the platform team to add " + written(path)
          + " to requestPolicy.helmValues.alsoAllow."));
    }
  }

  private void walk(Object value, List<String> path, String field, Map<String, Object> reference,
      Function<String, Optional<String>> hostname, List<Problem> problems) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        path.add(key);
        walk(entry.getValue(), path, field + "." + key, reference, hostname, problems);
        path.remove(path.size() - 1);
      }
      return;
    }
    if (value instanceof Map<?, ?>) {
      return;
    }
    if (HOSTNAME_PATHS.contains(path) || SERVER_PATHS.contains(path)) {
      hostProblem(value, SERVER_PATHS.contains(path), hostname).ifPresent(reason ->
          problems.add(new Problem(field, "found " + Values.describe(value) + ", " + reason)));
      return;
    }
    if (allows(path) || Objects.equals(value, at(reference, path))) {
      return;
    }
    problems.add(new Problem(field, "found " + Values.describe(value) + " at the chart value "
        + written(path) + ", which a request may not set: values outside "
        + "requestPolicy.helmValues can reach past the vcluster (host manifests, RBAC, host "
        + "mappings, images, security contexts, volumes). Remove it, or ask the platform team to "
        + "add " + written(path) + " to requestPolicy.helmValues.alsoAllow."));
  }

  /** A hostname value (or a server address, https://host[:port]) by the hostname rule. */
  private static Optional<String> hostProblem(Object value, boolean server,
      Function<String, Optional<String>> hostname) {
    if (!(value instanceof String text)) {
      return Optional.of("which is not " + (server ? "a server address" : "a hostname"));
    }
    if (!server) {
      return hostname.apply(text);
    }
    Matcher m = SERVER.matcher(text);
    return m.matches() ? hostname.apply(m.group(1)) : Optional.of("which is not "
        + "https://<hostname>[:<port>] of this request. Leave it out: the platform sets it.");
  }

  private static Object at(Map<String, Object> tree, List<String> path) {
    Object node = tree;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return Missing.VALUE;
      }
      node = map.get(key);
    }
    return node;
  }

  /** Not in the tree: never equal to any value, null included. */
  private enum Missing { VALUE }
}

package tech.integratn.pipeline.admit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tech.integratn.pipeline.failure.PipelineException.Problem;
import tech.integratn.pipeline.read.Values;
import tech.integratn.pipeline.settings.PlatformSettings;

/**
 * The vcluster chart value paths a request may set ({@code requestPolicy.helmValues}). A path
 * allows itself and everything below it; {@code *} stands for any one key. A value that is not a
 * mapping is a leaf, and so is {@code null} (which removes what the platform set); an empty
 * mapping changes nothing. Two paths hold a hostname and are judged by the hostname rule, listed
 * or not: external-dns publishes the one, the ingress controller serves the other.
 */
public final class ValuePaths {
  static final List<List<String>> HOSTNAME_PATHS = List.of(
      List.of("controlPlane", "service", "annotations", "external-dns.alpha.kubernetes.io/hostname"),
      List.of("controlPlane", "ingress", "host"));

  private final List<List<String>> allowed;

  private ValuePaths(List<List<String>> allowed) {
    this.allowed = allowed;
  }

  public static ValuePaths of(PlatformSettings.RequestPolicy policy) {
    List<List<String>> allowed = new ArrayList<>();
    PlatformSettings.HelmValuePaths paths = policy.helmValues();
    for (List<String> list : java.util.Arrays.asList(paths.allow(), paths.alsoAllow())) {
      if (list != null) {
        list.forEach(path -> allowed.add(List.of(path.split("\\."))));
      }
    }
    return new ValuePaths(allowed);
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
      Function<String, java.util.Optional<String>> hostname, List<Problem> problems) {
    if (given != null) { // an absent or null map sets nothing (the spec: null counts as absent)
      walk(given, new ArrayList<>(at), field, reference, hostname, problems);
    }
  }

  private void walk(Object value, List<String> path, String field, Map<String, Object> reference,
      Function<String, java.util.Optional<String>> hostname, List<Problem> problems) {
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
    if (HOSTNAME_PATHS.contains(path)) {
      java.util.Optional<String> why = value instanceof String text
          ? hostname.apply(text) : java.util.Optional.of("it is not a hostname");
      why.ifPresent(reason -> problems.add(new Problem(field, "found " + Values.describe(value)
          + ", " + reason)));
      return;
    }
    if (allows(path) || Objects.equals(value, at(reference, path))) {
      return;
    }
    problems.add(new Problem(field, "found " + Values.describe(value) + " at the chart value "
        + String.join(".", path) + ", which a request may not set: values outside "
        + "requestPolicy.helmValues can reach past the vcluster (host manifests, RBAC, host "
        + "mappings, images, security contexts, volumes). Remove it, or ask the platform team to "
        + "add " + String.join(".", path) + " to requestPolicy.helmValues.alsoAllow."));
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

  /** Not in the reference: never equal to any value, null included. */
  private enum Missing { VALUE }
}

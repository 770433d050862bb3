package tech.integratn.pipeline.guard;

import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.failure.PipelineException;

/**
 * The guard's rule applied to the request's own text, before anything is rendered, so that a
 * refusal names the request field that holds the text (exit 3) instead of the output file it
 * would have reached (exit 4). Every key and string of the spec is checked as the guard checks
 * a string in output (executed where {@link Consumers} says a consumer executes that field),
 * except the texts the pipeline reads and writes again itself (manifests, templates, values
 * texts, bundles: {@code resolve/CarriedValues} refuses those at their field, and what the guard
 * then sees is what it wrote). The guard still reads everything rendered: this check only moves
 * the refusal to where the text came from.
 */
public final class RequestTexts {
  /** Texts rewritten before they are published, by the last keys of their path. */
  private static final List<List<String>> REWRITTEN = List.of(
      List.of("experimental", "deploy", "host", "manifests"),
      List.of("experimental", "deploy", "vcluster", "manifests"),
      List.of("controlPlane", "coredns", "overwriteManifests"),
      List.of("experimental", "deploy", "host", "manifestsTemplate"),
      List.of("experimental", "deploy", "vcluster", "manifestsTemplate"),
      List.of("experimental", "deploy", "vcluster", "helm", Consumers.ITEM, "values"),
      List.of("experimental", "deploy", "vcluster", "helm", Consumers.ITEM, "bundle"));
  /** A VClusterCore's values text, which is read and written again too: its whole path. */
  private static final List<String> VALUES_TEXT = List.of("spec", "valuesYaml");

  private final OutputGuard guard;

  /** {@code guard}: the run's guard, which then need not read these texts again in output. */
  public RequestTexts(OutputGuard guard) {
    this.guard = guard;
  }

  /** Refuses (exit 3, naming the field) the first text of {@code spec} the guard would refuse. */
  public void check(Map<String, Object> spec) {
    Object source = spec.get("source");
    boolean foreign = Consumers.foreignChart(source instanceof Map<?, ?>,
        spec.containsKey("sources"),
        source instanceof Map<?, ?> fields && fields.get("chart") instanceof String chart
            ? chart : null);
    walk(spec, "spec", List.of("spec"), foreign);
  }

  /** {@code executed}: whether a consumer executes a field above this one (and so this). */
  private void walk(Object value, String path, List<String> keys, boolean executed) {
    if (isRewritten(keys)) {
      return;
    }
    executed = executed || Consumers.executes(keys);
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String at = path + "." + key;
        List<String> below = Consumers.below(keys, key);
        text(key, at + " (the key)", executed || Consumers.executes(below));
        walk(entry.getValue(), at, below, executed);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", Consumers.below(keys, Consumers.ITEM), executed);
      }
    } else if (value instanceof String text) {
      text(text, path, executed);
    }
  }

  private void text(String text, String field, boolean executed) {
    try {
      guard.checkText(text, field, executed);
    } catch (PipelineException refused) {
      // The guard's place starts with the field it was given; what follows is inside the text.
      PipelineException.Problem problem = refused.problems().get(0);
      String inside = problem.path().startsWith(field)
          ? problem.path().substring(field.length()).strip() : problem.path();
      throw PipelineException.invalidField(field,
          inside.isEmpty() ? problem.found() : inside + " " + problem.found(), problem.fix());
    }
  }

  private static boolean isRewritten(List<String> keys) {
    if (keys.equals(VALUES_TEXT)) {
      return true;
    }
    for (List<String> field : REWRITTEN) {
      int n = field.size();
      if (keys.size() >= n && keys.subList(keys.size() - n, keys.size()).equals(field)) {
        return true;
      }
    }
    return false;
  }
}

package tech.integratn.pipeline.resolve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.integratn.pipeline.read.Request;

/**
 * The condition every successful run reports, so that
 * {@code kubectl wait --for=condition=Rendered <kind>/<name>} works on a request. Kratix merges
 * status conditions by type, so this image's own type never touches Kratix's, and the status
 * schema Kratix injects keeps five keys of a condition (type, status, reason, message,
 * lastTransitionTime), so it has exactly those. Kratix discards the status of a failed run, so a
 * condition can only say what the last successful render published; {@code renderedGeneration}
 * says for which generation of the request, and Kratix's own ConfigureWorkflowCompleted says
 * whether the latest run failed.
 */
public final class StatusConditions {
  public static final String TYPE = "Rendered";
  public static final String RENDERED_GENERATION = "renderedGeneration";

  private StatusConditions() {}

  /**
   * {@code status} with its {@code conditions} and {@code renderedGeneration}. As Kubernetes'
   * condition convention has it, {@code lastTransitionTime} moves only when the condition's
   * status changes: while the request's own {@code .status.conditions} already hold a Rendered
   * condition with this status, its time is kept. Otherwise it is the request's newest change
   * (its newest managedFields entry, else its creation), never the clock: a run, a rerun and a
   * dry run of the same request, status included, write the same bytes.
   */
  public static Map<String, Object> withRendered(Map<String, Object> status, Request request) {
    String now = "True";
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("type", TYPE);
    condition.put("status", now);
    condition.put("reason", "Rendered");
    condition.put("message", status.getOrDefault("message", ""));
    condition.put("lastTransitionTime", previous(request)
        .filter(before -> now.equals(before.get("status")))
        .map(before -> before.get("lastTransitionTime"))
        .filter(time -> time instanceof String t && Request.isTime(t))
        .map(String::valueOf)
        .orElse(request.lastChanged()));
    Map<String, Object> withConditions = new LinkedHashMap<>(status);
    request.generation().ifPresent(g -> withConditions.put(RENDERED_GENERATION, g));
    withConditions.put("conditions", List.of(condition));
    return withConditions;
  }

  /** The Rendered condition the request's status holds from an earlier run, if any. */
  private static Optional<Map<?, ?>> previous(Request request) {
    if (request.object().get("status") instanceof Map<?, ?> status
        && status.get("conditions") instanceof List<?> conditions) {
      for (Object condition : conditions) {
        if (condition instanceof Map<?, ?> c && TYPE.equals(c.get("type"))) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }
}

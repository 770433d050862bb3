package tech.integratn.pipeline.resolve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.read.Request;

/**
 * The condition every successful run reports, so that
 * {@code kubectl wait --for=condition=Rendered <kind>/<name>} works on a request. Kratix merges
 * status conditions by type, so this image's own type never touches Kratix's.
 */
public final class StatusConditions {
  public static final String TYPE = "Rendered";

  private StatusConditions() {}

  /**
   * {@code status} with its {@code conditions}. The transition time is the request's own last
   * change (its newest managedFields entry, else its creation), not the clock: a run, a rerun and
   * a dry run of the same request write the same bytes.
   */
  public static Map<String, Object> withRendered(Map<String, Object> status, Request request) {
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("type", TYPE);
    condition.put("status", "True");
    condition.put("reason", "Rendered");
    condition.put("message", status.getOrDefault("message", ""));
    condition.put("lastTransitionTime", request.lastChanged());
    request.generation().ifPresent(g -> condition.put("observedGeneration", g));
    Map<String, Object> withConditions = new LinkedHashMap<>(status);
    withConditions.put("conditions", List.of(condition));
    return withConditions;
  }
}

package tech.integratn.pipeline.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What Kratix's own code does with a Promise and a run's status, at each release the README
 * declares supported: a simulation of each rule, with the upstream file and line it was read from
 * (syntasso/kratix; "main 2025-07-02" is c94d7069, the Helm chart of that date; "main 2026-08"
 * is ae170e22). Read from the source, never copied.
 */
enum KratixRelease {
  /** The last versioned open-source tag (2024-07-08): the supported range's floor. */
  V0_125_0("v0.125.0",
      // api/v1alpha1/pipeline_types.go:48-57 (Container); :335-344 copies only these to the pod
      Set.of("name", "image", "args", "command", "env", "envFrom", "volumeMounts",
          "imagePullPolicy"),
      false, Status.DEEP_MERGE_CONDITIONS_KEPT, Columns.V0_125, Unparsable.ANY_DESTINATION),
  /** main of 2025-07-02 (c94d7069), the Helm chart of that date. */
  MAIN_2025_07_02("main 2025-07-02",
      // api/v1alpha1/pipeline_types.go:112-122 (+ securityContext from 62da6dfe, 2024-09-03)
      Set.of("name", "image", "args", "command", "env", "envFrom", "volumeMounts",
          "imagePullPolicy", "securityContext"),
      true, Status.TOP_LEVEL_CONDITIONS_BY_TYPE, Columns.MESSAGE_AND_RECONCILED,
      Unparsable.UNSCHEDULED),
  /** main of 2026-08 (ae170e22). */
  MAIN_2026_08("main 2026-08",
      // api/v1alpha1/pipeline_types.go:144-165 (+ resources from c50bc93a, 2025-07-09)
      Set.of("name", "image", "args", "command", "env", "envFrom", "volumeMounts",
          "imagePullPolicy", "securityContext", "resources"),
      true, Status.TOP_LEVEL_CONDITIONS_BY_TYPE, Columns.MESSAGE_AND_RECONCILED,
      Unparsable.UNSCHEDULED);

  /** How status.yaml reaches the resource's status. */
  enum Status {
    /**
     * work-creator/scripts/update-status at v0.125.0: line 23 deep-merges the written map into
     * the existing status ({@code *=}, maps merged key by key, lists replaced); lines 33-37 then
     * put the object's existing conditions back, so a written condition never arrives.
     */
    DEEP_MERGE_CONDITIONS_KEPT,
    /**
     * Since e1682aa2 (2024-12-30): work-creator/pipeline/lib/status_updater.go:73-129 at
     * c94d7069, work-creator/lib/status_updater.go:196-221 at ae170e22: each written top-level
     * key replaces the existing one; conditions are merged by type.
     */
    TOP_LEVEL_CONDITIONS_BY_TYPE
  }

  /** The columns Kratix gives a CRD that declares none (setStatusFieldsOnCRD). */
  enum Columns {
    /** controllers/promise_controller.go:903-911 at v0.125.0. */
    V0_125,
    /** internal/controller/promise_controller.go:1327-1339 (c94d7069), :2041-2053 (ae170e22). */
    MESSAGE_AND_RECONCILED
  }

  /** What the scheduler does when labels.Parse refuses a promise's destinationSelectors. */
  enum Unparsable {
    /** controllers/scheduler.go:427-431 at v0.125.0: logs, lists every Destination. */
    ANY_DESTINATION,
    /** internal/controller/scheduler.go:528-532 at ae170e22 (:466 at c94d7069): an error. */
    UNSCHEDULED
  }

  final String label;
  final Set<String> containerFields;
  /**
   * The webhook's pipeline rules (internal/webhook/v1alpha1/promise_webhook.go at c94d7069:
   * labels :135, duplicate names :141, ID over 60 :154, scope :220; at ae170e22 :159, :165,
   * :178, :244). v0.125.0's webhook (api/v1alpha1/promise_webhook.go:90-186) has none of them.
   */
  final boolean pipelineRules;
  final Status status;
  final Columns columns;
  final Unparsable unparsable;

  KratixRelease(String label, Set<String> containerFields, boolean pipelineRules, Status status,
      Columns columns, Unparsable unparsable) {
    this.label = label;
    this.containerFields = containerFields;
    this.pipelineRules = pipelineRules;
    this.status = status;
    this.columns = columns;
    this.unparsable = unparsable;
  }

  @Override
  public String toString() {
    return label;
  }

  /** The container's fields this release drops without a word (the CRD keeps unknown fields). */
  List<String> dropped(Map<String, Object> container) {
    return container.keySet().stream().filter(k -> !containerFields.contains(k)).toList();
  }

  /** Why the webhook refuses creating this promise, or nothing. */
  List<String> refusals(Map<String, Object> promise) {
    List<String> refusals = new ArrayList<>();
    if (!pipelineRules) {
      return refusals;
    }
    String name = String.valueOf(map(promise.get("metadata")).get("name"));
    Map<String, Object> spec = map(promise.get("spec"));
    if (!"Namespaced".equals(map(map(spec.get("api")).get("spec")).get("scope"))) {
      refusals.add("the API is not namespace scoped");
    }
    Map<String, Object> workflows = map(spec.get("workflows"));
    for (String type : List.of("resource", "promise")) {
      for (String action : List.of("configure", "delete")) {
        List<String> seen = new ArrayList<>();
        for (Object pipeline : list(map(workflows.get(type)).get(action))) {
          Map<String, Object> metadata = map(map(pipeline).get("metadata"));
          String pipelineName = String.valueOf(metadata.get("name"));
          if (seen.contains(pipelineName)) {
            refusals.add("duplicate pipeline name " + pipelineName);
          }
          seen.add(pipelineName);
          String id = name + "-" + type + "-" + action + "-" + pipelineName;
          if (id.length() > 60) {
            refusals.add("pipeline ID " + id + " is over 60 characters");
          }
          map(metadata.get("labels")).forEach((k, v) -> {
            if (!InstallablePromises.isLabelKey(k) || !InstallablePromises.isLabelValue(String.valueOf(v))) {
              refusals.add("pipeline label " + k + "=" + v);
            }
          });
        }
      }
    }
    return refusals;
  }

  /**
   * Why the webhook refuses replacing {@code before} with {@code after}: the CRD's name, kind,
   * apiVersion and names are immutable at every release (api/v1alpha1/promise_webhook.go:152-172
   * at v0.125.0; validateCRDChanges, internal/webhook/v1alpha1/promise_webhook.go:254-289 at
   * c94d7069 and :313-347 at ae170e22).
   */
  List<String> updateRefusals(Map<String, Object> before, Map<String, Object> after) {
    List<String> refusals = new ArrayList<>(refusals(after));
    Map<String, Object> oldApi = map(map(before.get("spec")).get("api"));
    Map<String, Object> newApi = map(map(after.get("spec")).get("api"));
    if (!Objects.equals(map(oldApi.get("metadata")).get("name"), map(newApi.get("metadata")).get("name"))) {
      refusals.add("spec.api.metadata.name is immutable");
    }
    for (String field : List.of("kind", "apiVersion")) {
      if (!Objects.equals(oldApi.get(field), newApi.get(field))) {
        refusals.add("spec.api." + field + " is immutable");
      }
    }
    if (!Objects.equals(map(oldApi.get("spec")).get("names"), map(newApi.get("spec")).get("names"))) {
      refusals.add("spec.api.spec.names is immutable");
    }
    return refusals;
  }

  /**
   * Whether {@code promise}'s requiredPromises are fulfilled by {@code installed} (by name, each
   * Available). The controller copies a promise's version label to status.version
   * (controllers/promise_controller.go:144-148 at v0.125.0, internal/controller/
   * promise_controller.go:163-167 at c94d7069); before b094a860 a requirement matches only that
   * exactly (:327 at v0.125.0, :732 at c94d7069), so "" never matches a labelled promise. Since
   * then (:2301-2317 at ae170e22) an empty version means any, and a set one needs a
   * PromiseRevision of exactly that version, which the label makes (:374-397).
   */
  boolean requirementsFulfilled(Map<String, Object> promise, Map<String, Map<String, Object>> installed) {
    for (Object item : list(map(promise.get("spec")).get("requiredPromises"))) {
      Map<String, Object> requirement = map(item);
      Map<String, Object> required = installed.get(String.valueOf(requirement.get("name")));
      if (required == null) {
        return false;
      }
      String wanted = requirement.get("version") == null ? "" : String.valueOf(requirement.get("version"));
      Object label = map(map(required.get("metadata")).get("labels"))
          .get(InstallablePromises.VERSION_LABEL);
      String version = label == null ? "" : String.valueOf(label);
      boolean matches = this == MAIN_2026_08 ? wanted.isEmpty() || wanted.equals(version)
          : wanted.equals(version);
      if (!matches) {
        return false;
      }
    }
    return true;
  }

  /** The resource's status after a successful run wrote {@code written} (Kratix's own steps included). */
  Map<String, Object> mergeStatus(Map<String, Object> existing, Map<String, Object> written) {
    Map<String, Object> status;
    if (this.status == Status.DEEP_MERGE_CONDITIONS_KEPT) {
      status = deepMerge(existing, written);
      status.put("conditions", existing.getOrDefault("conditions", List.of()));
    } else {
      if (this == MAIN_2026_08 && written.containsKey("kratix")) {
        // work-creator/cmd/update_status.go:73-76 at ae170e22: the run fails.
        throw new IllegalArgumentException("a kratix key in status.yaml");
      }
      status = new LinkedHashMap<>(existing);
      written.forEach((key, value) -> {
        if (key.equals("conditions") && existing.get(key) instanceof List<?> old
            && value instanceof List<?> incoming) {
          Map<Object, Object> byType = new LinkedHashMap<>();
          old.forEach(c -> byType.put(map(c).get("type"), c));
          incoming.forEach(c -> byType.put(map(c).get("type"), c));
          status.put(key, new ArrayList<>(byType.values()));
        } else {
          status.put(key, value);
        }
      });
    }
    // update-status:27-31 (v0.125.0), status_updater.go MarkAsCompleted: Pending is replaced.
    if ("Pending".equals(status.get("message"))) {
      status.put("message", "Resource requested");
    }
    return status;
  }

  /** The printer columns the CRD ends with: its own, or Kratix's when it declares none. */
  List<Map<String, Object>> printerColumns(List<Map<String, Object>> declared) {
    if (!declared.isEmpty()) {
      return declared;
    }
    if (columns == Columns.V0_125) {
      return List.of(Map.of("name", "status", "jsonPath", ".status.message"));
    }
    return List.of(Map.of("name", "message", "jsonPath", ".status.message"),
        Map.of("name", "status", "jsonPath", ".status.conditions[?(@.type==\"Reconciled\")].message"));
  }

  /**
   * The Destinations (name to labels, strict) a Work of {@code promise} may go to; labels.Parse
   * of the formatted selector refuses anything that is not a label key and value.
   */
  List<String> candidates(Map<String, Object> promise, Map<String, Map<String, String>> destinations,
      Set<String> strict) {
    Map<String, String> selector = new LinkedHashMap<>();
    for (Object item : list(map(promise.get("spec")).get("destinationSelectors"))) {
      map(map(item).get("matchLabels")).forEach((k, v) -> selector.put(k, String.valueOf(v)));
    }
    boolean parses = selector.entrySet().stream().allMatch(e -> InstallablePromises.isLabelKey(e.getKey())
        && InstallablePromises.isLabelValue(e.getValue()));
    List<String> names = new ArrayList<>();
    if (!parses) {
      if (unparsable == Unparsable.ANY_DESTINATION) {
        names.addAll(destinations.keySet());
      }
      return names;
    }
    destinations.forEach((name, labels) -> {
      boolean matches = selector.isEmpty() ? !strict.contains(name)
          : labels.entrySet().containsAll(selector.entrySet());
      if (matches) {
        names.add(name);
      }
    });
    return names;
  }

  /**
   * Whether deleting a request runs a pod: only with a resource delete pipeline
   * (lib/workflow/reconciler.go:45-47 at v0.125.0, :60-62 at c94d7069, :72-74 at ae170e22 return
   * at once when there is none).
   */
  boolean deletionRunsAPod(Map<String, Object> promise) {
    return !list(map(map(map(promise.get("spec")).get("workflows")).get("resource")).get("delete")).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepMerge(Map<String, Object> into, Map<String, Object> from) {
    Map<String, Object> merged = new LinkedHashMap<>(into);
    from.forEach((key, value) -> {
      if (merged.get(key) instanceof Map<?, ?> old && value instanceof Map<?, ?> incoming) {
        merged.put(key, deepMerge((Map<String, Object>) old, (Map<String, Object>) incoming));
      } else {
        merged.put(key, value);
      }
    });
    return merged;
  }

  static Map<String, Object> map(Object value) {
    return InstallablePromises.map(value);
  }

  static List<?> list(Object value) {
    return InstallablePromises.list(value);
  }
}

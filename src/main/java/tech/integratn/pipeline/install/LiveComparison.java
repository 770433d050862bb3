package tech.integratn.pipeline.install;

import static tech.integratn.pipeline.install.InstallablePromises.list;
import static tech.integratn.pipeline.install.InstallablePromises.map;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.yaml.BoundedText;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * {@code render promises --compare-live DIR}: what installing the promises would change on a
 * platform, read from {@code kubectl get promises,destinations -o yaml} saved under DIR, and
 * never from a cluster. Each finding is an action (Kratix refuses the update, state moves in the
 * repository, or files collide) or a note (the promise updates in place). Rules from Kratix's
 * code, per docs/operating.md "Switching over".
 */
public final class LiveComparison {
  private static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
  private static final String DEFAULT_FILEPATH_MODE = "nestedByMetadata";

  private LiveComparison() {}

  /** An action needs a step before or after the switch-over; a note does not. */
  public enum Severity { ACTION, NOTE }

  public record Finding(String subject, Severity severity, String text) {
    @Override
    public String toString() {
      return subject + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + text;
    }
  }

  /** What DIR holds: the live Promises by name, and the Destinations. */
  public record Live(Map<String, Map<String, Object>> promises, List<Map<String, Object>> destinations) {}

  /** Every Promise and Destination in the YAML files under {@code dir} (Lists unwrapped). */
  public static Live read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new PipelineException(ExitCode.USAGE, "--compare-live " + dir + " is not a directory. "
          + "Save the live objects there first: kubectl get promises -o yaml > " + dir
          + "/promises.yaml (and kubectl get destinations -o yaml > " + dir + "/destinations.yaml).");
    }
    Map<String, Map<String, Object>> promises = new LinkedHashMap<>();
    List<Map<String, Object>> destinations = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().toList();
    } catch (IOException e) {
      throw new PipelineException(ExitCode.USAGE, "Cannot read --compare-live " + dir + " ("
          + e.getMessage() + ").");
    }
    for (Path file : files) {
      for (Object document : load(file)) {
        List<?> items = "List".equals(map(document).get("kind"))
            || String.valueOf(map(document).get("kind")).endsWith("List")
            ? list(map(document).get("items")) : List.of(document);
        for (Object item : items) {
          Map<String, Object> object = map(item);
          String apiVersion = String.valueOf(object.get("apiVersion"));
          if (!apiVersion.startsWith("platform.kratix.io/")) {
            continue;
          }
          if ("Promise".equals(object.get("kind"))) {
            promises.put(String.valueOf(map(object.get("metadata")).get("name")), object);
          } else if ("Destination".equals(object.get("kind"))) {
            destinations.add(object);
          }
        }
      }
    }
    if (promises.isEmpty()) {
      throw new PipelineException(ExitCode.USAGE, "--compare-live " + dir + " holds no Kratix "
          + "Promise in a .yaml file. Save them with: kubectl get promises -o yaml > " + dir
          + "/promises.yaml.");
    }
    return new Live(promises, destinations);
  }

  private static List<Object> load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Yaml.loadAll(BoundedText.read(in, MAX_FILE_BYTES), MAX_FILE_BYTES);
    } catch (BoundedText.TooLarge e) {
      throw new PipelineException(ExitCode.USAGE, file + " is larger than " + MAX_FILE_BYTES
          + " bytes; save only the promises and destinations there.");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new PipelineException(ExitCode.USAGE, file + " is not UTF-8 text; save it again "
          + "with kubectl get promises -o yaml.");
    } catch (YamlEngineException e) {
      throw new PipelineException(ExitCode.USAGE, file + " is not valid YAML (" + Yaml.problem(e)
          + "); save it again with kubectl get promises -o yaml.");
    } catch (IOException e) {
      throw new PipelineException(ExitCode.USAGE, "Cannot read " + file + " (" + e.getMessage()
          + ").");
    }
  }

  /** What installing {@code generated} (promise name to file text) over {@code live} changes. */
  public static List<Finding> compare(Map<String, String> generated, Live live) {
    List<Finding> findings = new ArrayList<>();
    Map<String, Map<String, Object>> ours = new LinkedHashMap<>();
    generated.forEach((name, text) -> ours.put(name, map(Yaml.loadAll(text, Integer.MAX_VALUE).get(0))));
    for (Map.Entry<String, Map<String, Object>> entry : ours.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> before = live.promises().get(name);
      if (before == null) {
        findings.add(new Finding(name, Severity.NOTE, "not installed: kubectl apply creates it"));
        continue;
      }
      comparePromise(name, before, entry.getValue(), live.destinations(), findings);
    }
    for (String name : live.promises().keySet()) {
      if (!ours.containsKey(name)) {
        findings.add(new Finding(name, Severity.NOTE, "installed, but not one of these promises: "
            + "left alone"));
      }
    }
    compareDestinations(ours, live, findings);
    return findings;
  }

  private static void comparePromise(String name, Map<String, Object> before,
      Map<String, Object> after, List<Map<String, Object>> destinations, List<Finding> findings) {
    Map<String, Object> oldApi = map(map(before.get("spec")).get("api"));
    Map<String, Object> newApi = map(map(after.get("spec")).get("api"));
    // Kratix's webhook refuses a Promise update that changes these (promise_webhook.go,
    // validateCRDChanges at every supported version): the promise would have to be deleted,
    // and with it every request and everything they published.
    immutable(name, "spec.api.metadata.name", map(oldApi.get("metadata")).get("name"),
        map(newApi.get("metadata")).get("name"), findings);
    immutable(name, "spec.api.kind", oldApi.get("kind"), newApi.get("kind"), findings);
    immutable(name, "spec.api.apiVersion", oldApi.get("apiVersion"), newApi.get("apiVersion"),
        findings);
    immutable(name, "spec.api.spec.names", names(oldApi), names(newApi), findings);

    Set<String> oldVersions = versions(oldApi);
    Set<String> newVersions = versions(newApi);
    for (String version : oldVersions) {
      if (!newVersions.contains(version)) {
        findings.add(new Finding(name, Severity.ACTION, "the CRD no longer serves " + version
            + ": requests stored at it cannot be read until they are migrated"));
      }
    }

    Map<String, Object> oldWorkflows = map(map(before.get("spec")).get("workflows"));
    Map<String, Object> newWorkflows = map(map(after.get("spec")).get("workflows"));
    Object pipelineNamespace = map(oldWorkflows.get("config")).get("pipelineNamespace");
    if (pipelineNamespace instanceof String ns && !ns.isEmpty()) {
      findings.add(new Finding(name, Severity.ACTION, "state moves: the live promise runs its "
          + "pipelines and keeps its Works in namespace " + ns + " (workflows.config."
          + "pipelineNamespace); these run in each request's namespace, so each request gets a new "
          + "Work and its files move from resources/" + ns + "/" + name + "/<request>/ to "
          + "resources/<request namespace>/" + name + "/<request>/. Kratix never removes the Works "
          + "left in " + ns + ": delete them once the new files are in the state repository"));
    }
    List<String> oldPipelines = pipelineNames(oldWorkflows, "configure");
    List<String> newPipelines = pipelineNames(newWorkflows, "configure");
    for (String pipeline : oldPipelines) {
      if (!newPipelines.contains(pipeline)) {
        findings.add(new Finding(name, Severity.ACTION, "state moves: the configure pipeline "
            + pipeline + " becomes " + String.join(", ", newPipelines) + "; a Work belongs to one "
            + "pipeline, so each request gets a new Work whose files are written under "
            + "resources/<namespace>/" + name + "/<request>/" + String.join(",", newPipelines)
            + "/ while the old Work (label kratix.io/pipeline-name=" + pipeline + ") keeps its "
            + "files under .../" + pipeline + "/ until it is deleted"));
      }
    }
    if (!pipelineNames(oldWorkflows, "delete").isEmpty()
        && pipelineNames(newWorkflows, "delete").isEmpty()) {
      findings.add(new Finding(name, Severity.NOTE, "the delete pipeline goes: deleting a request "
          + "no longer runs a pod; Kratix still removes what the request published"));
    }
    Object oldSelectors = map(before.get("spec")).getOrDefault("destinationSelectors", List.of());
    Object newSelectors = map(after.get("spec")).getOrDefault("destinationSelectors", List.of());
    if (!Objects.equals(oldSelectors, newSelectors)) {
      // An existing Work keeps its Destination: harmless only when every Destination the live
      // promise could have chosen is one these promises choose too.
      List<String> could = destinations.stream().filter(d -> selects(before, d))
          .map(LiveComparison::name).toList();
      List<String> will = destinations.stream().filter(d -> selects(after, d))
          .map(LiveComparison::name).toList();
      boolean kept = !destinations.isEmpty() && will.containsAll(could);
      findings.add(new Finding(name, kept ? Severity.NOTE : Severity.ACTION,
          "destinationSelectors change from " + Yaml.flow(oldSelectors) + " to "
              + Yaml.flow(newSelectors) + ": Kratix schedules new Works by them, but an existing "
              + "Work keeps its Destination (Kratix 2026 marks it kratix.io/misplaced); "
              + (kept ? "every saved Destination the live promise could use (" + String.join(", ",
                  could) + ") is selected by these too"
                  : "check that every live Work's Destination is one of " + will)));
    }
    Object oldRequired = map(before.get("spec")).getOrDefault("requiredPromises", List.of());
    Object newRequired = map(after.get("spec")).getOrDefault("requiredPromises", List.of());
    if (!Objects.equals(oldRequired, newRequired)) {
      findings.add(new Finding(name, Severity.NOTE, "requiredPromises become "
          + Yaml.flow(newRequired) + ": available once each is installed at that version"));
    }
    Object oldVersion = map(map(before.get("metadata")).get("labels"))
        .get(InstallablePromises.VERSION_LABEL);
    Object newVersion = map(map(after.get("metadata")).get("labels"))
        .get(InstallablePromises.VERSION_LABEL);
    if (!Objects.equals(oldVersion, newVersion)) {
      findings.add(new Finding(name, Severity.NOTE, "version " + (oldVersion == null ? "(none)"
          : oldVersion) + " becomes " + newVersion));
    }
    if (!Objects.equals(containers(oldWorkflows), containers(newWorkflows))) {
      findings.add(new Finding(name, Severity.NOTE, "the pipeline's containers change (image, "
          + "settings, resources): updated in place, and every request is rendered again"));
    }
  }

  private static void immutable(String name, String path, Object before, Object after,
      List<Finding> findings) {
    if (!Objects.equals(before, after)) {
      findings.add(new Finding(name, Severity.ACTION, path + " changes from " + Yaml.flow(before)
          + " to " + Yaml.flow(after) + ": Kratix's webhook refuses the update (the field is "
          + "immutable), so this promise cannot replace the live one in place"));
    }
  }

  /** The CRD names Kratix compares whole; absent lists read as empty, as Go's zero values. */
  private static Map<String, Object> names(Map<String, Object> api) {
    Map<String, Object> names = new LinkedHashMap<>();
    Map<String, Object> given = map(map(api.get("spec")).get("names"));
    for (String key : List.of("plural", "singular", "kind", "listKind")) {
      names.put(key, given.getOrDefault(key, ""));
    }
    for (String key : List.of("shortNames", "categories")) {
      names.put(key, given.getOrDefault(key, List.of()));
    }
    return names;
  }

  private static Set<String> versions(Map<String, Object> api) {
    Set<String> versions = new LinkedHashSet<>();
    for (Object version : list(map(api.get("spec")).get("versions"))) {
      versions.add(String.valueOf(map(version).get("name")));
    }
    return versions;
  }

  private static List<String> pipelineNames(Map<String, Object> workflows, String action) {
    List<String> names = new ArrayList<>();
    for (Object pipeline : list(map(workflows.get("resource")).get(action))) {
      names.add(String.valueOf(map(map(pipeline).get("metadata")).get("name")));
    }
    return names;
  }

  private static List<Object> containers(Map<String, Object> workflows) {
    List<Object> containers = new ArrayList<>();
    for (Object pipeline : list(map(workflows.get("resource")).get("configure"))) {
      containers.addAll(list(map(map(pipeline).get("spec")).get("containers")));
    }
    return containers;
  }

  private static void compareDestinations(Map<String, Map<String, Object>> ours, Live live,
      List<Finding> findings) {
    if (live.destinations().isEmpty()) {
      findings.add(new Finding("destinations", Severity.NOTE, "none saved: save kubectl get "
          + "destinations -o yaml beside the promises to check where the Works go"));
      return;
    }
    for (Map.Entry<String, Map<String, Object>> promise : ours.entrySet()) {
      List<String> chosen = new ArrayList<>();
      for (Map<String, Object> destination : live.destinations()) {
        if (selects(promise.getValue(), destination)) {
          chosen.add(String.valueOf(map(destination.get("metadata")).get("name")));
        }
      }
      if (chosen.isEmpty()) {
        findings.add(new Finding(promise.getKey(), Severity.ACTION, "no saved Destination has "
            + "the labels " + Yaml.flow(map(promise.getValue().get("spec"))
                .getOrDefault("destinationSelectors", List.of()))
            + ": its Works would stay unscheduled while each request's status says rendered"));
      } else if (chosen.size() > 1) {
        findings.add(new Finding(promise.getKey(), Severity.NOTE, "several Destinations match ("
            + String.join(", ", chosen) + "): Kratix picks one per Work"));
      }
    }
    for (Map<String, Object> destination : live.destinations()) {
      String name = String.valueOf(map(destination.get("metadata")).get("name"));
      Object mode = map(map(destination.get("spec")).get("filepath")).get("mode");
      String filepathMode = mode == null ? DEFAULT_FILEPATH_MODE : String.valueOf(mode);
      boolean used = ours.values().stream().anyMatch(p -> selects(p, destination));
      switch (filepathMode) {
        case "none" -> findings.add(new Finding("destination " + name,
            used ? Severity.ACTION : Severity.NOTE, "filepath.mode none writes every Work's "
                + "files at the Destination's path itself; every request of a promise writes the "
                + "same file names (namespace.yaml, helm-values.yaml...), so they overwrite each "
                + "other. Use nestedByMetadata" + (used ? "" : " (no promise here selects it)")));
        case "aggregatedYAML" -> findings.add(new Finding("destination " + name, Severity.NOTE,
            "filepath.mode aggregatedYAML: every Work's documents go into one file there"));
        default -> findings.add(new Finding("destination " + name, Severity.NOTE, "filepath.mode "
            + filepathMode + ": files go under resources/<namespace>/<promise>/<request>/"
            + "<pipeline>/<work id>/, so a request's path follows its Work's namespace and "
            + "pipeline name"));
      }
    }
  }

  private static String name(Map<String, Object> object) {
    return String.valueOf(map(object.get("metadata")).get("name"));
  }

  /** Kratix's scheduler: every selector label on the Destination; none means any non-strict one. */
  private static boolean selects(Map<String, Object> promise, Map<String, Object> destination) {
    Map<String, Object> labels = map(map(destination.get("metadata")).get("labels"));
    List<?> selectors = list(map(promise.get("spec")).get("destinationSelectors"));
    if (selectors.isEmpty()) {
      boolean strict = Boolean.TRUE.equals(map(destination.get("spec")).get("strictMatchLabels"));
      return !strict || labels.isEmpty();
    }
    for (Object selector : selectors) {
      for (Map.Entry<String, Object> label : map(map(selector).get("matchLabels")).entrySet()) {
        if (!Objects.equals(String.valueOf(label.getValue()), labels.get(label.getKey()) == null
            ? null : String.valueOf(labels.get(label.getKey())))) {
          return false;
        }
      }
    }
    return true;
  }
}

package tech.integratn.pipeline.resolve;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.guard.GoTemplate;
import tech.integratn.pipeline.guard.OutputGuard;
import tech.integratn.pipeline.render.StoredSize;
import tech.integratn.pipeline.yaml.GoYamlV2;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Text inside the vcluster chart's values that a consumer applies as manifests or reads as
 * values is published as the pipeline serialised what it read, never as the request wrote it:
 * Go readers read more than ours, and what we publish must be what we checked. The fields are
 * the ones the chart schemas (0.30.0-0.36.1) type as a string of manifests, of manifests to
 * execute as a template, or of Helm values. A text our reader cannot read completely, or that
 * holds anything but plain data, is refused with its field path.
 */
public final class CarriedValues {
  /** Strings of Kubernetes manifests, applied by vcluster. */
  private static final Set<String> MANIFESTS = Set.of(
      "experimental.deploy.host.manifests",
      "experimental.deploy.vcluster.manifests",
      "controlPlane.coredns.overwriteManifests");
  /** Manifests that vcluster executes as a Go template first. */
  private static final Set<String> TEMPLATES = Set.of(
      "experimental.deploy.host.manifestsTemplate",
      "experimental.deploy.vcluster.manifestsTemplate");
  /** Helm values text of a chart vcluster installs. */
  private static final Set<String> VALUES = Set.of("experimental.deploy.vcluster.helm[].values");
  /**
   * A chart archive vcluster decodes from base64 and installs (deploy.go, pullChartArchive): its
   * templates would be published unread, so it is refused.
   */
  private static final String BUNDLE = "experimental.deploy.vcluster.helm[].bundle";
  /**
   * What one object may take in etcd behind the API server: text written again past it would
   * make a sub-request that cannot be stored, so it is refused at its field instead.
   */
  static final int MAX_OBJECT_BYTES = StoredSize.MAX_OBJECT_BYTES;
  /**
   * Values the vcluster chart writes with tpl (chart/templates/ingress.yaml, tlsroute.yaml,
   * statefulset.yaml, releases 0.30.0-0.36.1), keys included; guard/Consumers holds the same.
   */
  private static final List<String> EXECUTED = List.of("controlPlane.ingress.spec",
      "controlPlane.tlsRoute.spec", "controlPlane.statefulSet.persistence.addVolumes");
  /** Text longer than a request may be is not read again here (the request reader bounds it). */
  private static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

  private CarriedValues() {}

  /** The values with every carried text re-serialised; {@code field} is where they came from. */
  public static Map<String, Object> normalise(Map<String, Object> values, String field) {
    return values == null ? null : map(values, "", field, false);
  }

  /**
   * Helm values text (a VClusterCore's {@code valuesYaml}): read, its carried texts
   * re-serialised, and written again. Empty stays empty.
   */
  public static String valuesText(String text, String field) {
    return valuesText(text, field, false);
  }

  /** The values a text holds, read as {@link #valuesText} reads them; empty for none. */
  public static Map<String, Object> valuesTree(String text, String field) {
    Map<String, Object> values = readValues(text, field);
    return values == null ? Map.of() : map(values, "", field, false);
  }

  /** {@code executed}: values of a chart the pipeline does not know, which may tpl any of them. */
  private static String valuesText(String text, String field, boolean executed) {
    Map<String, Object> values = readValues(text, field);
    return values == null ? "" : fits(Yaml.document(map(values, "", field, executed)), field);
  }

  /** {@code written}, when an object holding it can still be stored. */
  private static String fits(String written, String field) {
    if ((long) written.length() * 3 > MAX_OBJECT_BYTES) {
      int bytes = written.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (bytes > MAX_OBJECT_BYTES) {
        throw PipelineException.invalidField(field, "takes " + bytes + " bytes once written "
            + "again as the pipeline publishes it, more than the " + MAX_OBJECT_BYTES + " bytes "
            + "the API server stores for one object", "Make the text smaller (move large "
            + "manifests into a chart or a ConfigMap the cluster already has).");
      }
    }
    return written;
  }

  private static Map<String, Object> map(Map<String, Object> values, String path, String field,
      boolean executed) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      String at = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
      boolean below = executed || EXECUTED.stream().anyMatch(at::startsWith);
      if (below) {
        templateValue(entry.getKey(), field + "." + at);
      }
      out.put(entry.getKey(), value(entry.getValue(), at, field, below));
    }
    return out;
  }

  /**
   * A key or value the chart executes as a Go template: refused here, at its field, unless the
   * guard's template grammar accepts it (the guard would refuse it in the output anyway).
   */
  private static void templateValue(String text, String field) {
    if (!GoTemplate.hasActions(text)) {
      return;
    }
    GoTemplate.Execution execution = GoTemplate.execute(text);
    if (!execution.known()) {
      throw PipelineException.invalidField(field, "the chart executes this text as a Go "
          + "template, and it " + execution.problem(), "Write it without {{, or write a literal "
          + "{{ as {{\"{{\"}}.");
    }
  }

  @SuppressWarnings("unchecked")
  private static Object value(Object value, String path, String field, boolean executed) {
    if (value instanceof Map<?, ?> m) {
      return map((Map<String, Object>) m, path, field, executed);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(value(item, path + "[]", field, executed));
      }
      return out;
    }
    if (value instanceof String text) {
      String at = field + "." + path;
      if (executed && !VALUES.contains(path)) {
        templateValue(text, at);
      }
      if (MANIFESTS.contains(path)) {
        return manifests(text, at);
      }
      if (TEMPLATES.contains(path)) {
        return template(text, at);
      }
      if (VALUES.contains(path)) {
        return valuesText(text, at, true);
      }
      if (BUNDLE.equals(path) && !text.isEmpty()) {
        throw PipelineException.invalidField(at, "is a chart archive that vcluster decodes and "
            + "installs, which the pipeline cannot read before it is published",
            "Install the chart from a repository: set chart.name, chart.repo and chart.version "
            + "of this helm entry instead of bundle.");
      }
    }
    return value;
  }

  /** Every document read, each a Kubernetes object, written again one after another. */
  static String manifests(String text, String field) {
    StringBuilder out = new StringBuilder();
    List<Object> documents = read(text, field);
    for (int i = 0; i < documents.size(); i++) {
      Object document = documents.get(i);
      if (document == null) {
        continue;
      }
      if (!(document instanceof Map<?, ?>)) {
        throw PipelineException.invalidField(field, "document " + (i + 1) + " is not a "
            + "Kubernetes object (a mapping)", "Write each manifest as a YAML mapping.");
      }
      plain(document, field);
      if (out.length() > 0) {
        out.append("---\n");
      }
      out.append(Yaml.document(document));
    }
    return fits(out.toString(), field);
  }

  /** A manifests template is kept as written, once the guard can vouch for every execution. */
  static String template(String text, String field) {
    GoTemplate.Execution execution = GoTemplate.execute(text);
    if (!execution.known()) {
      throw PipelineException.invalidField(field, "the template " + execution.problem(),
          "vcluster executes this text, so the pipeline must know every text it can write; use "
              + "manifests for anything else.");
    }
    try {
      new OutputGuard().checkText(text, field);
    } catch (PipelineException refused) {
      throw PipelineException.invalidField(field, "the template could write a Secret or text "
          + "the guard cannot read (" + refused.said(refused.problems().get(0)) + ")",
          "Deliver secrets with an ExternalSecret.");
    }
    return text;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readValues(String text, String field) {
    if (text == null) {
      return null;
    }
    List<Object> documents = read(text, field);
    if (documents.size() > 1) {
      throw PipelineException.invalidField(field, "holds " + documents.size() + " YAML "
          + "documents, and Helm reads only the first", "Keep one document of values.");
    }
    Object document = documents.isEmpty() ? null : documents.get(0);
    if (document == null) {
      return null;
    }
    if (!(document instanceof Map<?, ?>)) {
      throw PipelineException.invalidField(field, "is not a YAML mapping of Helm values",
          "Write the values as a mapping.");
    }
    plain(document, field);
    return (Map<String, Object>) document;
  }

  private static List<Object> read(String text, String field) {
    try {
      // As Helm and vcluster read it (go-yaml v2, YAML 1.1 scalars), so 0400 stays 256.
      return GoYamlV2.loadAll(text, MAX_CODE_POINTS);
    } catch (YamlEngineException e) {
      throw PipelineException.invalidField(field, "is not YAML the pipeline can read "
          + "completely (" + Yaml.problem(e) + ")",
          "Write it as plain YAML: the pipeline publishes only what it has read.");
    }
  }

  /** Only the data every reader reads alike: no binary, sets, timestamps or local tags. */
  private static void plain(Object value, String field) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof BigInteger
        || value instanceof Double) {
      return;
    }
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> entry : m.entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw PipelineException.invalidField(field, "has a key that is not text",
              "Write every key as text.");
        }
        plain(entry.getValue(), field);
      }
      return;
    }
    if (value instanceof List<?> list) {
      list.forEach(item -> plain(item, field));
      return;
    }
    throw PipelineException.invalidField(field, "holds a value that is not plain data (a YAML "
        + "tag such as !!binary, !!set or !!timestamp)", "Write plain strings, numbers, "
        + "booleans, lists and mappings.");
  }
}

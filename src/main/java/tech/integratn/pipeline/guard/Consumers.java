package tech.integratn.pipeline.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of published documents that a consumer executes as a Go template, by the path of
 * keys that leads to them ({@code []} for a list's item), wherever that path ends (so Helm values
 * are recognised in an Application, a VClusterCore's values text or a ConfigMap). Everything
 * below such a field, keys and text read from its strings included, is executed too. Every other
 * string is applied as written, so {@code {{} in it is literal text. The sources, per field:
 *
 * <ul>
 *   <li>{@code experimental.deploy.vcluster.manifestsTemplate}: vcluster's deploy controller runs
 *       it through text/template with Values and Release.Name/Namespace
 *       (loft-sh/vcluster pkg/controllers/deploy/deploy.go, ProcessInitManifests;
 *       pkg/k8s/k8s.go, ExecTemplate), then applies what it writes;
 *   <li>{@code experimental.deploy.host.manifestsTemplate}: the chart's {@code tpl}
 *       (chart/templates/manifests.yaml, releases 0.30.0 to 0.36.1);
 *   <li>{@code controlPlane.ingress.spec}, {@code controlPlane.tlsRoute.spec},
 *       {@code controlPlane.statefulSet.persistence.addVolumes}: the chart writes them with
 *       {@code tpl (toYaml ...)} (chart/templates/ingress.yaml, tlsroute.yaml, statefulset.yaml);
 *   <li>{@code experimental.deploy.vcluster.helm[].values}: values of a chart the pipeline does
 *       not know (deploy.go, upgradeRelease), which may {@code tpl} any of them;
 *   <li>{@code spec.target.template}: External Secrets executes an ExternalSecret's target
 *       template (data, metadata labels and annotations) with the fetched secret as data.
 * </ul>
 *
 * Applied as written (verbatim): {@code experimental.deploy.vcluster.manifests}
 * (deploy.go, ApplyGivenInitManifests), {@code experimental.deploy.host.manifests}
 * (manifests.yaml prints it, it does not execute it), {@code controlPlane.coredns.overwriteManifests},
 * and every other value. Decoded and installed: {@code experimental.deploy.vcluster.helm[].bundle}
 * (a base64 chart archive, deploy.go pullChartArchive), refused at the request field.
 */
public final class Consumers {
  static final String ITEM = "[]";

  private static final List<List<String>> EXECUTED = List.of(
      List.of("experimental", "deploy", "vcluster", "manifestsTemplate"),
      List.of("experimental", "deploy", "host", "manifestsTemplate"),
      List.of("controlPlane", "ingress", "spec"),
      List.of("controlPlane", "tlsRoute", "spec"),
      List.of("controlPlane", "statefulSet", "persistence", "addVolumes"),
      List.of("experimental", "deploy", "vcluster", "helm", ITEM, "values"),
      List.of("spec", "target", "template"));
  private static final Set<String> LAST_KEYS = EXECUTED.stream()
      .map(field -> field.get(field.size() - 1)).collect(Collectors.toSet());
  /** A chart archive vcluster decodes and installs: never published, whoever wrote it. */
  private static final List<String> DECODED =
      List.of("experimental", "deploy", "vcluster", "helm", ITEM, "bundle");
  /** Long enough for every path above: the keys kept are the last few. */
  private static final int KEPT = 6;

  private Consumers() {}

  /** The executed fields, each as the last keys of its path (for the tests' Go oracle). */
  public static List<List<String>> executed() {
    return EXECUTED;
  }

  /** Whether the field at {@code keys} (the last few keys of its path) is executed. */
  static boolean executes(List<String> keys) {
    if (keys.isEmpty() || !LAST_KEYS.contains(keys.get(keys.size() - 1))) {
      return false; // most keys end no field: one look-up instead of a comparison per field
    }
    for (List<String> field : EXECUTED) {
      int n = field.size();
      if (keys.size() >= n && keys.subList(keys.size() - n, keys.size()).equals(field)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an Argo CD source installs a chart other than vcluster's: one whose templates this
   * table does not know, which may {@code tpl} any value (as vcluster's helm[].values above), so
   * everything the document says is executed. {@code sources}: whether it lists several.
   */
  static boolean foreignChart(boolean hasSource, boolean sources, String chart) {
    return sources || hasSource && !"vcluster".equals(chart);
  }

  /** Whether the field at {@code keys} is decoded and installed unread (a chart bundle). */
  static boolean decodes(List<String> keys) {
    int n = DECODED.size();
    return keys.size() >= n && keys.subList(keys.size() - n, keys.size()).equals(DECODED);
  }

  /** The last keys of the path one step below {@code keys}. */
  static List<String> below(List<String> keys, String key) {
    List<String> next = new ArrayList<>(Math.min(keys.size() + 1, KEPT));
    next.addAll(keys.size() >= KEPT ? keys.subList(keys.size() - KEPT + 1, keys.size()) : keys);
    next.add(key);
    return next;
  }
}

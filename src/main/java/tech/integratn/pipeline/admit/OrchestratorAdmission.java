package tech.integratn.pipeline.admit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.integratn.pipeline.failure.PipelineException.Problem;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.Values;
import tech.integratn.pipeline.settings.PlatformSettings;

/** The request policy for a VClusterOrchestrator or a VCluster: one field, one rule. */
final class OrchestratorAdmission {
  /** The annotation that names the base domain of a request's hostname. */
  static final String ANNOTATION_BASE_DOMAIN = "platform.integratn.tech/base-domain";
  private static final List<String> STORE_SELECTOR = List.of("integrations", "externalSecrets",
      "sync", "fromHost", "clusterStores", "selector");
  private static final List<String> ISSUER_SELECTOR = List.of("integrations", "certManager",
      "sync", "fromHost", "clusterIssuers", "selector");

  private final PlatformSettings platform;
  private final NamePolicy names;
  private final ValuePaths values;

  OrchestratorAdmission(PlatformSettings platform, NamePolicy names) {
    this.platform = platform;
    this.names = names;
    this.values = ValuePaths.of(platform.requestPolicy());
  }

  void check(Request request, Fields spec, Identity identity, List<Problem> problems) {
    spec.string("targetNamespace").ifPresent(namespace -> add(problems,
        spec.at("targetNamespace"), names.targetNamespace(namespace, identity)));
    spec.string("projectName").ifPresent(project -> add(problems, spec.at("projectName"),
        names.argocdName(project, identity.project(), "project")));
    String baseDomain = baseDomain(request, problems);
    Optional<String> hostname = spec.section("exposure").string("hostname");
    hostname.ifPresent(given -> add(problems, spec.at("exposure.hostname"),
        names.hostname(given, identity, baseDomain).map(why -> "found " + given + ", " + why)));
    if (hostname.isEmpty()) {
      String derived = identity.hostname(baseDomain);
      add(problems, spec.at("name"), names.reservedHostname(derived).map(why -> "found "
          + identity.name() + ", which makes the hostname " + derived + ", " + why + ". Choose "
          + "another name, or set spec.exposure.hostname to a name below " + derived + "."));
    }
    chart(spec.section("argocdApplication"), problems);
    helmValues(spec.section("vcluster"), identity, baseDomain, problems);
    selector(spec.section("integrations").section("externalSecrets"),
        "clusterStoreSelectorLabels", platform.externalSecrets().storeSelector(), STORE_SELECTOR,
        problems);
    selector(spec.section("integrations").section("certManager"), "clusterIssuerSelectorLabels",
        platform.certManager().issuerSelectorLabels(), ISSUER_SELECTOR, problems);
  }

  /** The annotation's base domain when the platform allows it; the platform's otherwise. */
  private String baseDomain(Request request, List<Problem> problems) {
    String annotation = request.annotations().getOrDefault(ANNOTATION_BASE_DOMAIN, "");
    if (annotation.isEmpty()) {
      return platform.baseDomain();
    }
    Optional<String> refused = names.baseDomain(annotation);
    add(problems, "metadata.annotations[" + ANNOTATION_BASE_DOMAIN + "]", refused);
    return refused.isPresent() ? platform.baseDomain() : annotation;
  }

  private void chart(Fields application, List<Problem> problems) {
    Optional<String> repoURL = application.string("repoURL");
    Optional<String> chart = application.string("chart");
    if (repoURL.isPresent() || chart.isPresent()) {
      add(problems, application.at(repoURL.isPresent() ? "repoURL" : "chart"),
          names.chartSource(repoURL.orElse(platform.chart().repoURL()),
              chart.orElse(platform.chart().name())));
    }
    application.string("targetRevision").ifPresent(revision -> add(problems,
        application.at("targetRevision"), names.chartRelease(revision)));
    application.string("destinationServer").ifPresent(server -> add(problems,
        application.at("destinationServer"), names.destinationServer(server)));
  }

  /** The three maps a request merges into the chart values, each at its place in them. */
  private void helmValues(Fields vcluster, Identity identity, String baseDomain,
      List<Problem> problems) {
    java.util.function.Function<String, Optional<String>> hostname =
        text -> names.hostname(text, identity, baseDomain);
    values.check(vcluster.get("helmOverrides"), List.of(), vcluster.at("helmOverrides"), Map.of(),
        hostname, problems);
    ingressHost(vcluster, problems);
    values.check(vcluster.get("backingStore"), List.of("controlPlane", "backingStore"),
        vcluster.at("backingStore"), Map.of(), hostname, problems);
    values.check(vcluster.get("exportKubeConfig"), List.of("exportKubeConfig"),
        vcluster.at("exportKubeConfig"), Map.of(), hostname, problems);
  }

  /**
   * An ingress the request turns on needs its own host: without one the chart falls back to a
   * fixed default host, which every such vcluster would claim.
   */
  private static void ingressHost(Fields vcluster, List<Problem> problems) {
    Fields ingress = vcluster.section("helmOverrides").section("controlPlane").section("ingress");
    if (Boolean.TRUE.equals(ingress.get("enabled")) && ingress.string("host").isEmpty()) {
      problems.add(new Problem(ingress.at("enabled"), "found true without "
          + "controlPlane.ingress.host: the chart would serve the vcluster under its default host, "
          + "which every such vcluster shares. Set controlPlane.ingress.host to this request's "
          + "hostname or a name below it."));
    }
  }

  /** A selector of host objects synced into the vcluster: the platform's, unless opened. */
  private void selector(Fields integration, String key, Map<String, String> platformLabels,
      List<String> valuePath, List<Problem> problems) {
    Object given = integration.get(key);
    if (!(given instanceof Map<?, ?> labels) || labels.isEmpty() || labels.equals(platformLabels)
        || values.allows(valuePath)) {
      return;
    }
    problems.add(new Problem(integration.at(key), "found " + Values.describe(given) + " ("
        + labels + "), which selects other host objects than the platform's " + platformLabels
        + ": the vcluster would sync and use them. Leave it out, or ask the platform team to add "
        + String.join(".", valuePath) + " to requestPolicy.helmValues.alsoAllow."));
  }

  static void add(List<Problem> problems, String field, Optional<String> problem) {
    problem.ifPresent(message -> problems.add(new Problem(field, message)));
  }
}

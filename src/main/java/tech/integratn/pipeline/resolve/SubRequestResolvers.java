package tech.integratn.pipeline.resolve;

import static tech.integratn.pipeline.resolve.Defaults.or;
import static tech.integratn.pipeline.yaml.Tree.map;

import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.admit.Admission;
import tech.integratn.pipeline.admit.Identity;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.SubRequestSpecs;
import tech.integratn.pipeline.read.SubRequestSpecs.Destination;
import tech.integratn.pipeline.read.SubRequestSpecs.Helm;
import tech.integratn.pipeline.read.SubRequestSpecs.Source;
import tech.integratn.pipeline.settings.PlatformSettings;

/**
 * Defaults of the seven sub-request kinds. Each takes the bound spec and returns the template
 * model (the spec with its defaults) and a short status.
 */
public final class SubRequestResolvers {
  private SubRequestResolvers() {}

  /** Template model of a VClusterCore, which owns the vcluster's Namespace. */
  public record CoreModel(String name, String targetNamespace, String valuesYaml,
      Map<String, String> namespaceLabels) {}

  public static Resolution core(Request request, Identity identity,
      SubRequestSpecs.CoreSpec spec, PlatformSettings platform) {
    // Nothing installs this ConfigMap today; its values meet the same policy as the
    // Application's all the same, so a platform that starts reading it opens nothing.
    refuseValues(CarriedValues.valuesTree(or(spec.valuesYaml(), ""), "spec.valuesYaml"), identity,
        spec.targetNamespace(), platform.chart().version(), "spec.valuesYaml", false, platform);
    CoreModel model = new CoreModel(spec.name(), spec.targetNamespace(),
        CarriedValues.valuesText(or(spec.valuesYaml(), ""), "spec.valuesYaml"),
        namespaceLabels(request, spec.name()));
    return new Resolution(model,
        SubRequestStatus.of(request.kind(), spec.name(), spec.targetNamespace()));
  }

  /**
   * The one Namespace of a vcluster, which VClusterCore publishes (the orchestrator does not):
   * the privileged pod-security level the vcluster's pods need, and the labels that say which
   * request made it, from the compound labels when the orchestrator emitted this request.
   */
  static Map<String, String> namespaceLabels(Request request, String name) {
    Map<String, String> requestLabels = request.labels();
    String promise = requestLabels.getOrDefault("kratix.io/component-of-promise-name",
        request.kind().promise());
    String resource = requestLabels.getOrDefault("kratix.io/component-of-resource-name",
        request.name());
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    labels.put("app", "vcluster");
    labels.put("instance", name);
    labels.put("app.kubernetes.io/name", "vcluster");
    labels.put("app.kubernetes.io/instance", name);
    labels.put("app.kubernetes.io/managed-by", "kratix");
    labels.put("kratix.io/promise-name", promise);
    labels.put("kratix.io/resource-request", resource);
    labels.put("pod-security.kubernetes.io/enforce", "privileged");
    labels.put("pod-security.kubernetes.io/audit", "privileged");
    labels.put("pod-security.kubernetes.io/warn", "privileged");
    return labels;
  }

  /** Template model of a VClusterCoredns. */
  public record CorednsModel(String name, String targetNamespace, String corefile) {}

  public static Resolution coredns(Request request, Identity identity,
      SubRequestSpecs.CorednsSpec spec, PlatformSettings platform) {
    CorednsModel model = new CorednsModel(spec.name(), spec.targetNamespace(),
        Corefile.forDomain(or(spec.clusterDomain(), Defaults.CLUSTER_DOMAIN)));
    return new Resolution(model,
        SubRequestStatus.of(request.kind(), spec.name(), spec.targetNamespace()));
  }

  /** Template model of a VClusterKubeconfigExternalSecret. */
  public record KubeconfigExternalSecretModel(String name, String targetNamespace,
      ItemSecret kubeconfig, ExternalSecrets externalSecrets) {}

  public static Resolution kubeconfigExternalSecret(Request request, Identity identity,
      SubRequestSpecs.KubeconfigExternalSecretSpec spec, PlatformSettings platform) {
    String name = spec.name();
    KubeconfigExternalSecretModel model = new KubeconfigExternalSecretModel(name,
        spec.targetNamespace(),
        new ItemSecret(Names.kubeconfigExternalSecret(name), Names.kubeconfigSecret(name),
            or(spec.onepasswordItem(), identity.onepasswordItem())),
        ExternalSecrets.of(platform));
    return new Resolution(model, SubRequestStatus.of(request.kind(), name, spec.targetNamespace()));
  }

  /** Template model of a VClusterArgoCDClusterRegistration. */
  public record ClusterRegistrationModel(String name, String argocdNamespace,
      ItemSecret cluster, Map<String, String> labels, Map<String, String> annotations,
      ExternalSecrets externalSecrets) {}

  public static Resolution clusterRegistration(Request request, Identity identity,
      SubRequestSpecs.ClusterRegistrationSpec spec, PlatformSettings platform) {
    String name = spec.name();
    String namespace = or(spec.argocdNamespace(), platform.argocd().namespace());
    Map<String, String> labels = new java.util.LinkedHashMap<>(or(spec.labels(), Map.of()));
    Map<String, String> annotations = or(spec.annotations(), Map.of());
    // The cluster's name in Argo CD and to the addons is the identity's base: two requests of
    // one name in two namespaces are two clusters.
    String cluster = identity.base();
    ClusterRegistrationRules.refuseTemplateKeys(labels, "spec.labels");
    ClusterRegistrationRules.refuseTemplateKeys(annotations, "spec.annotations");
    ClusterRegistrationRules.refuseChanged(labels, ClusterRegistrationRules.platformLabels(cluster),
        "spec.labels");
    ClusterRegistrationRules.refuseChanged(annotations,
        ClusterRegistrationRules.platformAnnotations(cluster, platform.addonsRepo()),
        "spec.annotations");
    // Argo CD ignores a cluster Secret without this label, whoever wrote the request.
    labels.putIfAbsent("argocd.argoproj.io/secret-type", "cluster");
    ClusterRegistrationModel model = new ClusterRegistrationModel(name, namespace,
        new ItemSecret(identity.argocdClusterExternalSecret(), identity.argocdCluster(),
            or(spec.onepasswordItem(), identity.onepasswordItem())),
        ClusterRegistrationRules.asTemplateData(labels),
        ClusterRegistrationRules.asTemplateData(annotations),
        ExternalSecrets.of(platform));
    return new Resolution(model, SubRequestStatus.of(request.kind(), name, namespace));
  }

  /** Template model of an ArgoCDProject; the lists are copied from the request. */
  public record ProjectModel(String name, String namespace, String description,
      Map<String, String> annotations, Map<String, String> labels, List<String> sourceRepos,
      List<Map<String, Object>> destinations, List<Map<String, Object>> clusterResourceWhitelist,
      List<Map<String, Object>> namespaceResourceWhitelist) {}

  public static Resolution project(Request request, Identity identity,
      SubRequestSpecs.ProjectSpec spec, PlatformSettings platform) {
    String namespace = or(spec.namespace(), platform.argocd().namespace());
    ProjectModel model = new ProjectModel(spec.name(), namespace, spec.description(),
        or(spec.annotations(), Map.of()), or(spec.labels(), Map.of()),
        or(spec.sourceRepos(), List.of()), or(spec.destinations(), List.of()),
        or(spec.clusterResourceWhitelist(), List.of()),
        or(spec.namespaceResourceWhitelist(), List.of()));
    return new Resolution(model,
        SubRequestStatus.of(request.kind(), spec.name(), namespace));
  }

  /** Template model of an ArgoCDApplication: labels and finalizers only when non-empty. */
  public record ApplicationModel(String name, String namespace, Map<String, String> annotations,
      Map<String, String> labels, List<String> finalizers, String project,
      Map<String, Object> source, Map<String, Object> destination, Map<String, Object> syncPolicy) {}

  public static Resolution application(Request request, Identity identity,
      SubRequestSpecs.ApplicationSpec spec, PlatformSettings platform) {
    String namespace = or(spec.namespace(), platform.argocd().namespace());
    Source source = spec.source();
    Helm given = source.helm();
    Helm helm = platform.chart().name().equals(source.chart())
        ? new Helm(given.releaseName(), CarriedValues.normalise(given.valuesObject(),
            "spec.source.helm.valuesObject"))
        : given;
    Destination destination = spec.destination();
    ApplicationModel model = new ApplicationModel(spec.name(), namespace,
        or(spec.annotations(), Map.of()),
        spec.labels() == null || spec.labels().isEmpty() ? null : spec.labels(),
        spec.finalizers() == null || spec.finalizers().isEmpty() ? null : spec.finalizers(),
        or(spec.project(), Defaults.ARGOCD_PROJECT),
        map("repoURL", source.repoURL(), "chart", source.chart(),
            "targetRevision", source.targetRevision(),
            "helm", map("releaseName", or(helm.releaseName(), ""),
                "valuesObject", or(helm.valuesObject(), Map.of()))),
        map("server", destination.server(), "namespace", destination.namespace()),
        or(spec.syncPolicy(), Map.of()));
    List<String> warnings = List.of();
    if (platform.chart().name().equals(source.chart()) && helm.valuesObject() != null) {
      refuseValues(helm.valuesObject(), identity, or(destination.namespace(),
          identity.derived() ? identity.targetNamespace() : ""),
          or(source.targetRevision(), platform.chart().version()),
          "spec.source.helm.valuesObject", true, platform);
    }
    if (platform.chart().name().equals(source.chart()) && source.targetRevision() != null
        && helm.valuesObject() != null) {
      warnings = ChartValuesCheck.check(helm.valuesObject(), source.targetRevision(),
          "spec.source.helm.valuesObject", ChartValuesCheck.extraSchema(platform))
          .map(List::of).orElse(List.of());
    }
    return new Resolution(model,
        SubRequestStatus.of(request.kind(), spec.name(), namespace), warnings);
  }

  /**
   * The vcluster chart's values a tenant may write whole (an ArgoCDApplication's, a
   * VClusterCore's): a value
   * the request policy does not let a request set must be what the platform itself puts there.
   */
  private static void refuseValues(Map<String, Object> values, Identity identity,
      String targetNamespace, String chartVersion, String field, boolean installed,
      PlatformSettings platform) {
    Map<String, Object> reference = OrchestratorResolver.platformValues(
        identity.derived() ? identity : null, targetNamespace, chartVersion, platform);
    List<PipelineException.Problem> problems = Admission.valueProblems(values, field, reference,
        identity, platform, installed);
    if (!problems.isEmpty()) {
      throw PipelineException.invalidFields(problems);
    }
  }
}

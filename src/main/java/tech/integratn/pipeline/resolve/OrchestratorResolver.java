package tech.integratn.pipeline.resolve;

import static tech.integratn.pipeline.resolve.Defaults.or;
import static tech.integratn.pipeline.yaml.Tree.list;
import static tech.integratn.pipeline.yaml.Tree.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.admit.Identity;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.OrchestratorSpec;
import tech.integratn.pipeline.read.OrchestratorSpec.Argocd;
import tech.integratn.pipeline.read.OrchestratorSpec.ArgocdApplication;
import tech.integratn.pipeline.read.OrchestratorSpec.Exposure;
import tech.integratn.pipeline.read.OrchestratorSpec.Integrations;
import tech.integratn.pipeline.read.OrchestratorSpec.Quantities;
import tech.integratn.pipeline.read.OrchestratorSpec.VCluster;
import tech.integratn.pipeline.read.OrchestratorSpec.WorkloadRepo;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.SpecBinder;
import tech.integratn.pipeline.read.Values;
import tech.integratn.pipeline.settings.PlatformSettings;
import tech.integratn.pipeline.yaml.Tree;
import tech.integratn.pipeline.yaml.Yaml;

/** Applies defaults, presets and platform settings to a VClusterOrchestrator, step by step. */
public final class OrchestratorResolver {
  private OrchestratorResolver() {}

  public static Resolution resolve(Request request, Identity identity, OrchestratorSpec spec,
      PlatformSettings platform) {
    OrchestratorModel resolved = settle(request, identity, spec, platform);
    List<String> warnings = ChartValuesCheck.check(resolved.values().tree(),
            resolved.application().targetRevision(),
            "spec.vcluster.helmOverrides / backingStore / exportKubeConfig",
            ChartValuesCheck.extraSchema(platform))
        .map(List::of).orElse(List.of());
    return new Resolution(resolved, status(resolved, request.kind()), warnings);
  }

  /** What Kratix copies onto the resource's status: a readable message and what comes next. */
  static Map<String, Object> status(OrchestratorModel o, PromiseKind kind) {
    OrchestratorModel.Naming names = o.names();
    return map(
        "message", "vcluster " + names.name() + " rendered: API " + o.endpoint().serverUrl()
            + ", chart " + o.application().chart() + " " + o.application().targetRevision()
            + ", preset " + o.preset(),
        "hostname", o.endpoint().hostname(),
        "serverUrl", o.endpoint().serverUrl(),
        "vip", or(o.endpoint().vip(), ""), // cleared explicitly: Kratix keeps omitted keys
        "targetNamespace", names.targetNamespace(),
        "argocdProject", names.project(),
        "argocdApplication", names.application(),
        "onepasswordItem", names.onepasswordItem(),
        "kubeconfigExternalSecret", Names.kubeconfigExternalSecret(names.name()),
        "kubeconfigSecret", Names.kubeconfigSecret(names.name()),
        "kubeconfigSyncJob", names.kubeconfigSyncJob(),
        "chartVersion", o.application().targetRevision(),
        "preset", o.preset(),
        "files", List.copyOf(kind.outputFiles()));
  }

  /** The request's own kind names the promise its parts belong to (vcluster or the orchestrator). */
  private static String promiseOf(Request request) {
    return request.kind().promise();
  }

  /**
   * The settled parts first (each value decided once), then the chart values made from them,
   * then the cluster registration; the model carries all three.
   */
  static OrchestratorModel settle(Request request, Identity identity, OrchestratorSpec spec,
      PlatformSettings platform) {
    Preset preset = Preset.byId(or(spec.vcluster().preset(), Defaults.PRESET));
    String baseDomain = baseDomain(request.annotations().get(Defaults.ANNOTATION_BASE_DOMAIN),
        platform.baseDomain());
    OrchestratorModel.ChartApplication application = application(spec.argocdApplication(), platform);
    Settled settled = new Settled(
        names(request, identity, spec),
        environment(spec.integrations().argocd(), preset),
        endpoint(spec.exposure(), identity.hostname(baseDomain)),
        ChartFeatures.of(application.targetRevision()),
        kubernetes(spec.vcluster(), platform),
        size(spec.vcluster(), preset.size),
        selectors(spec.integrations(), platform),
        user(spec.vcluster()));
    Map<String, Object> values = chartValues(settled, "spec.vcluster.helmOverrides");
    return new OrchestratorModel(settled.names(), settled.endpoint(), application,
        new OrchestratorModel.ChartValues(values, Yaml.document(values)),
        registration(spec.integrations().argocd(), identity.base(), settled.environment(),
            baseDomain, platform),
        preset.id(), settled.kubernetes().clusterDomain(), componentLabels(request));
  }

  /**
   * The chart values the platform itself gives a request of this identity with every default: a
   * value of a whole values tree (an ArgoCDApplication's) that the request policy does not open
   * must be this one. {@code identity} null: a request named by the platform's pattern.
   */
  static Map<String, Object> platformValues(Identity identity, String targetNamespace,
      String chartVersion, PlatformSettings platform) {
    OrchestratorSpec none = SpecBinder.bindMap(Map.of(), OrchestratorSpec.class, "spec");
    Preset preset = Preset.byId(Defaults.PRESET);
    // Of the names, the chart values read only the vcluster's own and its namespace.
    OrchestratorModel.Naming names = new OrchestratorModel.Naming(
        identity == null ? "" : identity.name(), "", targetNamespace, "", "", "", "");
    Settled settled = new Settled(
        names,
        environment(none.integrations().argocd(), preset),
        endpoint(none.exposure(), identity == null ? "" : identity.hostname(platform.baseDomain())),
        ChartFeatures.of(chartVersion),
        kubernetes(none.vcluster(), platform),
        size(none.vcluster(), preset.size),
        selectors(none.integrations(), platform),
        user(none.vcluster()));
    return chartValues(settled, "spec.source.helm.valuesObject");
  }

  /** The chart values of a settled request, as carried values ({@code field}: where they land). */
  private static Map<String, Object> chartValues(Settled settled, String field) {
    return CarriedValues.normalise(HelmValues.build(settled), field);
  }

  /**
   * The shared names come from the request's identity (admit/Identity), so two requests never
   * share one; the vcluster's namespace is its own unless the request names one the policy allows.
   */
  private static OrchestratorModel.Naming names(Request request, Identity identity,
      OrchestratorSpec spec) {
    String name = spec.name();
    String token = request.annotations().getOrDefault(Defaults.ANNOTATION_RECONCILE_AT, "")
        .replaceAll("[^0-9]", "");
    return new OrchestratorModel.Naming(name, request.namespace(),
        or(spec.targetNamespace(), identity.targetNamespace()),
        or(spec.projectName(), identity.project()),
        identity.application(),
        identity.onepasswordItem(),
        Names.kubeconfigSyncJob(name, token));
  }

  /** {@code derivedHostname}: the identity's, when the request names none. */
  private static OrchestratorModel.Endpoint endpoint(Exposure exposure, String derivedHostname) {
    String hostname = or(exposure.hostname(), derivedHostname);
    int apiPort = or(exposure.apiPort(), Defaults.API_PORT);
    return new OrchestratorModel.Endpoint(hostname, vip(exposure), apiPort,
        Names.serverUrl(hostname, apiPort));
  }

  private static OrchestratorModel.ChartApplication application(ArgocdApplication app,
      PlatformSettings platform) {
    Map<String, Object> syncPolicy = Tree.merge(
        map("automated", map("selfHeal", true, "prune", true),
            "syncOptions", list("CreateNamespace=true")),
        app.syncPolicy());
    return new OrchestratorModel.ChartApplication(platform.argocd().namespace(),
        or(app.repoURL(), platform.chart().repoURL()),
        or(app.chart(), platform.chart().name()),
        or(app.targetRevision(), platform.chart().version()),
        or(app.destinationServer(), platform.argocd().destinationServer()),
        syncPolicy);
  }

  private static String environment(Argocd argocd, Preset preset) {
    return or(argocd.environment(),
        preset == Preset.PROD ? Defaults.ENVIRONMENT_PROD : Defaults.ENVIRONMENT_OTHER);
  }

  private static Settled.Kubernetes kubernetes(VCluster vc, PlatformSettings platform) {
    return new Settled.Kubernetes(platform.images().vclusterControlPlane(),
        or(vc.k8sVersion(), Defaults.K8S_VERSION),
        or(vc.networking().clusterDomain(), Defaults.CLUSTER_DOMAIN));
  }

  /** Each size field the request gives wins over the preset's. */
  private static Settled.Size size(VCluster vc, Settled.Size preset) {
    OrchestratorSpec.Persistence persistence = vc.persistence();
    return new Settled.Size(
        new Settled.Replicas(or(vc.replicas(), preset.replicas().controlPlane()),
            or(vc.coredns().replicas(), preset.replicas().coredns())),
        new Settled.Resources(
            quantities(vc.resources().requests(), preset.resources().requests()),
            quantities(vc.resources().limits(), preset.resources().limits())),
        new Settled.Persistence(or(persistence.enabled(), preset.persistence().enabled()),
            or(persistence.size(), preset.persistence().size()),
            or(persistence.storageClass(), preset.persistence().storageClass())));
  }

  private static Settled.Quantities quantities(Quantities given, Settled.Quantities preset) {
    return new Settled.Quantities(or(given.cpu(), preset.cpu()), or(given.memory(), preset.memory()));
  }

  private static Settled.UserValues user(VCluster vc) {
    return new Settled.UserValues(vc.backingStore(), vc.exportKubeConfig(), vc.helmOverrides());
  }

  /** The request's selector labels win whole over the platform's; empty counts as unset. */
  private static Settled.Selectors selectors(Integrations integrations,
      PlatformSettings platform) {
    return new Settled.Selectors(
        selector(integrations.externalSecrets().clusterStoreSelectorLabels(),
            platform.externalSecrets().storeSelector()),
        selector(integrations.certManager().clusterIssuerSelectorLabels(),
            platform.certManager().issuerSelectorLabels()));
  }

  private static OrchestratorModel.Registration registration(Argocd argocd, String name,
      String environment, String baseDomain, PlatformSettings platform) {
    WorkloadRepo repo = argocd.workloadRepo();
    PlatformSettings.Repository workloads = platform.workloadRepo();
    PlatformSettings.Repository workload = new PlatformSettings.Repository(
        or(repo.url(), workloads.url()), or(repo.basePath(), workloads.basePath()),
        or(repo.path(), workloads.path()), or(repo.revision(), workloads.revision()));
    ClusterRegistrationRules.refuseTemplateKeys(argocd.clusterLabels(),
        "spec.integrations.argocd.clusterLabels");
    ClusterRegistrationRules.refuseTemplateKeys(argocd.clusterAnnotations(),
        "spec.integrations.argocd.clusterAnnotations");
    ClusterRegistrationRules.refuseReserved(argocd.clusterLabels(), true,
        "spec.integrations.argocd.clusterLabels");
    ClusterRegistrationRules.refuseReserved(argocd.clusterAnnotations(), false,
        "spec.integrations.argocd.clusterAnnotations");
    return new OrchestratorModel.Registration(
        Tree.merge(ClusterRegistrationRules.labels(name, environment), argocd.clusterLabels()),
        Tree.merge(ClusterRegistrationRules.annotations(name, environment, baseDomain, workload,
            platform.addonsRepo()), argocd.clusterAnnotations()));
  }

  /**
   * Kratix's compound-promise labels on every emitted sub-request: kratix-cli's
   * {@code platform get resources} draws the tree from the first three, Kratix's dry run finds
   * the components by the last three.
   */
  static Map<String, String> componentLabels(Request request) {
    String promise = promiseOf(request);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kratix.io/component-of-promise-name", promise);
    labels.put("kratix.io/component-of-resource-name", request.name());
    labels.put("kratix.io/component-of-resource-namespace", request.namespace());
    labels.put("kratix.io/parent-promise-name", promise);
    labels.put("kratix.io/parent-resource-name", request.name());
    labels.put("kratix.io/parent-resource-namespace", request.namespace());
    return labels;
  }

  /** The base-domain annotation, when set, names the DNS zone every hostname is made in. */
  private static String baseDomain(String annotation, String platformDefault) {
    String baseDomain = annotation != null && !annotation.isEmpty() ? annotation : platformDefault;
    if (!Names.isDnsName(baseDomain)) {
      throw PipelineException.invalidField(
          "metadata.annotations[" + Defaults.ANNOTATION_BASE_DOMAIN + "]",
          "found " + Values.describe(baseDomain) + ", which is not a DNS name",
          "Use a lowercase DNS name such as example.com (letters, digits, '-' and dots, labels "
              + "of at most 63 characters), or remove the annotation to use " + platformDefault
              + ".");
    }
    return baseDomain;
  }

  /** The subnet-derived or given VIP, checked against the subnet; null when there is none. */
  private static String vip(Exposure exposure) {
    if (exposure.subnet() == null) {
      return exposure.vip();
    }
    Ipv4Cidr subnet = Ipv4Cidr.parse(exposure.subnet());
    if (exposure.vip() == null) {
      if (subnet.size() <= Defaults.VIP_OFFSET) {
        throw PipelineException.invalidField("spec.exposure.subnet",
            "found " + exposure.subnet() + ", which has only " + subnet.size() + " addresses, so "
                + "the VIP (network address + " + Defaults.VIP_OFFSET + ") would fall outside it",
            "Use a subnet of prefix /25 or shorter, or set spec.exposure.vip to an address "
                + "inside the subnet.");
      }
      return Ipv4Cidr.format(subnet.network() + Defaults.VIP_OFFSET);
    }
    if (!subnet.contains(Ipv4Cidr.parseAddress(exposure.vip()))) {
      throw PipelineException.invalidField("spec.exposure.vip",
          "found " + exposure.vip() + ", which is outside spec.exposure.subnet " + exposure.subnet(),
          "Set spec.exposure.vip to an address inside the subnet, or leave it out to use the "
              + "network address + " + Defaults.VIP_OFFSET + ".");
    }
    return exposure.vip();
  }

  private static Map<String, String> selector(Map<String, String> given, Map<String, String> fallback) {
    return given == null || given.isEmpty() ? fallback : given;
  }
}

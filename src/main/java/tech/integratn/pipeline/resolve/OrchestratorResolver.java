package tech.integratn.pipeline.resolve;

import static tech.integratn.pipeline.resolve.Defaults.or;
import static tech.integratn.pipeline.resolve.Tree.list;
import static tech.integratn.pipeline.resolve.Tree.map;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tech.integratn.pipeline.PipelineException;
import tech.integratn.pipeline.PromiseKind;
import tech.integratn.pipeline.read.OrchestratorSpec;
import tech.integratn.pipeline.read.OrchestratorSpec.Argocd;
import tech.integratn.pipeline.read.OrchestratorSpec.ArgocdApplication;
import tech.integratn.pipeline.read.OrchestratorSpec.Exposure;
import tech.integratn.pipeline.read.OrchestratorSpec.Integrations;
import tech.integratn.pipeline.read.OrchestratorSpec.Quantities;
import tech.integratn.pipeline.read.OrchestratorSpec.VCluster;
import tech.integratn.pipeline.read.OrchestratorSpec.WorkloadRepo;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.yaml.Yaml;

/** Applies defaults and presets to a VClusterOrchestrator and derives everything it renders. */
public final class OrchestratorResolver {

  public Resolution resolve(Request request, OrchestratorSpec spec) {
    Orchestrator resolved = settle(request, spec);
    List<String> warnings = ChartValuesCheck.check(resolved.helmValues(), resolved.targetRevision(),
            "spec.vcluster.helmOverrides / backingStore / exportKubeConfig")
        .map(List::of).orElse(List.of());
    return new Resolution(resolved, status(resolved), warnings);
  }

  /** What Kratix copies onto the resource's status: a readable message and what comes next. */
  static Map<String, Object> status(Orchestrator o) {
    return map(
        "message", "vcluster " + o.name() + " rendered: API " + o.serverUrl() + ", chart "
            + o.chart() + " " + o.targetRevision() + ", preset " + o.preset(),
        "hostname", o.hostname(),
        "serverUrl", o.serverUrl(),
        "vip", o.vip() == null ? "" : o.vip(), // cleared explicitly: Kratix keeps omitted keys
        "targetNamespace", o.targetNamespace(),
        "argocdProject", o.projectName(),
        "argocdApplication", o.applicationName(),
        "onepasswordItem", o.onepasswordItem(),
        "kubeconfigExternalSecret", Names.kubeconfigExternalSecret(o.name()),
        "kubeconfigSecret", Names.kubeconfigSecret(o.name()),
        "kubeconfigSyncJob", o.kubeconfigSyncJobName(),
        "chartVersion", o.targetRevision(),
        "preset", o.preset(),
        "files", List.copyOf(PromiseKind.VCLUSTER_ORCHESTRATOR.outputFiles()));
  }

  Orchestrator settle(Request request, OrchestratorSpec spec) {
    VCluster vc = orEmpty(spec.vcluster(), () -> new VCluster(null, null, null, null, null, null,
        null, null, null, null, null));
    Exposure exposure = orEmpty(spec.exposure(), () -> new Exposure(null, null, null, null));
    Integrations integrations = orEmpty(spec.integrations(), () -> new Integrations(null, null, null));
    Argocd argocd = orEmpty(integrations.argocd(), () -> new Argocd(null, null, null, null));
    ArgocdApplication app = orEmpty(spec.argocdApplication(),
        () -> new ArgocdApplication(null, null, null, null, null));

    String name = spec.name();
    String targetNamespace = or(spec.targetNamespace(), request.namespace());
    Preset preset = Preset.byId(or(vc.preset(), Defaults.PRESET));
    Map<String, String> annotations = request.annotations();
    String baseDomain = baseDomain(annotations.get(Defaults.ANNOTATION_BASE_DOMAIN));
    String hostname = or(exposure.hostname(), name + "." + baseDomain);
    int apiPort = or(exposure.apiPort(), Defaults.API_PORT);
    String vip = vip(exposure);
    String serverUrl = Names.serverUrl(hostname, apiPort);
    String environment = or(argocd.environment(),
        preset == Preset.PROD ? Defaults.ENVIRONMENT_PROD : Defaults.ENVIRONMENT_OTHER);
    String token = digits(annotations.getOrDefault(Defaults.ANNOTATION_RECONCILE_AT, ""));
    String syncJob = Names.kubeconfigSyncJob(name, token);
    String chartVersion = or(app.targetRevision(), Defaults.CHART_VERSION);
    String clusterDomain = clusterDomain(vc);

    HelmValues.Inputs helm = new HelmValues.Inputs(
        name,
        targetNamespace,
        environment,
        or(vc.k8sVersion(), Defaults.K8S_VERSION),
        or(vc.replicas(), preset.replicas),
        quantity(vc, OrchestratorSpec.Resources::requests, Quantities::cpu, preset.cpuRequest),
        quantity(vc, OrchestratorSpec.Resources::requests, Quantities::memory, preset.memoryRequest),
        quantity(vc, OrchestratorSpec.Resources::limits, Quantities::cpu, preset.cpuLimit),
        quantity(vc, OrchestratorSpec.Resources::limits, Quantities::memory, preset.memoryLimit),
        vc.persistence() == null ? preset.persistenceEnabled
            : or(vc.persistence().enabled(), preset.persistenceEnabled),
        vc.persistence() == null ? preset.persistenceSize
            : or(vc.persistence().size(), preset.persistenceSize),
        vc.persistence() == null ? null : vc.persistence().storageClass(),
        vc.coredns() == null ? preset.corednsReplicas : or(vc.coredns().replicas(), preset.corednsReplicas),
        clusterDomain,
        hostname,
        vip,
        apiPort,
        serverUrl,
        ChartVersion.atLeast(chartVersion, Defaults.PDB_MIN_CHART_VERSION),
        selector(integrations.externalSecrets() == null ? null
            : integrations.externalSecrets().clusterStoreSelectorLabels(),
            Defaults.CLUSTER_STORE_SELECTOR_LABELS),
        selector(integrations.certManager() == null ? null
            : integrations.certManager().clusterIssuerSelectorLabels(),
            Defaults.CLUSTER_ISSUER_SELECTOR_LABELS),
        vc.backingStore(),
        vc.exportKubeConfig(),
        vc.helmOverrides());
    Map<String, Object> helmValues = HelmValues.build(helm);

    Map<String, Object> syncPolicy = Tree.merge(
        map("automated", map("selfHeal", true, "prune", true),
            "syncOptions", list("CreateNamespace=true")),
        app.syncPolicy());

    WorkloadRepo repo = orEmpty(argocd.workloadRepo(), () -> new WorkloadRepo(null, null, null, null));
    Map<String, Object> labels = Tree.merge(ClusterRegistration.labels(name, environment),
        argocd.clusterLabels());
    Map<String, Object> clusterAnnotations = Tree.merge(
        ClusterRegistration.annotations(name, environment, baseDomain,
            or(repo.url(), Defaults.WORKLOAD_REPO_URL),
            or(repo.basePath(), Defaults.WORKLOAD_REPO_BASE_PATH),
            or(repo.path(), Defaults.WORKLOAD_REPO_PATH),
            or(repo.revision(), Defaults.WORKLOAD_REPO_REVISION)),
        argocd.clusterAnnotations());

    return new Orchestrator(
        name,
        request.namespace(),
        targetNamespace,
        or(spec.projectName(), Names.argocdProject(name)),
        Names.argocdApplication(name),
        preset.id(),
        baseDomain,
        baseDomain.replace('.', '-'),
        hostname,
        vip,
        apiPort,
        serverUrl,
        clusterDomain,
        environment,
        Names.onepasswordItem(name),
        syncJob,
        or(app.repoURL(), Defaults.CHART_REPO_URL),
        or(app.chart(), Defaults.CHART),
        chartVersion,
        or(app.destinationServer(), Defaults.DESTINATION_SERVER),
        helmValues,
        Yaml.document(helmValues),
        syncPolicy,
        labels,
        clusterAnnotations,
        componentLabels(request));
  }

  /**
   * Kratix's compound-promise labels on every emitted sub-request: kratix-cli's
   * {@code platform get resources} draws the tree from the first three, Kratix's dry run finds
   * the components by the last three.
   */
  static Map<String, String> componentLabels(Request request) {
    String promise = PromiseKind.VCLUSTER_ORCHESTRATOR.promise();
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    labels.put("kratix.io/component-of-promise-name", promise);
    labels.put("kratix.io/component-of-resource-name", request.name());
    labels.put("kratix.io/component-of-resource-namespace", request.namespace());
    labels.put("kratix.io/parent-promise-name", promise);
    labels.put("kratix.io/parent-resource-name", request.name());
    labels.put("kratix.io/parent-resource-namespace", request.namespace());
    return labels;
  }

  /** The base-domain annotation, when set, names the DNS zone every hostname is made in. */
  private static String baseDomain(String annotation) {
    String baseDomain = nonEmpty(annotation, Defaults.BASE_DOMAIN);
    if (!Names.isDnsName(baseDomain)) {
      throw PipelineException.invalidField(
          "metadata.annotations[" + Defaults.ANNOTATION_BASE_DOMAIN + "]",
          "found " + tech.integratn.pipeline.read.Values.describe(baseDomain)
              + ", which is not a DNS name",
          "Use a lowercase DNS name such as example.com (letters, digits, '-' and dots, labels "
              + "of at most 63 characters), or remove the annotation to use "
              + Defaults.BASE_DOMAIN + ".");
    }
    return baseDomain;
  }

  private static String clusterDomain(VCluster vc) {
    return vc.networking() == null ? Defaults.CLUSTER_DOMAIN
        : or(vc.networking().clusterDomain(), Defaults.CLUSTER_DOMAIN);
  }

  private static String quantity(VCluster vc,
      Function<OrchestratorSpec.Resources, Quantities> group,
      Function<Quantities, String> field, String presetValue) {
    if (vc.resources() == null || group.apply(vc.resources()) == null) {
      return presetValue;
    }
    return or(field.apply(group.apply(vc.resources())), presetValue);
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

  private static String digits(String text) {
    return text.replaceAll("[^0-9]", "");
  }

  private static String nonEmpty(String value, String fallback) {
    return value != null && !value.isEmpty() ? value : fallback;
  }

  private static <T> T orEmpty(T value, java.util.function.Supplier<T> empty) {
    return Objects.requireNonNullElseGet(value, empty);
  }
}

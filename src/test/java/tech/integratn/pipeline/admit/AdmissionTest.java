package tech.integratn.pipeline.admit;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertRefused;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.settings.PlatformSettings;
import tech.integratn.pipeline.settings.SettingsReader;

/**
 * The request policy, one rule a row: the request (kind, namespace, spec), the settings beside
 * the defaults, and the field refused (with a word of the reason), or {@code ADMITTED}.
 */
class AdmissionTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String ADMITTED = "";
  private static final String HOME = "platform-requests";
  private static final String TWO_TEAMS = "requestPolicy: {requestNamespaces: ["
      + "{namespace: platform-requests, prefix: ''}, {namespace: team-a, prefix: team-a}]}";

  static Stream<Arguments> rules() {
    return Stream.of(
        // Where requests come from, and their names.
        row("a request from the home namespace is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x}", "", ADMITTED),
        row("a request from a namespace the settings do not list is refused",
            PromiseKind.VCLUSTER_ORCHESTRATOR, "team-b", "{name: x}", "", "metadata.namespace"),
        row("a listed namespace with a prefix is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR,
            "team-a", "{name: x}", TWO_TEAMS, ADMITTED),
        row("an unprefixed name may not start with another namespace's prefix",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME, "{name: team-a-x}", TWO_TEAMS, "spec.name"),
        row("a name whose namespace passes 63 characters is refused",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME, "{name: " + "a".repeat(60) + "}", "",
            "spec.name"),
        // The vcluster's namespace.
        row("the request's own namespace is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, targetNamespace: vcluster-x}", "", ADMITTED),
        row("kube-system is the platform's", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, targetNamespace: kube-system}", "", "spec.targetNamespace"),
        row("Argo CD's namespace is the platform's", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, targetNamespace: argocd}", "", "spec.targetNamespace"),
        row("the request namespace itself is never a vcluster's",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME, "{name: x, targetNamespace: " + HOME + "}",
            "", "spec.targetNamespace"),
        row("another vcluster's namespace is not this one's", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x, targetNamespace: vcluster-y}", "", "spec.targetNamespace"),
        row("a pattern in the settings opens namespaces", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, targetNamespace: lab-x}",
            "requestPolicy: {targetNamespacePattern: '^lab-[a-z]+$'}", ADMITTED),
        row("a pattern never opens a reserved namespace", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, targetNamespace: kube-system}",
            "requestPolicy: {targetNamespacePattern: '.*'}", "spec.targetNamespace"),
        row("a prefixed request's own namespace carries the prefix",
            PromiseKind.VCLUSTER_ORCHESTRATOR, "team-a", "{name: x, targetNamespace: vcluster-x}",
            TWO_TEAMS, "spec.targetNamespace"),
        // Argo CD names.
        row("Argo CD's default project is the platform's", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x, projectName: default}", "", "spec.projectName"),
        row("another vcluster's project is not this one's", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x, projectName: vcluster-y}", "", "spec.projectName"),
        row("the request's own project is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, projectName: vcluster-x}", "", ADMITTED),
        // Hostnames and base domains.
        row("the request's own hostname is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, exposure: {hostname: x.integratn.tech}}", "", ADMITTED),
        row("a name below the own hostname is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, exposure: {hostname: api.x.integratn.tech}}", "", ADMITTED),
        row("another service's hostname is refused", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, exposure: {hostname: grafana.integratn.tech}}", "",
            "spec.exposure.hostname"),
        row("a name that only ends like the own hostname is refused",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, exposure: {hostname: evilx.integratn.tech}}", "", "spec.exposure.hostname"),
        row("a domain the settings open is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, exposure: {hostname: api.lab.example.com}}",
            "requestPolicy: {hostnameDomains: [lab.example.com]}", ADMITTED),
        // Charts and destinations.
        row("another chart repository is refused", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, argocdApplication: {repoURL: 'https://evil.example.com'}}", "",
            "spec.argocdApplication.repoURL"),
        row("another chart of the platform's repository is refused",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME, "{name: x, argocdApplication: {chart: nginx}}",
            "", "spec.argocdApplication.chart"),
        row("a chart source the settings list is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x, argocdApplication: {repoURL: 'oci://mirror.example.com/c'}}",
            "requestPolicy: {chartSources: [{repoURL: 'oci://mirror.example.com/c', "
                + "chart: vcluster}]}", ADMITTED),
        row("another vcluster's API is no destination by default",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, argocdApplication: {destinationServer: 'https://y.integratn.tech:443'}}",
            "", "spec.argocdApplication.destinationServer"),
        row("the platform's own destination is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, argocdApplication: {destinationServer: 'https://kubernetes.default.svc'}}",
            "", ADMITTED),
        row("a destination the settings list is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x, argocdApplication: {destinationServer: 'https://10.0.0.1:6443'}}",
            "requestPolicy: {destinationServers: ['https://10.0.0.1:6443']}", ADMITTED),
        row("a destination the settings do not list is refused", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x, argocdApplication: {destinationServer: 'https://10.0.0.1:6443'}}",
            "requestPolicy: {destinationServers: ['https://10.0.0.2:6443']}",
            "spec.argocdApplication.destinationServer"),
        row("'*' opens every destination", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, argocdApplication: {destinationServer: 'https://10.0.0.1:6443'}}",
            "requestPolicy: {destinationServers: ['*']}", ADMITTED),
        row("one chart release is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, argocdApplication: {targetRevision: v0.33.1}}", "", ADMITTED),
        row("a chart range is refused", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, argocdApplication: {targetRevision: '*'}}", "",
            "spec.argocdApplication.targetRevision"),
        row("a chart release older than the checked ones is refused",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, argocdApplication: {targetRevision: 0.19.0}}", "",
            "spec.argocdApplication.targetRevision"),
        row("a name of a platform service is refused: its hostname",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME, "{name: argocd}", "", "spec.name"),
        row("the Connect server's hostname is never a vcluster's",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: connect, exposure: {hostname: connect.integratn.tech}}", "",
            "spec.exposure.hostname"),
        row("a reserved name is admitted with a hostname of its own below that name",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: grafana, exposure: {hostname: api.grafana.integratn.tech}}", "", ADMITTED),
        // Helm values.
        row("a tuning knob is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {controlPlane: {statefulSet: {resources: "
                + "{limits: {memory: 4Gi}}}}}}}", "", ADMITTED),
        row("host manifests are refused", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {experimental: {deploy: {host: {manifests: "
                + "'kind: ClusterRoleBinding'}}}}}}", "",
            "spec.vcluster.helmOverrides.experimental.deploy.host.manifests"),
        row("extra RBAC rules are refused", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {rbac: {clusterRole: {extraRules: []}}}}}", "",
            "spec.vcluster.helmOverrides.rbac.clusterRole.extraRules"),
        row("null over a platform value is a value too", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {rbac: null}}}", "",
            "spec.vcluster.helmOverrides.rbac"),
        row("host Secret mappings are refused", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {sync: {fromHost: {secrets: {mappings: "
                + "{byName: {'argocd/*': 'default/*'}}}}}}}}", "",
            "spec.vcluster.helmOverrides.sync.fromHost.secrets.mappings"),
        row("the control plane's image is the platform's", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x, vcluster: {helmOverrides: {controlPlane: {statefulSet: {image: "
                + "{repository: evil/vcluster}}}}}}", "",
            "spec.vcluster.helmOverrides.controlPlane.statefulSet.image.repository"),
        row("the service's external-dns hostname follows the hostname rule",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME, "{name: x, vcluster: {helmOverrides: "
                + "{controlPlane: {service: {annotations: {'external-dns.alpha.kubernetes.io/"
                + "hostname': grafana.integratn.tech}}}}}}", "",
            "spec.vcluster.helmOverrides.controlPlane.service.annotations"),
        row("the ingress host follows the hostname rule though its path is listed",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME, "{name: x, vcluster: {helmOverrides: "
                + "{controlPlane: {ingress: {enabled: true, host: grafana.integratn.tech}}}}}", "",
            "spec.vcluster.helmOverrides.controlPlane.ingress.host"),
        row("a backing store outside the list is refused", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x, vcluster: {backingStore: {database: {external: {dataSource: "
                + "'mysql://x'}}}}}", "", "spec.vcluster.backingStore.database.external"),
        row("the kubeconfig Secret in another namespace is refused",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME, "{name: x, vcluster: {exportKubeConfig: "
                + "{secret: {name: k, namespace: argocd}}}}", "",
            "spec.vcluster.exportKubeConfig.secret.namespace"),
        row("a cluster-wide sync to the host is refused", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {sync: {toHost: {priorityClasses: "
                + "{enabled: true}}}}}}", "", "spec.vcluster.helmOverrides.sync.toHost.priorityClasses"),
        row("a namespaced sync to the host is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {sync: {toHost: {services: {enabled: true}}, "
                + "fromHost: {events: {enabled: true}}}}}}", "", ADMITTED),
        row("probes and access modes are tuning knobs", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {controlPlane: {statefulSet: {probes: "
                + "{livenessProbe: {enabled: false}}, persistence: {volumeClaim: {accessModes: "
                + "[ReadWriteOnce]}}}}}}}", "", ADMITTED),
        row("an ingress without its own host is refused", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {controlPlane: {ingress: {enabled: true}}}}}", "",
            "spec.vcluster.helmOverrides.controlPlane.ingress.enabled"),
        row("an ingress with its own host is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {controlPlane: {ingress: {enabled: true, "
                + "host: x.integratn.tech}}}}}", "", ADMITTED),
        row("a comma list is not one hostname", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {controlPlane: {service: {annotations: "
                + "{'external-dns.alpha.kubernetes.io/hostname': "
                + "'argocd.integratn.tech,a.x.integratn.tech'}}}}}}", "",
            "spec.vcluster.helmOverrides.controlPlane.service.annotations"),
        row("TLS hosts of the ingress are not a request's", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x, vcluster: {helmOverrides: {controlPlane: {ingress: {enabled: true, "
                + "host: x.integratn.tech, spec: {tls: [{hosts: [argocd.integratn.tech]}]}}}}}}", "",
            "spec.vcluster.helmOverrides.controlPlane.ingress.spec.tls"),
        row("the kubeconfig's server is the request's own", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x, vcluster: {exportKubeConfig: {server: "
                + "'https://kubernetes.default.svc'}}}", "", "spec.vcluster.exportKubeConfig.server"),
        row("a key with dots is written in brackets", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {sync: {toHost: {customResources: "
                + "{certificates.cert-manager.io: {enabled: true}}}}}}}",
            "requestPolicy: {helmValues: {alsoAllow: "
                + "['sync.toHost.customResources[certificates.cert-manager.io].enabled']}}",
            ADMITTED),
        row("a bracketed key opens only itself", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {sync: {toHost: {customResources: "
                + "{issuers.cert-manager.io: {enabled: true}}}}}}}",
            "requestPolicy: {helmValues: {alsoAllow: "
                + "['sync.toHost.customResources[certificates.cert-manager.io].enabled']}}",
            "[issuers.cert-manager.io]"),
        row("a path the settings add is admitted", PromiseKind.VCLUSTER_ORCHESTRATOR, HOME,
            "{name: x, vcluster: {helmOverrides: {experimental: {deploy: {vcluster: {manifests: "
                + "'kind: ConfigMap'}}}}}}",
            "requestPolicy: {helmValues: {alsoAllow: [experimental.deploy.vcluster.manifests]}}",
            ADMITTED),
        row("another ClusterSecretStore selector is refused", PromiseKind.VCLUSTER_ORCHESTRATOR,
            HOME, "{name: x, integrations: {externalSecrets: {clusterStoreSelectorLabels: "
                + "{team: other}}}}", "",
            "spec.integrations.externalSecrets.clusterStoreSelectorLabels"),
        row("the base-domain annotation names only the platform's domains",
            PromiseKind.VCLUSTER_ORCHESTRATOR, HOME, "{name: x}",
            "", "metadata.annotations", Map.of("platform.integratn.tech/base-domain", "evil.com")),
        // Sub-requests: only what the orchestrator would derive for this request.
        row("a sync Job may not write the platform's Connect item",
            PromiseKind.VCLUSTER_KUBECONFIG_SYNC, HOME, "{name: x, targetNamespace: vcluster-x, "
                + "onepasswordItem: onepassword-access-token}", "", "spec.onepasswordItem"),
        row("a sync Job may not register the host cluster", PromiseKind.VCLUSTER_KUBECONFIG_SYNC,
            HOME, "{name: x, targetNamespace: vcluster-x, hostname: x.integratn.tech, "
                + "serverUrl: 'https://kubernetes.default.svc'}", "", "spec.serverUrl"),
        row("a sync Job names its hostname", PromiseKind.VCLUSTER_KUBECONFIG_SYNC, HOME,
            "{name: x, targetNamespace: vcluster-x}", "", "spec.hostname"),
        row("a sync Job's own item and address are admitted", PromiseKind.VCLUSTER_KUBECONFIG_SYNC,
            HOME, "{name: x, targetNamespace: vcluster-x, onepasswordItem: vcluster-x-kubeconfig, "
                + "hostname: x.integratn.tech, apiPort: 8443, "
                + "serverUrl: 'https://x.integratn.tech:8443'}", "", ADMITTED),
        row("an ExternalSecret may not read another tenant's item",
            PromiseKind.VCLUSTER_KUBECONFIG_EXTERNAL_SECRET, HOME, "{name: x, targetNamespace: "
                + "vcluster-x, onepasswordItem: vcluster-y-kubeconfig}", "", "spec.onepasswordItem"),
        row("a registration lives in Argo CD's namespace only",
            PromiseKind.VCLUSTER_ARGOCD_CLUSTER_REGISTRATION, HOME,
            "{name: x, argocdNamespace: kube-system}", "", "spec.argocdNamespace"),
        row("a VClusterCore may not own kube-system", PromiseKind.VCLUSTER_CORE, HOME,
            "{name: x, targetNamespace: kube-system}", "", "spec.targetNamespace"),
        row("an ArgoCDProject named default is refused", PromiseKind.ARGOCD_PROJECT, HOME,
            "{name: default}", "", "spec.name"),
        row("an ArgoCDProject may not take in any repository", PromiseKind.ARGOCD_PROJECT, HOME,
            "{name: vcluster-x, sourceRepos: ['*']}", "", "spec.sourceRepos[0]"),
        row("an ArgoCDProject may not name any cluster", PromiseKind.ARGOCD_PROJECT, HOME,
            "{name: vcluster-x, destinations: [{name: '*', namespace: vcluster-x}]}", "",
            "spec.destinations[0].name"),
        row("an ArgoCDProject may not deploy to kube-system", PromiseKind.ARGOCD_PROJECT, HOME,
            "{name: vcluster-x, destinations: [{server: 'https://kubernetes.default.svc', "
                + "namespace: kube-system}]}", "", "spec.destinations[0].namespace"),
        row("an ArgoCDApplication with no project would be in default",
            PromiseKind.ARGOCD_APPLICATION, HOME, "{name: vcluster-x, source: {repoURL: "
                + "'https://charts.loft.sh', chart: vcluster}, destination: {server: "
                + "'https://kubernetes.default.svc', namespace: vcluster-x}}", "", "spec.project"),
        row("an ArgoCDApplication of the vcluster itself is admitted",
            PromiseKind.ARGOCD_APPLICATION, HOME, "{name: vcluster-x, project: vcluster-x, "
                + "source: {repoURL: 'https://charts.loft.sh', chart: vcluster}, destination: "
                + "{server: 'https://kubernetes.default.svc', namespace: vcluster-x}}", "",
            ADMITTED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, PromiseKind kind, String namespace, String spec, String settings,
      String refused, Map<String, String> annotations) throws IOException {
    Request request = request(kind, namespace, spec, annotations);
    PlatformSettings platform = settings.isEmpty() ? SettingsReader.defaults()
        : SettingsReader.read(settings, "the test's settings");
    if (refused.isEmpty()) {
      assertThat(Admission.admit(request, platform)).as(rule).isNotNull();
    } else {
      assertRefused(rule, () -> Admission.admit(request, platform), ExitCode.INVALID_INPUT,
          refused);
    }
  }

  /** Kubernetes keeps metadata.name unique in a namespace; every shared name comes from spec.name. */
  @org.junit.jupiter.api.Test
  void specNameMustEqualMetadataName() {
    Request request = new Request(PromiseKind.VCLUSTER_ORCHESTRATOR, Map.of(
        "metadata", Map.of("name", "mine", "namespace", HOME), "spec", Map.of("name", "theirs")));
    assertRefused("spec.name must equal metadata.name",
        () -> Admission.admit(request, SettingsReader.defaults()), ExitCode.INVALID_INPUT,
        "spec.name", "metadata.name is mine");
  }

  /** Two requests of one name in two namespaces never share a derived name. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("identities")
  void identitiesAreApart(String rule, String namespace, String name, String base) {
    PlatformSettings platform = SettingsReader.read(TWO_TEAMS, "the test's settings");
    Identity identity = Admission.admit(request(PromiseKind.VCLUSTER_ORCHESTRATOR, namespace,
        "{name: " + name + "}", Map.of()), platform);
    assertThat(identity.base()).as(rule).isEqualTo(base);
    assertThat(identity.onepasswordItem()).as(rule).isEqualTo("vcluster-" + base + "-kubeconfig");
    assertThat(identity.hostname("integratn.tech")).as(rule).isEqualTo(base + ".integratn.tech");
  }

  static Stream<Arguments> identities() {
    return Stream.of(
        Arguments.of("the home namespace keeps today's names", HOME, "payments", "payments"),
        Arguments.of("a prefixed namespace's names carry its prefix", "team-a", "payments",
            "team-a-payments"));
  }

  private static Arguments row(String rule, PromiseKind kind, String namespace, String spec,
      String settings, String refused) {
    return row(rule, kind, namespace, spec, settings, refused, Map.of());
  }

  private static Arguments row(String rule, PromiseKind kind, String namespace, String spec,
      String settings, String refused, Map<String, String> annotations) {
    return Arguments.of(rule, kind, namespace, spec, settings, refused, annotations);
  }

  @SuppressWarnings("unchecked")
  private static Request request(PromiseKind kind, String namespace, String spec,
      Map<String, String> annotations) {
    try {
      Map<String, Object> specMap = YAML.readValue(spec, Map.class);
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("name", specMap.get("name"));
      metadata.put("namespace", namespace);
      metadata.put("annotations", annotations);
      return new Request(kind, Map.of("metadata", metadata, "spec", specMap));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

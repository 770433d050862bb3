package tech.integratn.pipeline.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.admit.Identity;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.OrchestratorSpec;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.SpecBinder;
import tech.integratn.pipeline.settings.SettingsReader;

/**
 * The orchestrator's resolving rules, one case each: the rule, the request's spec (and
 * annotations), where to look in the resolved model ({@code /values/tree/...} is the Helm values)
 * and what must be there. A failure names the rule.
 */
class OrchestratorRulesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HA = "/values/tree/controlPlane/statefulSet/highAvailability/replicas";
  private static final String RESOURCES = "/values/tree/controlPlane/statefulSet/resources";
  private static final String PDB = "/values/tree/controlPlane/advanced/podDisruptionBudget";
  private static final String NONE = "<absent>";

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("the dev preset applies by default", "{}", HA, "1"),
        rule("the prod preset sets three replicas", "{vcluster: {preset: prod}}", HA, "3"),
        rule("an explicit replica count beats the preset", "{vcluster: {preset: prod, replicas: 5}}", HA, "5"),
        rule("an explicit CPU limit beats the preset's", "{vcluster: {preset: prod, resources: {limits: {cpu: '4'}}}}",
            RESOURCES + "/limits/cpu", "4"),
        rule("the preset fills what the explicit resources leave out",
            "{vcluster: {preset: prod, resources: {limits: {cpu: '4'}}}}", RESOURCES + "/limits/memory", "2Gi"),
        rule("prod enables persistence", "{vcluster: {preset: prod}}",
            "/values/tree/controlPlane/statefulSet/persistence/volumeClaim/enabled", "true"),
        rule("a storage class goes under persistence.volumeClaim", "{vcluster: {persistence: {storageClass: nfs}}}",
            "/values/tree/controlPlane/statefulSet/persistence/volumeClaim/storageClass", "nfs"),
        rule("CoreDNS replicas follow the preset", "{vcluster: {preset: prod}}",
            "/values/tree/controlPlane/coredns/deployment/replicas", "2"),
        rule("the VIP is the subnet's network address plus 100", "{exposure: {subnet: 10.1.2.0/24}}",
            "/endpoint/vip", "10.1.2.100"),
        rule("a given VIP inside the subnet is kept", "{exposure: {subnet: 10.1.2.0/24, vip: 10.1.2.7}}",
            "/endpoint/vip", "10.1.2.7"),
        rule("no subnet and no VIP means no load-balancer IP", "{}",
            "/values/tree/controlPlane/service/spec/loadBalancerIP", NONE),
        rule("the VIP is an extra SAN", "{exposure: {subnet: 10.1.2.0/24}}",
            "/values/tree/controlPlane/proxy/extraSANs/1", "10.1.2.100"),
        rule("a port other than 443 adds an internal 443 port", "{exposure: {apiPort: 8443}}",
            "/values/tree/controlPlane/service/spec/ports/1/port", "443"),
        rule("the server URL carries the port", "{exposure: {apiPort: 8443}}",
            "/endpoint/serverUrl", "https://x.integratn.tech:8443"),
        rule("Helm overrides win over the base values",
            "{vcluster: {helmOverrides: {controlPlane: {statefulSet: {highAvailability: {replicas: 7}}}}}}", HA, "7"),
        rule("Helm overrides merge beside the base values",
            "{vcluster: {helmOverrides: {controlPlane: {statefulSet: {labels: {a: b}}}}}}", HA, "1"),
        rule("the backing store goes under controlPlane", "{vcluster: {backingStore: {etcd: {deploy: {enabled: true}}}}}",
            "/values/tree/controlPlane/backingStore/etcd/deploy/enabled", "true"),
        rule("exportKubeConfig keeps the user's keys beside the server",
            "{vcluster: {exportKubeConfig: {context: ctx}}}", "/values/tree/exportKubeConfig/server",
            "https://x.integratn.tech:443"),
        rule("no podDisruptionBudget before chart 0.31.0", "{}", PDB, NONE),
        rule("podDisruptionBudget from chart 0.31.0", "{argocdApplication: {targetRevision: 0.31.0}}",
            PDB + "/minAvailable", "1"),
        rule("a leading v counts in chart versions", "{argocdApplication: {targetRevision: v0.33.1}}",
            PDB + "/enabled", "true"),
        rule("the chart version defaults to the platform's", "{}", "/application/targetRevision", "0.30.4"),
        rule("the base-domain annotation makes the hostname", "{}", "/endpoint/hostname", "x.example.net",
            Map.of(Defaults.ANNOTATION_BASE_DOMAIN, "example.net")),
        rule("an explicit hostname beats the base domain", "{exposure: {hostname: api.example.com}}",
            "/endpoint/hostname", "api.example.com"),
        rule("the reconcile-at annotation's digits name a new sync Job", "{}",
            "/names/kubeconfigSyncJob", "vcluster-x-kubeconfig-sync-20261126",
            Map.of(Defaults.ANNOTATION_RECONCILE_AT, "2026-11-26")),
        rule("the prod preset's environment is production", "{vcluster: {preset: prod}}",
            "/registration/labels/environment", "production"),
        rule("user cluster labels win over the base labels",
            "{integrations: {argocd: {clusterLabels: {enable_argocd: 'false'}}}}",
            "/registration/labels/enable_argocd", "false"),
        rule("the workload repository falls back field by field",
            "{integrations: {argocd: {workloadRepo: {revision: dev}}}}",
            "/registration/annotations/workload_repo_path", "workloads"),
        rule("the target namespace defaults to the vcluster's own, never the request's",
            "{}", "/names/targetNamespace", "vcluster-x"),
        rule("selector labels given replace the platform's whole",
            "{integrations: {certManager: {clusterIssuerSelectorLabels: {k: v}}}}",
            "/values/tree/integrations/certManager/sync/fromHost/clusterIssuers/selector/labels/k", "v"));
  }

  private static Arguments rule(String rule, String spec, String pointer, String expected) {
    return rule(rule, spec, pointer, expected, Map.of());
  }

  private static Arguments rule(String rule, String spec, String pointer, String expected,
      Map<String, String> annotations) {
    return Arguments.of(rule, spec, pointer, expected, annotations);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  @SuppressWarnings("unchecked")
  void holds(String rule, String spec, String pointer, String expected,
      Map<String, String> annotations) throws IOException {
    Map<String, Object> specMap = new java.util.LinkedHashMap<>(YAML.readValue(spec, Map.class));
    specMap.put("name", "x");
    Request request = new Request(PromiseKind.VCLUSTER_ORCHESTRATOR, Map.of(
        "metadata", Map.of("name", "x", "namespace", "requests", "annotations", annotations),
        "spec", specMap));
    OrchestratorModel resolved = OrchestratorResolver.settle(request,
        new Identity("requests", "x", ""), SpecBinder.bind(request, OrchestratorSpec.class),
        SettingsReader.defaults());

    JsonNode found = JSON.valueToTree(resolved).at(pointer);
    assertThat(found.isMissingNode() || found.isNull() ? NONE : found.asText()).as(rule)
        .isEqualTo(expected);
  }
}

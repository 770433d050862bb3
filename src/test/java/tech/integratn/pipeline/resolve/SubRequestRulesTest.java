package tech.integratn.pipeline.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertRefused;

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
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.settings.SettingsReader;

/**
 * The sub-request kinds' resolving rules, one case each: the rule, the kind, the request's spec,
 * where to look in the template model (or the status, under {@code /status}) and what must be
 * there. A failure names the rule.
 */
class SubRequestRulesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NONE = "<absent>";

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("a core's values text is empty when none is given", PromiseKind.VCLUSTER_CORE,
            "{name: x, targetNamespace: t}", "/model/valuesYaml", ""),
        rule("a core's namespace is privileged for the vcluster's pods", PromiseKind.VCLUSTER_CORE,
            "{name: x, targetNamespace: t}",
            "/model/namespaceLabels/pod-security.kubernetes.io~1enforce", "privileged"),
        rule("a core made by hand names its own promise", PromiseKind.VCLUSTER_CORE,
            "{name: x, targetNamespace: t}", "/model/namespaceLabels/kratix.io~1promise-name",
            "vcluster-core"),
        rule("CoreDNS serves cluster.local by default", PromiseKind.VCLUSTER_COREDNS,
            "{name: x, targetNamespace: t}", "/model/corefile", "~cluster.local"),
        rule("CoreDNS serves the given cluster domain", PromiseKind.VCLUSTER_COREDNS,
            "{name: x, targetNamespace: t, clusterDomain: corp.internal}", "/model/corefile",
            "~corp.internal"),
        rule("the sync Job's server URL comes from the hostname and port",
            PromiseKind.VCLUSTER_KUBECONFIG_SYNC, "{name: x, targetNamespace: t, hostname: x.example.com, apiPort: 8443}",
            "/model/cluster/serverUrl", "https://x.example.com:8443"),
        rule("a given server URL wins", PromiseKind.VCLUSTER_KUBECONFIG_SYNC,
            "{name: x, targetNamespace: t, hostname: x.example.com, serverUrl: https://api.example.com}",
            "/model/cluster/serverUrl", "https://api.example.com"),
        rule("the sync Job's name prefix keeps room for its hash", PromiseKind.VCLUSTER_KUBECONFIG_SYNC,
            "{name: x, targetNamespace: t, kubeconfigSyncJobName: " + "j".repeat(70) + "}",
            "/model/job/namePrefix", "j".repeat(KubeconfigSyncResolver.JOB_PREFIX_LENGTH)),
        rule("the sync Job runs this image unless the platform names one",
            PromiseKind.VCLUSTER_KUBECONFIG_SYNC, "{name: x, targetNamespace: t}", "/model/job/image",
            "~vcluster-pipeline"),
        rule("the 1Password item defaults to the vcluster's", PromiseKind.VCLUSTER_KUBECONFIG_EXTERNAL_SECRET,
            "{name: x, targetNamespace: t}", "/model/kubeconfig/item", "vcluster-x-kubeconfig"),
        rule("a given 1Password item wins", PromiseKind.VCLUSTER_KUBECONFIG_EXTERNAL_SECRET,
            "{name: x, targetNamespace: t, onepasswordItem: mine}", "/model/kubeconfig/item", "mine"),
        rule("a cluster registration lands in Argo CD's namespace", PromiseKind.VCLUSTER_ARGOCD_CLUSTER_REGISTRATION,
            "{name: x}", "/model/argocdNamespace", "argocd"),
        rule("Argo CD's cluster label is always there", PromiseKind.VCLUSTER_ARGOCD_CLUSTER_REGISTRATION,
            "{name: x}", "/model/labels/argocd.argoproj.io~1secret-type", "cluster"),
        rule("a project lands in Argo CD's namespace by default", PromiseKind.ARGOCD_PROJECT,
            "{name: p}", "/model/namespace", "argocd"),
        rule("a project without source repos has none", PromiseKind.ARGOCD_PROJECT,
            "{name: p}", "/model/sourceRepos", "[]"),
        rule("an application's project defaults to default", PromiseKind.ARGOCD_APPLICATION,
            "{name: a}", "/model/project", "default"),
        rule("an application without labels writes none", PromiseKind.ARGOCD_APPLICATION,
            "{name: a, labels: {}}", "/model/labels", NONE),
        rule("an application without a source writes an empty release name", PromiseKind.ARGOCD_APPLICATION,
            "{name: a}", "/model/source/helm/releaseName", ""),
        rule("the status names the files rendered", PromiseKind.ARGOCD_APPLICATION,
            "{name: a}", "/status/files/0", "argocd-application.yaml"));
  }

  private static Arguments rule(String rule, PromiseKind kind, String spec, String pointer,
      String expected) {
    return Arguments.of(rule, kind, spec, pointer, expected);
  }

  /** {@code expected} starting with {@code ~}: the value contains the rest. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, PromiseKind kind, String spec, String pointer, String expected)
      throws IOException {
    Request request = request(kind, spec);
    Resolution resolution = Resolvers.resolve(request, identity(request),
        SettingsReader.defaults());
    JsonNode found = JSON.valueToTree(Map.of("model", resolution.model(),
        "status", resolution.status())).at(pointer);
    String text = found.isMissingNode() || found.isNull() ? NONE
        : found.isContainerNode() ? found.toString() : found.asText();
    if (expected.startsWith("~")) {
      assertThat(text).as(rule).contains(expected.substring(1));
    } else {
      assertThat(text).as(rule).isEqualTo(expected);
    }
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("a registration may not rename Argo CD's cluster",
            "{name: x, labels: {cluster_name: other}}", "spec.labels"),
        Arguments.of("a registration may not change who manages it",
            "{name: x, annotations: {managed-by: someone}}", "spec.annotations"),
        Arguments.of("a registration may not redirect the platform's addons repository",
            "{name: x, annotations: {addons_repo_url: 'https://git.example.com/mine'}}",
            "spec.annotations.addons_repo_url"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refuses(String rule, String spec, String path) throws IOException {
    Request request = request(PromiseKind.VCLUSTER_ARGOCD_CLUSTER_REGISTRATION, spec);
    assertRefused(rule, () -> Resolvers.resolve(request, identity(request),
        SettingsReader.defaults()), ExitCode.INVALID_INPUT, path);
  }

  /** The resolvers' rules, on an unprefixed identity (the request policy has its own table). */
  private static Identity identity(Request request) {
    return new Identity(request.namespace(), String.valueOf(request.spec().get("name")), "");
  }

  @SuppressWarnings("unchecked")
  private static Request request(PromiseKind kind, String spec) throws IOException {
    return new Request(kind, Map.of("metadata", Map.of("name", "r", "namespace", "requests"),
        "spec", YAML.readValue(spec, Map.class)));
  }
}

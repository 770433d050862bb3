package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertExited;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * A request's author is a tenant: each way a request could reach past its own vcluster, tried
 * through the whole program with the default settings, is refused with exit 3, the field named
 * and nothing written (docs/safety.md, "Threat model").
 */
class TenantEscalationTest {
  private static final String HEAD = "apiVersion: platform.integratn.tech/v1alpha1\n";

  @TempDir Path work;

  static Stream<Arguments> escalations() {
    return Stream.of(
        escalation("own kube-system", orchestrator("  targetNamespace: kube-system\n"),
            "spec.targetNamespace"),
        escalation("own Argo CD's namespace", orchestrator("  targetNamespace: argocd\n"),
            "spec.targetNamespace"),
        escalation("own the request namespace",
            orchestrator("  targetNamespace: platform-requests\n"), "spec.targetNamespace"),
        escalation("take another vcluster's namespace",
            orchestrator("  targetNamespace: vcluster-billing\n"), "spec.targetNamespace"),
        escalation("overwrite Argo CD's default project", orchestrator("  projectName: default\n"),
            "spec.projectName"),
        escalation("point another service's hostname here",
            orchestrator("  exposure: {hostname: grafana.integratn.tech}\n"),
            "spec.exposure.hostname"),
        escalation("choose another base domain", HEAD + "kind: VClusterOrchestrator\n"
            + "metadata: {name: pay, namespace: platform-requests, annotations: "
            + "{platform.integratn.tech/base-domain: bank.example.com}}\nspec:\n  name: pay\n",
            "metadata.annotations[platform.integratn.tech/base-domain]"),
        escalation("deploy host manifests", helm("experimental: {deploy: {host: {manifests: "
            + "\"kind: ClusterRoleBinding\\nroleRef: {name: cluster-admin}\"}}}"),
            "spec.vcluster.helmOverrides.experimental.deploy.host.manifests"),
        escalation("template host manifests", helm("experimental: {deploy: {host: "
            + "{manifestsTemplate: x}}}"),
            "spec.vcluster.helmOverrides.experimental.deploy.host.manifestsTemplate"),
        escalation("read every Secret", helm("rbac: {clusterRole: {extraRules: [{apiGroups: [''], "
            + "resources: [secrets], verbs: [get, list]}]}}"),
            "spec.vcluster.helmOverrides.rbac.clusterRole.extraRules"),
        escalation("map Argo CD's Secrets in", helm("sync: {fromHost: {secrets: {mappings: "
            + "{byName: {'argocd/*': 'default/*'}}}}}"),
            "spec.vcluster.helmOverrides.sync.fromHost.secrets.mappings"),
        escalation("map kube-system's ConfigMaps in", helm("sync: {fromHost: {configMaps: "
            + "{enabled: true, mappings: {byName: {'kube-system/*': 'default/*'}}}}}"),
            "spec.vcluster.helmOverrides.sync.fromHost.configMaps"),
        escalation("run the control plane privileged", helm("controlPlane: {statefulSet: "
            + "{security: {containerSecurityContext: {privileged: true, runAsUser: 0}}}}"),
            "spec.vcluster.helmOverrides.controlPlane.statefulSet.security"),
        escalation("mount the host's root", helm("controlPlane: {statefulSet: {persistence: "
            + "{addVolumes: [{name: root, hostPath: {path: /}}]}}}"),
            "spec.vcluster.helmOverrides.controlPlane.statefulSet.persistence.addVolumes"),
        escalation("map host paths", helm("controlPlane: {hostPathMapper: {enabled: true}}"),
            "spec.vcluster.helmOverrides.controlPlane.hostPathMapper"),
        escalation("run another image", helm("controlPlane: {statefulSet: {image: "
            + "{registry: evil.example.com}}}"),
            "spec.vcluster.helmOverrides.controlPlane.statefulSet.image.registry"),
        escalation("install any chart", orchestrator("  argocdApplication: {repoURL: "
            + "'https://charts.evil.example.com', chart: rootkit}\n"),
            "spec.argocdApplication.repoURL"),
        escalation("overwrite the platform's Connect item", HEAD
            + "kind: VClusterKubeconfigSync\nmetadata: {name: pay, namespace: platform-requests}\n"
            + "spec: {name: pay, targetNamespace: vcluster-pay, "
            + "onepasswordItem: onepassword-access-token}\n", "spec.onepasswordItem"),
        escalation("register the host as the vcluster", HEAD + "kind: VClusterKubeconfigSync\n"
            + "metadata: {name: pay, namespace: platform-requests}\nspec: {name: pay, "
            + "targetNamespace: vcluster-pay, hostname: pay.integratn.tech, "
            + "serverUrl: 'https://kubernetes.default.svc'}\n", "spec.serverUrl"),
        escalation("read another tenant's kubeconfig", HEAD
            + "kind: VClusterKubeconfigExternalSecret\n"
            + "metadata: {name: pay, namespace: platform-requests}\nspec: {name: pay, "
            + "targetNamespace: vcluster-pay, onepasswordItem: vcluster-billing-kubeconfig}\n",
            "spec.onepasswordItem"),
        escalation("redirect the platform's addons into its cluster",
            orchestrator("  integrations: {argocd: {clusterAnnotations: "
                + "{addons_repo_url: 'https://git.example.com/mine'}}}\n"),
            "spec.integrations.argocd.clusterAnnotations.addons_repo_url"),
        escalation("take a platform service's hostname by its name", HEAD
            + "kind: VClusterOrchestrator\nmetadata: {name: argocd, namespace: platform-requests}\n"
            + "spec:\n  name: argocd\n", "spec.name"),
        escalation("take the Connect server's hostname, and with it every Job's token", HEAD
            + "kind: VClusterOrchestrator\nmetadata: {name: connect, namespace: platform-requests}\n"
            + "spec:\n  name: connect\n", "spec.name"),
        escalation("deploy into another vcluster", orchestrator("  argocdApplication: "
            + "{destinationServer: 'https://billing.integratn.tech:443'}\n"),
            "spec.argocdApplication.destinationServer"),
        escalation("let the chart move under the platform", orchestrator("  argocdApplication: "
            + "{targetRevision: '>=0.0.0'}\n"), "spec.argocdApplication.targetRevision"),
        escalation("sync PriorityClasses to the host", helm("sync: {toHost: {priorityClasses: "
            + "{enabled: true}}}"), "spec.vcluster.helmOverrides.sync.toHost.priorityClasses"),
        escalation("pass as the host cluster to the ApplicationSets",
            orchestrator("  integrations: {argocd: {clusterLabels: {cluster_role: host}}}\n"),
            "spec.integrations.argocd.clusterLabels.cluster_role"),
        escalation("register as the host cluster directly", HEAD
            + "kind: VClusterArgoCDClusterRegistration\nmetadata: {name: pay, namespace: "
            + "platform-requests}\nspec: {name: pay, labels: {cluster_role: host}}\n",
            "spec.labels.cluster_role"),
        escalation("carry host manifests in a VClusterCore's values", HEAD
            + "kind: VClusterCore\nmetadata: {name: pay, namespace: platform-requests}\n"
            + "spec: {name: pay, targetNamespace: vcluster-pay, valuesYaml: \"experimental: "
            + "{deploy: {host: {manifests: x}}}\"}\n",
            "spec.valuesYaml.experimental.deploy.host.manifests"),
        escalation("name any cluster in a project", HEAD + "kind: ArgoCDProject\n"
            + "metadata: {name: vcluster-pay, namespace: platform-requests}\nspec: {name: "
            + "vcluster-pay, destinations: [{name: '*', namespace: vcluster-pay}]}\n",
            "spec.destinations[0].name"),
        escalation("point platform names here in one comma list", helm("controlPlane: {service: "
            + "{annotations: {'external-dns.alpha.kubernetes.io/hostname': "
            + "'vault.integratn.tech,x.pay.integratn.tech'}}}"),
            "spec.vcluster.helmOverrides.controlPlane.service.annotations"),
        escalation("leave the platform's selector out of an Application's values", HEAD
            + "kind: ArgoCDApplication\nmetadata: {name: vcluster-pay, namespace: platform-requests}\n"
            + "spec: {name: vcluster-pay, project: vcluster-pay, source: {repoURL: "
            + "'https://charts.loft.sh', chart: vcluster, targetRevision: 0.30.4, helm: "
            + "{valuesObject: {integrations: {externalSecrets: {enabled: true, sync: {fromHost: "
            + "{clusterStores: {enabled: true}}}}}}}}, destination: {server: "
            + "'https://kubernetes.default.svc', namespace: vcluster-pay}}\n",
            "spec.source.helm.valuesObject.integrations.externalSecrets.sync.fromHost"
                + ".clusterStores.selector.matchLabels"),
        escalation("let the kubeconfig choose the registered server", HEAD
            + "kind: VClusterKubeconfigSync\nmetadata: {name: pay, namespace: platform-requests}\n"
            + "spec: {name: pay, targetNamespace: vcluster-pay}\n", "spec.hostname"),
        escalation("ask from an unlisted namespace", HEAD + "kind: VClusterOrchestrator\n"
            + "metadata: {name: pay, namespace: team-b}\nspec:\n  name: pay\n",
            "metadata.namespace"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escalations")
  void isRefused(String escalation, String request, String field) throws IOException {
    Cli result = render(request, null);
    assertThat(assertExited(escalation + ": " + result.err(), result,
        ExitCode.INVALID_INPUT, field)).doesNotContain("Exception", "\tat ");
    assertThat(Fixtures.files(work.resolve("out"))).as(escalation).isEmpty();
    assertThat(Fixtures.files(work.resolve("meta"))).as(escalation).isEmpty();
  }

  /** A settings file that opens one capability lets exactly that through. */
  @Test
  void aCapabilityTheSettingsOpenPassesAndNothingElse() throws IOException {
    Path settings = Files.writeString(work.resolve("settings.yaml"), "requestPolicy:\n"
        + "  helmValues:\n    alsoAllow: [experimental.deploy.vcluster.manifests]\n");
    String manifests = "experimental: {deploy: {vcluster: {manifests: \"kind: ConfigMap\"}}}";
    assertThat(render(helm(manifests), settings).exitCode()).isZero();
    Cli more = render(helm("experimental: {deploy: {host: {manifests: \"kind: ConfigMap\"}}}"),
        settings);
    assertExited("a capability the settings open passes and nothing else", more,
        ExitCode.INVALID_INPUT, "experimental.deploy.host.manifests");
  }

  /** Two requests named payments in two request namespaces share no name at all. */
  @Test
  void oneNameInTwoNamespacesIsTwoVclusters() throws IOException {
    Path settings = Files.writeString(work.resolve("settings.yaml"), "requestPolicy:\n"
        + "  requestNamespaces:\n    - {namespace: platform-requests, prefix: ''}\n"
        + "    - {namespace: team-b, prefix: team-b}\n");
    String home = rendered(HEAD + "kind: VCluster\nmetadata: {name: payments, "
        + "namespace: platform-requests}\nspec:\n  name: payments\n", settings, "home");
    String team = rendered(HEAD + "kind: VCluster\nmetadata: {name: payments, namespace: team-b}\n"
        + "spec:\n  name: payments\n", settings, "team");
    // The item, the hostname, the vcluster namespace, the Argo CD cluster and project: the
    // names inside the vcluster's own namespace may repeat, the namespace being another.
    for (String shared : List.of("key: vcluster-payments-kubeconfig\n",
        "value: vcluster-payments-kubeconfig\n", " payments.integratn.tech",
        "namespace: vcluster-payments\n", "name: vcluster-payments\n",
        " cluster_name: payments\n")) {
      assertThat(home).as("the home request").contains(shared);
      assertThat(team).as("the other team's request").doesNotContain(shared);
    }
    assertThat(team).contains("key: vcluster-team-b-payments-kubeconfig\n",
        " team-b-payments.integratn.tech", "namespace: vcluster-team-b-payments\n",
        " cluster_name: team-b-payments\n");
  }

  /** Every file a direct render wrote, one after the other. */
  private String rendered(String request, Path settings, String run) throws IOException {
    Path out = work.resolve(run);
    Cli result = Cli.run("--input", Files.writeString(work.resolve(run + ".yaml"), request)
        .toString(), "--output", out.toString(), "--metadata", work.resolve(run + "-meta")
        .toString(), "--settings", settings.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> texts = new ArrayList<>();
    for (Path file : Fixtures.files(out)) {
      texts.add(Files.readString(out.resolve(file)));
    }
    return String.join("\n", texts);
  }

  private Cli render(String request, Path settings) throws IOException {
    Path input = Files.writeString(work.resolve("object.yaml"), request);
    List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output",
        work.resolve("out").toString(), "--metadata", work.resolve("meta").toString()));
    if (settings != null) {
      args.addAll(List.of("--settings", settings.toString()));
    }
    return Cli.run(args.toArray(String[]::new));
  }

  private static String orchestrator(String spec) {
    return HEAD + "kind: VClusterOrchestrator\nmetadata: {name: pay, namespace: platform-requests}\n"
        + "spec:\n  name: pay\n" + spec;
  }

  private static String helm(String overrides) {
    return orchestrator("  vcluster:\n    helmOverrides: {" + overrides + "}\n");
  }

  private static Arguments escalation(String what, String request, String field) {
    return Arguments.of(what, request, field);
  }
}

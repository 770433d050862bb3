package tech.integratn.pipeline.resolve;

import static tech.integratn.pipeline.resolve.Defaults.or;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.PromiseKind;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.SubRequestSpecs;
import tech.integratn.pipeline.settings.PlatformSettings;

/** Defaults and derived names of a VClusterKubeconfigSync, and its Job's scripts. */
public final class KubeconfigSyncResolver {

  /** Template model of the sync Job and its RBAC. */
  public record KubeconfigSync(
      String name,
      String targetNamespace,
      String jobName,
      String onepasswordItem,
      String hostname,
      String apiPort,
      String serverUrl,
      String connectHost,
      String tokenSecret,
      String serviceAccount,
      String role,
      String kubeconfigSecret,
      List<String> initCommand,
      List<String> syncCommand) {}

  private KubeconfigSyncResolver() {}

  public static Resolution resolve(Request request, SubRequestSpecs.KubeconfigSync spec,
      PlatformSettings platform) {
    String name = spec.name();
    int apiPort = or(spec.apiPort(), Defaults.API_PORT);
    String hostname = or(spec.hostname(), "");
    String serverUrl = or(spec.serverUrl(),
        hostname.isEmpty() ? "" : Names.serverUrl(hostname, apiPort));
    Map<String, String> initVariables = new LinkedHashMap<>();
    initVariables.put("NAMESPACE", spec.targetNamespace());
    initVariables.put("SECRET_NAME", Names.vclusterKubeconfigSecret(name));

    KubeconfigSync model = new KubeconfigSync(
        name,
        spec.targetNamespace(),
        or(spec.kubeconfigSyncJobName(), Names.kubeconfigSyncJob(name, "")),
        or(spec.onepasswordItem(), Names.onepasswordItem(name)),
        hostname,
        String.valueOf(apiPort),
        serverUrl,
        platform.onepassword().connectHost(),
        Names.onepasswordTokenSecret(name),
        Names.kubeconfigSyncAccount(name),
        Names.kubeconfigReaderRole(name),
        Names.vclusterKubeconfigSecret(name),
        List.of("/bin/bash", "-c", JobScripts.withVariables(initVariables,
            JobScripts.read(JobScripts.WAIT_FOR_KUBECONFIG))),
        List.of("/bin/sh", "-c", JobScripts.read(JobScripts.SYNC_TO_ONEPASSWORD)));
    return new Resolution(model, SubRequestStatus.of(
        PromiseKind.VCLUSTER_KUBECONFIG_SYNC, name, spec.targetNamespace()));
  }
}

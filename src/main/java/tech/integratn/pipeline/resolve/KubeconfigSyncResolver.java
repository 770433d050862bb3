package tech.integratn.pipeline.resolve;

import static tech.integratn.pipeline.resolve.Defaults.or;

import tech.integratn.pipeline.admit.Identity;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.SubRequestSpecs;
import tech.integratn.pipeline.settings.BuildInfo;
import tech.integratn.pipeline.settings.PlatformSettings;

/** Defaults and derived names of a VClusterKubeconfigSync's Job. */
public final class KubeconfigSyncResolver {
  /**
   * The Job's name is this prefix, a dash and a short hash of its pod template, which Kubernetes
   * never lets change in place: 54 + 1 + 8 keeps it a 63-character label value.
   */
  static final int JOB_PREFIX_LENGTH = 54;

  /** Template model of the sync Job and the ExternalSecret of its 1Password Connect token. */
  public record KubeconfigSyncModel(String name, String targetNamespace, Job job,
      Connect connect, Cluster cluster, ExternalSecrets externalSecrets) {}

  /**
   * The Job: its name before the pod template's hash, its image, and whether it adopts the
   * unmarked items the bash pipeline made (docs/operating.md, "Switching over").
   */
  public record Job(String namePrefix, String image, boolean adoptUnmarkedItems) {}

  /** 1Password Connect: its address, the Secret its token is read into, the item written. */
  public record Connect(String host, String tokenSecret, String item) {}

  /**
   * The vcluster whose kubeconfig is synced: its name to Argo CD and the addons (the identity's
   * base), its API's URL, and the Secret the vcluster writes its kubeconfig to.
   */
  public record Cluster(String name, String serverUrl, String kubeconfigSecret) {}

  private KubeconfigSyncResolver() {}

  public static Resolution resolve(Request request, Identity identity,
      SubRequestSpecs.KubeconfigSyncSpec spec, PlatformSettings platform) {
    String name = spec.name();
    int apiPort = or(spec.apiPort(), Defaults.API_PORT);
    String hostname = or(spec.hostname(), "");
    String serverUrl = or(spec.serverUrl(),
        hostname.isEmpty() ? "" : Names.serverUrl(hostname, apiPort));
    String image = platform.images().kubeconfigSync();
    KubeconfigSyncModel model = new KubeconfigSyncModel(name, spec.targetNamespace(),
        new Job(prefix(or(spec.kubeconfigSyncJobName(), Names.kubeconfigSyncJob(name, ""))),
            image.isEmpty() ? BuildInfo.image() : image, platform.onepassword().adopt()),
        new Connect(platform.onepassword().connectHost(), Names.onepasswordTokenSecret(name),
            or(spec.onepasswordItem(), identity.onepasswordItem())),
        new Cluster(identity.base(), serverUrl, Names.vclusterKubeconfigSecret(name)),
        ExternalSecrets.of(platform));
    return new Resolution(model, SubRequestStatus.of(request.kind(), name, spec.targetNamespace()));
  }

  private static String prefix(String jobName) {
    if (jobName.length() <= JOB_PREFIX_LENGTH) {
      return jobName;
    }
    return jobName.substring(0, JOB_PREFIX_LENGTH).replaceAll("-+$", "");
  }
}

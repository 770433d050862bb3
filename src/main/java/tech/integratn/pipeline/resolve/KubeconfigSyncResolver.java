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
  public record KubeconfigSyncModel(
      String name,
      String targetNamespace,
      String jobNamePrefix,
      String onepasswordItem,
      String serverUrl,
      String connectHost,
      String tokenSecret,
      String kubeconfigSecret,
      String image,
      String clusterName,
      boolean adoptUnmarkedItems) {}

  private KubeconfigSyncResolver() {}

  public static Resolution resolve(Request request, Identity identity,
      SubRequestSpecs.KubeconfigSyncSpec spec, PlatformSettings platform) {
    String name = spec.name();
    int apiPort = or(spec.apiPort(), Defaults.API_PORT);
    String hostname = or(spec.hostname(), "");
    String serverUrl = or(spec.serverUrl(),
        hostname.isEmpty() ? "" : Names.serverUrl(hostname, apiPort));
    String image = platform.images().kubeconfigSync();
    KubeconfigSyncModel model = new KubeconfigSyncModel(
        name,
        spec.targetNamespace(),
        prefix(or(spec.kubeconfigSyncJobName(), Names.kubeconfigSyncJob(name, ""))),
        or(spec.onepasswordItem(), identity.onepasswordItem()),
        serverUrl,
        platform.onepassword().connectHost(),
        Names.onepasswordTokenSecret(name),
        Names.vclusterKubeconfigSecret(name),
        image.isEmpty() ? BuildInfo.image() : image,
        identity.base(),
        platform.onepassword().adopt());
    return new Resolution(model, SubRequestStatus.of(request.kind(), name, spec.targetNamespace()));
  }

  private static String prefix(String jobName) {
    if (jobName.length() <= JOB_PREFIX_LENGTH) {
      return jobName;
    }
    return jobName.substring(0, JOB_PREFIX_LENGTH).replaceAll("-+$", "");
  }
}

package tech.integratn.pipeline.resolve;

/** Names derived from the vcluster name, shared by the orchestrator and the sub-requests. */
public final class Names {
  private Names() {}

  /** The request policy's rule (admit/), so the two stages can never disagree on a name. */
  public static boolean isDnsName(String text) {
    return tech.integratn.pipeline.admit.Admission.isDnsName(text);
  }

  public static String onepasswordItem(String name) {
    return "vcluster-" + name + "-kubeconfig";
  }

  /** The sync Job name; a reconcile token makes a new Job, so the sync runs again. */
  public static String kubeconfigSyncJob(String name, String token) {
    return "vcluster-" + name + "-kubeconfig-sync" + (token.isEmpty() ? "" : "-" + token);
  }

  public static String argocdApplication(String name) {
    return "vcluster-" + name;
  }

  public static String argocdProject(String name) {
    return "vcluster-" + name;
  }

  /** The ExternalSecret that makes Argo CD's cluster Secret, and that Secret. */
  public static String argocdClusterExternalSecret(String name) {
    return "vcluster-" + name + "-argocd-cluster";
  }

  public static String argocdClusterSecret(String name) {
    return "vcluster-" + name;
  }

  public static String kubeconfigExternalSecret(String name) {
    return "vcluster-" + name + "-kubeconfig";
  }

  public static String kubeconfigSecret(String name) {
    return "vcluster-" + name + "-kubeconfig-external";
  }

  /** The Secret vcluster writes its kubeconfig to. */
  public static String vclusterKubeconfigSecret(String name) {
    return "vc-" + name;
  }

  public static String onepasswordTokenSecret(String name) {
    return "vcluster-" + name + "-onepassword-token";
  }

  public static String serverUrl(String hostname, int apiPort) {
    return "https://" + hostname + ":" + apiPort;
  }
}

package tech.integratn.pipeline.resolve;

/** Names derived from the vcluster name, shared by the orchestrator and the sub-requests. */
public final class Names {
  /** A lowercase DNS name (RFC 1123 subdomain): labels of at most 63, at most 253 in all. */
  private static final java.util.regex.Pattern DNS_NAME = java.util.regex.Pattern.compile(
      "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

  private Names() {}

  public static boolean isDnsName(String text) {
    return text.length() <= 253 && DNS_NAME.matcher(text).matches();
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

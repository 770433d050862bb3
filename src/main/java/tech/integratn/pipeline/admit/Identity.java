package tech.integratn.pipeline.admit;

/**
 * Who a request is: the namespace it was made in, its name, and that namespace's prefix from
 * the request policy. Every name shared across the platform (the vcluster's namespace, the Argo CD
 * project, application and cluster, the 1Password item, the hostname) is made from {@link #base()},
 * which two different requests never share: Kubernetes keeps a name unique in its namespace, the
 * prefixes are distinct and none starts with another followed by "-", and an unprefixed request's
 * name never starts with a prefix followed by "-" (docs/safety.md, "Threat model").
 */
public record Identity(String requestNamespace, String name, String prefix) {
  private static final String VCLUSTER = "vcluster-";

  /**
   * An ArgoCDProject or ArgoCDApplication request named by {@code requestPolicy
   * .projectNamePattern} rather than {@code vcluster-<base>}: it has no base, and names nothing
   * derived.
   */
  static Identity patternNamed(String requestNamespace, String prefix) {
    return new Identity(requestNamespace, null, prefix);
  }

  /** False for a request named by the platform's pattern (see {@link #patternNamed}). */
  public boolean derived() {
    return name != null;
  }

  /** {@code <prefix>-<name>}, or the name alone in an unprefixed namespace (today's names). */
  public String base() {
    return prefix.isEmpty() ? name : prefix + "-" + name;
  }

  /** The vcluster's own namespace when the request names none. */
  public String targetNamespace() {
    return VCLUSTER + base();
  }

  public String project() {
    return VCLUSTER + base();
  }

  public String application() {
    return VCLUSTER + base();
  }

  /** The 1Password item the kubeconfig is kept in. */
  public String onepasswordItem() {
    return VCLUSTER + base() + "-kubeconfig";
  }

  /** The vcluster's name in Argo CD: its cluster Secret, and the name the Secret carries. */
  public String argocdCluster() {
    return VCLUSTER + base();
  }

  public String argocdClusterExternalSecret() {
    return VCLUSTER + base() + "-argocd-cluster";
  }

  /** The hostname a request gets when it names none. */
  public String hostname(String baseDomain) {
    return base() + "." + baseDomain;
  }

  /**
   * The name a derived shared name ({@code vcluster-<base>}) was made from in this namespace,
   * if {@code shared} is one: an ArgoCDProject or ArgoCDApplication request carries only that.
   */
  static java.util.Optional<String> nameOfShared(String shared, String prefix) {
    String head = VCLUSTER + (prefix.isEmpty() ? "" : prefix + "-");
    return shared.startsWith(head) && shared.length() > head.length()
        ? java.util.Optional.of(shared.substring(head.length())) : java.util.Optional.empty();
  }
}

package tech.integratn.pipeline.admit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.failure.PipelineException.Problem;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.Values;
import tech.integratn.pipeline.settings.PlatformSettings;

/**
 * The request policy: what the author of a request, a tenant, may ask for. It runs after the
 * request is read and before anything is resolved, for every kind, sub-requests included (a
 * tenant who can create one directly gains nothing): every name shared across the platform is
 * the request's own, every capability beyond its own vcluster is one the settings open. All of a
 * request's problems are refused together (exit 3), each with its field and the setting that
 * would allow it.
 */
public final class Admission {
  public static final String ANNOTATION_BASE_DOMAIN = OrchestratorAdmission.ANNOTATION_BASE_DOMAIN;

  private final PlatformSettings platform;
  private final NamePolicy names;

  private Admission(PlatformSettings platform) {
    this.platform = platform;
    this.names = new NamePolicy(platform);
  }

  /** A lowercase DNS name (RFC 1123): labels of at most 63, at most 253 in all. */
  public static boolean isDnsName(String text) {
    return NamePolicy.isDnsName(text);
  }

  /** The request's identity, once its namespace, name and every shared thing it names pass. */
  public static Identity admit(Request request, PlatformSettings platform) {
    return new Admission(platform).check(request);
  }

  /**
   * The problems of a whole vcluster chart values tree a request wrote (an ArgoCDApplication's
   * {@code valuesObject}), at {@code field}: a value outside {@code requestPolicy.helmValues} must
   * equal the {@code reference}, what the platform itself puts there; and, when the tree is
   * {@code installed}, none of the platform's values may be left out.
   */
  public static List<Problem> valueProblems(Map<String, Object> values, String field,
      Map<String, Object> reference, Identity identity, PlatformSettings platform,
      boolean installed) {
    NamePolicy names = new NamePolicy(platform);
    List<Problem> problems = new ArrayList<>();
    ValuePaths paths = ValuePaths.of(platform.requestPolicy());
    paths.check(values, List.of(), field, reference,
        hostname -> identity.derived()
            ? names.hostnameInAnyBase(hostname, identity) : names.openHostname(hostname),
        problems);
    if (installed) {
      paths.checkComplete(values, field, reference, problems);
    }
    return problems;
  }

  private Identity check(Request request) {
    List<Problem> problems = new ArrayList<>();
    Identity identity = identity(request, problems);
    if (identity != null) {
      Fields spec = new Fields(request.spec(), "spec");
      switch (request.kind()) {
        case VCLUSTER_ORCHESTRATOR, VCLUSTER -> new OrchestratorAdmission(platform, names)
            .check(request, spec, identity, problems);
        case VCLUSTER_CORE, VCLUSTER_COREDNS, VCLUSTER_KUBECONFIG_EXTERNAL_SECRET,
            VCLUSTER_KUBECONFIG_SYNC, VCLUSTER_ARGOCD_CLUSTER_REGISTRATION,
            ARGOCD_PROJECT, ARGOCD_APPLICATION -> new SubRequestAdmission(platform, names)
            .check(request.kind(), spec, identity, problems);
      }
    }
    refuse(problems);
    return identity;
  }

  private static void refuse(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw PipelineException.invalidFields(problems);
    }
  }

  /**
   * Namespace, name and prefix. The name is {@code spec.name}; it must equal
   * {@code metadata.name}, which Kubernetes keeps unique in a namespace, so two requests never
   * share one. An ArgoCDProject or ArgoCDApplication names itself {@code vcluster-<base>}; one
   * named by the platform's pattern instead has no base and only the pattern's rules apply.
   */
  private Identity identity(Request request, List<Problem> problems) {
    String namespace = request.namespace();
    Optional<PlatformSettings.RequestNamespace> entry = names.requestNamespace(namespace);
    if (entry.isEmpty()) {
      problems.add(new Problem("metadata.namespace", "found " + namespace + ", which is not a "
          + "request namespace of this platform: a request's shared names are made from its "
          + "namespace's prefix, and this one has none. Create the request in one of "
          + policyNamespaces() + ", or ask the platform team to add the namespace (with its own "
          + "prefix) to requestPolicy.requestNamespaces."));
      return null;
    }
    String prefix = entry.get().prefix();
    Object given = request.spec().get("name");
    String name = given instanceof String s ? s : "";
    if (!name.equals(request.name())) {
      problems.add(new Problem("spec.name", "found " + Values.describe(given) + " while "
          + "metadata.name is " + request.name() + ": every shared name (namespace, Argo CD "
          + "project, 1Password item, hostname) is made from spec.name, and only metadata.name "
          + "is kept unique by Kubernetes. Set spec.name to " + request.name() + "."));
      return null;
    }
    if (request.kind() == PromiseKind.ARGOCD_PROJECT
        || request.kind() == PromiseKind.ARGOCD_APPLICATION) {
      Optional<String> own = Identity.nameOfShared(name, prefix);
      if (own.isEmpty()) {
        return Identity.patternNamed(namespace, prefix);
      }
      name = own.get();
    }
    Optional<String> claimed = prefix.isEmpty() ? names.prefixClaimedBy(name) : Optional.empty();
    if (claimed.isPresent()) {
      problems.add(new Problem("spec.name", "found " + name + ", which starts with "
          + claimed.get() + "-, the prefix of another request namespace: its names would be "
          + "another team's. Choose a name that does not start with " + claimed.get() + "-."));
      return null;
    }
    Identity identity = new Identity(namespace, name, prefix);
    if (identity.targetNamespace().length() > 63) {
      problems.add(new Problem("spec.name", "found " + name + ", which makes the namespace "
          + identity.targetNamespace() + ", longer than Kubernetes' 63 characters. Choose a "
          + "name of at most " + (63 - identity.targetNamespace().length() + name.length())
          + " characters."));
      return null;
    }
    return identity;
  }

  private String policyNamespaces() {
    return String.join(", ", platform.requestPolicy().requestNamespaces().stream()
        .map(PlatformSettings.RequestNamespace::namespace).toList());
  }
}

package tech.integratn.pipeline.kind;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;

/**
 * The resource kinds this image serves, as plain data: the kind, its Kratix promise (also its
 * directory under {@code promises/} and its templates' under {@code templates/}), how it is
 * published, and the files it renders (one template each). The record a kind's spec binds to and
 * its resolver are bound in {@code resolve.Resolvers}, which the compiler keeps complete.
 */
public enum PromiseKind {
  VCLUSTER_ORCHESTRATOR("VClusterOrchestrator", "vcluster-orchestrator", Mode.COMPOUND, List.of(
      "vcluster-core-request.yaml",
      "vcluster-coredns-request.yaml",
      "argocd-project-request.yaml",
      "argocd-application-request.yaml",
      "vcluster-kubeconfig-sync-request.yaml",
      "vcluster-kubeconfig-external-secret-request.yaml",
      "vcluster-argocd-cluster-request.yaml")),
  /** The orchestrator's request, rendered directly: its templates, then each part's. */
  VCLUSTER("VCluster", "vcluster", Mode.DIRECT, VCLUSTER_ORCHESTRATOR),
  VCLUSTER_CORE("VClusterCore", "vcluster-core", Mode.COMPOUND,
      List.of("namespace.yaml", "helm-values.yaml")),
  VCLUSTER_COREDNS("VClusterCoredns", "vcluster-coredns", Mode.COMPOUND,
      List.of("coredns-configmap.yaml")),
  VCLUSTER_KUBECONFIG_SYNC("VClusterKubeconfigSync", "vcluster-kubeconfig-sync", Mode.COMPOUND,
      List.of("kubeconfig-sync-job.yaml")),
  VCLUSTER_KUBECONFIG_EXTERNAL_SECRET("VClusterKubeconfigExternalSecret",
      "vcluster-kubeconfig-external-secret", Mode.COMPOUND, List.of("external-secret.yaml")),
  VCLUSTER_ARGOCD_CLUSTER_REGISTRATION("VClusterArgoCDClusterRegistration",
      "vcluster-argocd-cluster-registration", Mode.COMPOUND, List.of("argocd-cluster-secret.yaml")),
  ARGOCD_PROJECT("ArgoCDProject", "argocd-project", Mode.COMPOUND, List.of("argocd-project.yaml")),
  ARGOCD_APPLICATION("ArgoCDApplication", "argocd-application", Mode.COMPOUND,
      List.of("argocd-application.yaml"));

  public static final String GROUP = "platform.integratn.tech";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private final String kind;
  private final String promise;
  private final Mode mode;
  private final List<String> outputFiles;
  /** The kind whose request schema, resolver, templates and files this one takes, or null. */
  private final PromiseKind like;

  PromiseKind(String kind, String promise, Mode mode, List<String> outputFiles) {
    this.kind = kind;
    this.promise = promise;
    this.mode = mode;
    this.outputFiles = outputFiles;
    this.like = null;
  }

  /** A kind that shares another's request schema, resolver, templates and files. */
  PromiseKind(String kind, String promise, Mode mode, PromiseKind like) {
    this.kind = kind;
    this.promise = promise;
    this.mode = mode;
    this.outputFiles = like.outputFiles;
    this.like = like;
  }

  /**
   * The kind whose CRD versions (the request schema) this kind's promise declares: its own, or
   * the one it is like, whose promise is then the only place that schema is written.
   */
  public PromiseKind requestSchemaOf() {
    return like == null ? this : like;
  }

  /**
   * The one place the mode is decided: the kind's own unless the command line asks for another
   * the kind allows ({@code requested} null: the kind's own).
   */
  public Mode mode(Mode requested) {
    if (requested == null || requested == mode) {
      return mode;
    }
    if (requested == Mode.DIRECT && !hasParts()) {
      throw new PipelineException(ExitCode.USAGE, "--mode direct renders a request's parts "
          + "itself, and " + article(kind) + " has none; leave --mode out for it.");
    }
    if (requested == Mode.COMPOUND && mode == Mode.DIRECT) {
      throw new PipelineException(ExitCode.USAGE, "Every " + kind + " is rendered "
          + "directly (its promise requires no others); use a VClusterOrchestrator for the "
          + "compound chain.");
    }
    return requested;
  }

  /** Whether a request of this kind is split into parts (sub-requests), so can be rendered directly. */
  public boolean hasParts() {
    return requestSchemaOf() == VCLUSTER_ORCHESTRATOR;
  }

  /** Whether this kind's promise publishes sub-requests for other promises (so runs on the platform). */
  public boolean publishesSubRequests() {
    return hasParts() && mode == Mode.COMPOUND;
  }

  /**
   * The mode that renders every part of a request as the part's own promise would (render
   * check's {@code --with-parts}): direct for a kind with parts, else the kind's own.
   */
  public Mode modeWithParts() {
    return hasParts() ? Mode.DIRECT : mode;
  }

  /**
   * Whether what this kind's promise publishes, from a render in {@code rendered} mode, is the
   * sub-requests that render made on the way (a compound kind rendered directly, so that its
   * parts are rendered too) rather than the files it rendered.
   */
  public boolean publishesSubRequestsOf(Mode rendered) {
    return rendered == Mode.DIRECT && publishesSubRequests();
  }

  /** What a request of this kind publishes in its own mode: direct mode's folders per part. */
  public List<String> publishedFiles() {
    if (mode == Mode.COMPOUND) {
      return outputFiles;
    }
    return Arrays.stream(values()).filter(k -> !k.hasParts())
        .flatMap(k -> k.outputFiles.stream().map(file -> k.promise + "/" + file)).toList();
  }

  /** The directory of this kind's templates under {@code templates/}. */
  public String templates() {
    return requestSchemaOf().promise;
  }

  public String kind() {
    return kind;
  }

  public String promise() {
    return promise;
  }

  /** The files this kind renders, in the order they are written and reported. */
  public List<String> outputFiles() {
    return outputFiles;
  }

  public static Optional<PromiseKind> byKind(String kind) {
    return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
  }

  public static String servedKinds() {
    return Arrays.stream(values()).map(PromiseKind::kind).collect(Collectors.joining(", "));
  }

  /** "an ArgoCDProject", "a VCluster". */
  private static String article(String noun) {
    return ("AEIOUaeiou".indexOf(noun.isEmpty() ? 'x' : noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }
}

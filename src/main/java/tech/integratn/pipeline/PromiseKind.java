package tech.integratn.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tech.integratn.pipeline.read.OrchestratorSpec;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.SpecBinder;
import tech.integratn.pipeline.read.SubRequestSpecs;
import tech.integratn.pipeline.resolve.KubeconfigSyncResolver;
import tech.integratn.pipeline.resolve.OrchestratorResolver;
import tech.integratn.pipeline.resolve.Resolution;
import tech.integratn.pipeline.resolve.Resolver;
import tech.integratn.pipeline.resolve.SubRequestResolvers;
import tech.integratn.pipeline.settings.PlatformSettings;

/**
 * The resource kinds this image serves, as one table: the kind, its Kratix promise (also its
 * directory under {@code promises/} and its templates' under {@code templates/}), the files it
 * renders (one template each), the record its spec binds to, and the resolver that settles it.
 * A new kind is one more row.
 */
public enum PromiseKind {
  VCLUSTER_ORCHESTRATOR("VClusterOrchestrator", "vcluster-orchestrator", Mode.COMPOUND, List.of(
      "vcluster-core-request.yaml",
      "vcluster-coredns-request.yaml",
      "argocd-project-request.yaml",
      "argocd-application-request.yaml",
      "vcluster-kubeconfig-sync-request.yaml",
      "vcluster-kubeconfig-external-secret-request.yaml",
      "vcluster-argocd-cluster-request.yaml"),
      Served.of(OrchestratorSpec.class, OrchestratorResolver::resolve)),
  /** The orchestrator's request, rendered directly: its templates, then each part's. */
  VCLUSTER("VCluster", "vcluster", Mode.DIRECT, VCLUSTER_ORCHESTRATOR),
  VCLUSTER_CORE("VClusterCore", "vcluster-core", Mode.COMPOUND, List.of("namespace.yaml", "helm-values.yaml"),
      Served.of(SubRequestSpecs.Core.class, SubRequestResolvers::core)),
  VCLUSTER_COREDNS("VClusterCoredns", "vcluster-coredns", Mode.COMPOUND, List.of("coredns-configmap.yaml"),
      Served.of(SubRequestSpecs.Coredns.class, SubRequestResolvers::coredns)),
  VCLUSTER_KUBECONFIG_SYNC("VClusterKubeconfigSync", "vcluster-kubeconfig-sync", Mode.COMPOUND,
      List.of("kubeconfig-sync-job.yaml"),
      Served.of(SubRequestSpecs.KubeconfigSync.class, KubeconfigSyncResolver::resolve)),
  VCLUSTER_KUBECONFIG_EXTERNAL_SECRET("VClusterKubeconfigExternalSecret",
      "vcluster-kubeconfig-external-secret", Mode.COMPOUND, List.of("external-secret.yaml"),
      Served.of(SubRequestSpecs.KubeconfigExternalSecret.class,
          SubRequestResolvers::kubeconfigExternalSecret)),
  VCLUSTER_ARGOCD_CLUSTER_REGISTRATION("VClusterArgoCDClusterRegistration",
      "vcluster-argocd-cluster-registration", Mode.COMPOUND, List.of("argocd-cluster-secret.yaml"),
      Served.of(SubRequestSpecs.ClusterRegistration.class, SubRequestResolvers::clusterRegistration)),
  ARGOCD_PROJECT("ArgoCDProject", "argocd-project", Mode.COMPOUND, List.of("argocd-project.yaml"),
      Served.of(SubRequestSpecs.Project.class, SubRequestResolvers::project)),
  ARGOCD_APPLICATION("ArgoCDApplication", "argocd-application", Mode.COMPOUND, List.of("argocd-application.yaml"),
      Served.of(SubRequestSpecs.Application.class, SubRequestResolvers::application));

  public static final String GROUP = "platform.integratn.tech";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private final String kind;
  private final String promise;
  private final List<String> outputFiles;

  private final Served<?> served;
  private final Mode mode;
  private final String templates;

  PromiseKind(String kind, String promise, Mode mode, List<String> outputFiles, Served<?> served) {
    this.kind = kind;
    this.promise = promise;
    this.mode = mode;
    this.templates = promise;
    this.outputFiles = outputFiles;
    this.served = served;
  }

  /** A kind that shares another's request schema, resolver and templates. */
  PromiseKind(String kind, String promise, Mode mode, PromiseKind like) {
    this.kind = kind;
    this.promise = promise;
    this.mode = mode;
    this.templates = like.templates;
    this.outputFiles = like.outputFiles;
    this.served = like.served;
  }

  /**
   * How a request is published: {@code COMPOUND} writes the orchestrator's sub-requests for
   * their own promises; {@code DIRECT} renders each of them here and writes their documents.
   */
  public enum Mode { COMPOUND, DIRECT }

  /** The mode a request of this kind gets when the command line names none. */
  public Mode defaultMode() {
    return mode;
  }

  /** Whether a request of this kind emits sub-requests (and so can be rendered directly). */
  public boolean emitsSubRequests() {
    return templates.equals(VCLUSTER_ORCHESTRATOR.templates);
  }

  /** What a request of this kind publishes in its default mode: direct mode's folders per part. */
  public List<String> publishedFiles() {
    if (mode == Mode.COMPOUND) {
      return outputFiles;
    }
    return Arrays.stream(values()).filter(k -> !k.emitsSubRequests())
        .flatMap(k -> k.outputFiles.stream().map(file -> k.promise + "/" + file)).toList();
  }

  /** The directory of this kind's templates under {@code templates/}. */
  public String templates() {
    return templates;
  }

  /** Binds the request's spec to this kind's record and resolves it. */
  public Resolution resolve(Request request, PlatformSettings platform) {
    return served.resolve(request, platform);
  }

  /** A kind's spec record and its resolver, typed together. */
  private record Served<S>(Class<S> spec, Resolver<S> resolver) {
    static <S> Served<S> of(Class<S> spec, Resolver<S> resolver) {
      return new Served<>(spec, resolver);
    }

    Resolution resolve(Request request, PlatformSettings platform) {
      return resolver.resolve(request, SpecBinder.bind(request, spec), platform);
    }
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
}

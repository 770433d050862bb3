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
  VCLUSTER_ORCHESTRATOR("VClusterOrchestrator", "vcluster-orchestrator", List.of(
      "vcluster-namespace.yaml",
      "vcluster-core-request.yaml",
      "vcluster-coredns-request.yaml",
      "argocd-project-request.yaml",
      "argocd-application-request.yaml",
      "vcluster-kubeconfig-sync-request.yaml",
      "vcluster-kubeconfig-external-secret-request.yaml",
      "vcluster-argocd-cluster-request.yaml"),
      Served.of(OrchestratorSpec.class, OrchestratorResolver::resolve)),
  VCLUSTER_CORE("VClusterCore", "vcluster-core", List.of("namespace.yaml", "helm-values.yaml"),
      Served.of(SubRequestSpecs.Core.class, SubRequestResolvers::core)),
  VCLUSTER_COREDNS("VClusterCoredns", "vcluster-coredns", List.of("coredns-configmap.yaml"),
      Served.of(SubRequestSpecs.Coredns.class, SubRequestResolvers::coredns)),
  VCLUSTER_KUBECONFIG_SYNC("VClusterKubeconfigSync", "vcluster-kubeconfig-sync",
      List.of("kubeconfig-sync-job.yaml"),
      Served.of(SubRequestSpecs.KubeconfigSync.class, KubeconfigSyncResolver::resolve)),
  VCLUSTER_KUBECONFIG_EXTERNAL_SECRET("VClusterKubeconfigExternalSecret",
      "vcluster-kubeconfig-external-secret", List.of("external-secret.yaml"),
      Served.of(SubRequestSpecs.KubeconfigExternalSecret.class,
          SubRequestResolvers::kubeconfigExternalSecret)),
  VCLUSTER_ARGOCD_CLUSTER_REGISTRATION("VClusterArgoCDClusterRegistration",
      "vcluster-argocd-cluster-registration", List.of("argocd-cluster-secret.yaml"),
      Served.of(SubRequestSpecs.ClusterRegistration.class, SubRequestResolvers::clusterRegistration)),
  ARGOCD_PROJECT("ArgoCDProject", "argocd-project", List.of("argocd-project.yaml"),
      Served.of(SubRequestSpecs.Project.class, SubRequestResolvers::project)),
  ARGOCD_APPLICATION("ArgoCDApplication", "argocd-application", List.of("argocd-application.yaml"),
      Served.of(SubRequestSpecs.Application.class, SubRequestResolvers::application));

  public static final String GROUP = "platform.integratn.tech";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private final String kind;
  private final String promise;
  private final List<String> outputFiles;

  private final Served<?> served;

  PromiseKind(String kind, String promise, List<String> outputFiles, Served<?> served) {
    this.kind = kind;
    this.promise = promise;
    this.outputFiles = outputFiles;
    this.served = served;
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

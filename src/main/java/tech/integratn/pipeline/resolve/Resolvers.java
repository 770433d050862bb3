package tech.integratn.pipeline.resolve;

import tech.integratn.pipeline.admit.Identity;
import tech.integratn.pipeline.read.OrchestratorSpec;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.SpecBinder;
import tech.integratn.pipeline.read.SubRequestSpecs;
import tech.integratn.pipeline.settings.PlatformSettings;

/**
 * Each kind's spec record and resolver. A switch over every kind without a default: a kind added
 * to {@code PromiseKind} does not compile until it is bound here.
 */
public final class Resolvers {
  private Resolvers() {}

  /** Binds the admitted request's spec to its kind's record and resolves it. */
  public static Resolution resolve(Request request, Identity identity, PlatformSettings platform) {
    return switch (request.kind()) {
      case VCLUSTER_ORCHESTRATOR, VCLUSTER ->
          bound(request, identity, platform, OrchestratorSpec.class, OrchestratorResolver::resolve);
      case VCLUSTER_CORE ->
          bound(request, identity, platform, SubRequestSpecs.CoreSpec.class, SubRequestResolvers::core);
      case VCLUSTER_COREDNS ->
          bound(request, identity, platform, SubRequestSpecs.CorednsSpec.class, SubRequestResolvers::coredns);
      case VCLUSTER_KUBECONFIG_SYNC -> bound(request, identity, platform,
          SubRequestSpecs.KubeconfigSyncSpec.class, KubeconfigSyncResolver::resolve);
      case VCLUSTER_KUBECONFIG_EXTERNAL_SECRET -> bound(request, identity, platform,
          SubRequestSpecs.KubeconfigExternalSecretSpec.class,
          SubRequestResolvers::kubeconfigExternalSecret);
      case VCLUSTER_ARGOCD_CLUSTER_REGISTRATION -> bound(request, identity, platform,
          SubRequestSpecs.ClusterRegistrationSpec.class, SubRequestResolvers::clusterRegistration);
      case ARGOCD_PROJECT ->
          bound(request, identity, platform, SubRequestSpecs.ProjectSpec.class, SubRequestResolvers::project);
      case ARGOCD_APPLICATION -> bound(request, identity, platform, SubRequestSpecs.ApplicationSpec.class,
          SubRequestResolvers::application);
    };
  }

  private static <S> Resolution bound(Request request, Identity identity,
      PlatformSettings platform, Class<S> spec, Resolver<S> resolver) {
    return resolver.resolve(request, identity, SpecBinder.bind(request, spec), platform);
  }
}

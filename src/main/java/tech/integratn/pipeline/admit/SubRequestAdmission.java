package tech.integratn.pipeline.admit;

import static tech.integratn.pipeline.admit.OrchestratorAdmission.add;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.integratn.pipeline.failure.PipelineException.Problem;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.Values;
import tech.integratn.pipeline.settings.PlatformSettings;

/**
 * The request policy for the seven sub-request kinds. The orchestrator makes them, but a tenant
 * may be able to create one directly: every field that names a shared thing must be what the
 * orchestrator derives for this request, or pass the same rule as the orchestrator's field.
 */
final class SubRequestAdmission {
  private final PlatformSettings platform;
  private final NamePolicy names;

  SubRequestAdmission(PlatformSettings platform, NamePolicy names) {
    this.platform = platform;
    this.names = names;
  }

  void check(PromiseKind kind, Fields spec, Identity identity, List<Problem> problems) {
    switch (kind) {
      case VCLUSTER_CORE, VCLUSTER_COREDNS -> targetNamespace(spec, identity, problems);
      case VCLUSTER_KUBECONFIG_EXTERNAL_SECRET -> {
        targetNamespace(spec, identity, problems);
        item(spec, identity, problems);
      }
      case VCLUSTER_KUBECONFIG_SYNC -> {
        targetNamespace(spec, identity, problems);
        item(spec, identity, problems);
        endpoint(spec, identity, problems);
      }
      case VCLUSTER_ARGOCD_CLUSTER_REGISTRATION -> {
        argocdNamespace(spec, "argocdNamespace", problems);
        item(spec, identity, problems);
      }
      case ARGOCD_PROJECT -> project(spec, identity, problems);
      case ARGOCD_APPLICATION -> application(spec, identity, problems);
      default -> throw new IllegalArgumentException(kind + " is not a sub-request kind");
    }
  }

  private void targetNamespace(Fields spec, Identity identity, List<Problem> problems) {
    spec.string("targetNamespace").ifPresent(namespace -> add(problems,
        spec.at("targetNamespace"), names.targetNamespace(namespace, identity)));
  }

  /** The 1Password item: only this request's own (the Job writes it, ESO reads it). */
  private void item(Fields spec, Identity identity, List<Problem> problems) {
    spec.string("onepasswordItem").filter(item -> !item.equals(identity.onepasswordItem()))
        .ifPresent(item -> problems.add(new Problem(spec.at("onepasswordItem"), "found "
            + Values.describe(item) + ", which is not this request's own 1Password item "
            + identity.onepasswordItem() + ": the Job would overwrite, or the ExternalSecret "
            + "read, another vcluster's or the platform's item. Leave the field out.")));
  }

  /** The API address registered for the vcluster: its own hostname, and the URL made of it. */
  private void endpoint(Fields spec, Identity identity, List<Problem> problems) {
    Optional<String> hostname = spec.string("hostname");
    if (hostname.isEmpty()) {
      problems.add(new Problem(spec.at("hostname"), "is missing: without it the Job would "
          + "register the server its kubeconfig names, which the vcluster's values choose. Set it "
          + "to this vcluster's hostname, " + identity.hostname(platform.baseDomain()) + "."));
    }
    hostname.ifPresent(name -> add(problems, spec.at("hostname"),
        names.hostnameInAnyBase(name, identity).map(why -> "found " + name + ", " + why)));
    spec.string("serverUrl").ifPresent(url -> {
      String port = spec.get("apiPort") instanceof Integer p ? String.valueOf(p) : "443";
      String made = hostname.map(name -> "https://" + name + ":" + port).orElse("");
      if (!url.equals(made)) {
        problems.add(new Problem(spec.at("serverUrl"), "found " + Values.describe(url)
            + ", which is not https://<hostname>:<apiPort> of this request" + (made.isEmpty()
            ? "" : " (" + made + ")") + ": Argo CD and the kubeconfig would name another "
            + "cluster's API. Leave the field out to derive it from hostname and apiPort."));
      }
    });
  }

  private void argocdNamespace(Fields spec, String key, List<Problem> problems) {
    spec.string(key).filter(namespace -> !namespace.equals(platform.argocd().namespace()))
        .ifPresent(namespace -> problems.add(new Problem(spec.at(key), "found " + namespace
            + ", which is not the platform's Argo CD namespace " + platform.argocd().namespace()
            + ": Argo CD reads its objects only there, and other namespaces are not the "
            + "request's. Leave the field out.")));
  }

  private void project(Fields spec, Identity identity, List<Problem> problems) {
    argocdName(spec, "name", identity, "project", problems);
    argocdNamespace(spec, "namespace", problems);
    if (spec.get("sourceRepos") instanceof List<?> repos) {
      List<String> allowed = names.allowedRepos(null);
      for (int i = 0; i < repos.size(); i++) {
        Object repo = repos.get(i);
        if (!allowed.contains(repo)) {
          problems.add(new Problem(spec.at("sourceRepos[" + i + "]"), "found "
              + Values.describe(repo) + ", which is not a chart repository of this platform: "
              + "the project could deploy anything from it. Use " + String.join(", ", allowed)
              + ", or ask the platform team to add it to requestPolicy.chartSources."));
        }
      }
    }
    if (spec.get("destinations") instanceof List<?> destinations) {
      for (int i = 0; i < destinations.size(); i++) {
        if (destinations.get(i) instanceof Map<?, ?> destination) {
          destination(destination, spec.at("destinations[" + i + "]"), identity, problems);
        }
      }
    }
  }

  private void application(Fields spec, Identity identity, List<Problem> problems) {
    argocdName(spec, "name", identity, "application", problems);
    argocdNamespace(spec, "namespace", problems);
    String project = spec.string("project").orElse("default");
    add(problems, spec.at("project"), names.argocdName(project,
        identity.derived() ? identity.project() : "vcluster-<name>", "project"));
    Fields source = spec.section("source");
    add(problems, source.at("repoURL"), names.chartSource(source.string("repoURL").orElse(""),
        source.string("chart").orElse("")));
    if (platform.chart().name().equals(source.string("chart").orElse(""))) {
      source.string("targetRevision").ifPresent(revision -> add(problems,
          source.at("targetRevision"), names.chartRelease(revision)));
    }
    if (spec.get("destination") instanceof Map<?, ?> destination) {
      destination(destination, spec.at("destination"), identity, problems);
    }
  }

  private void argocdName(Fields spec, String key, Identity identity, String what,
      List<Problem> problems) {
    String derived = identity.derived() ? identity.project() : "vcluster-<name>";
    spec.string(key).ifPresent(name -> add(problems, spec.at(key),
        names.argocdName(name, derived, what)));
  }

  private void destination(Map<?, ?> destination, String at, Identity identity,
      List<Problem> problems) {
    if (destination.get("server") instanceof String server) {
      add(problems, at + ".server", names.destinationServer(server));
    }
    if (destination.get("name") != null) {
      problems.add(new Problem(at + ".name", "found " + Values.describe(destination.get("name"))
          + ": a destination by cluster name (\"*\" for any) could be another team's cluster. "
          + "Name the server instead."));
    }
    if (destination.get("namespace") instanceof String namespace) {
      add(problems, at + ".namespace",
          names.targetNamespace(namespace, identity.derived() ? identity : null));
    }
  }
}

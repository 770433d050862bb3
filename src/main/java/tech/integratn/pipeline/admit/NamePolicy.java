package tech.integratn.pipeline.admit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tech.integratn.pipeline.read.Values;
import tech.integratn.pipeline.settings.PlatformSettings;
import tech.integratn.pipeline.settings.PlatformSettings.RequestPolicy;

/**
 * The rules for the things a request names that others could also name: namespaces, Argo CD
 * names, hostnames, base domains, chart sources and destination servers. Each answers empty when
 * the value is allowed, else the problem (what was found, why it is refused, what would allow it).
 */
final class NamePolicy {
  private final PlatformSettings platform;
  private final RequestPolicy policy;

  NamePolicy(PlatformSettings platform) {
    this.platform = platform;
    this.policy = platform.requestPolicy();
  }

  /** The request namespace's entry, if requests are accepted from it. */
  Optional<PlatformSettings.RequestNamespace> requestNamespace(String namespace) {
    return policy.requestNamespaces().stream()
        .filter(entry -> entry.namespace().equals(namespace)).findFirst();
  }

  /** Every prefix but the empty one: an unprefixed name must not look like a prefixed one. */
  Optional<String> prefixClaimedBy(String name) {
    return policy.requestNamespaces().stream().map(PlatformSettings.RequestNamespace::prefix)
        .filter(prefix -> !prefix.isEmpty() && name.startsWith(prefix + "-")).findFirst();
  }

  /** Namespaces never a vcluster's: the listed ones, every request namespace, Argo CD's. */
  Set<String> reservedNamespaces() {
    Set<String> reserved = new LinkedHashSet<>(or(policy.reservedNamespaces()));
    policy.requestNamespaces().forEach(entry -> reserved.add(entry.namespace()));
    reserved.add(platform.argocd().namespace());
    return reserved;
  }

  /** A vcluster's namespace: its own derived one, or one the platform's pattern opens. */
  Optional<String> targetNamespace(String namespace, Identity identity) {
    if (reservedNamespaces().contains(namespace)) {
      return Optional.of("found " + namespace + ", a namespace of the platform or of the "
          + "requests (requestPolicy.reservedNamespaces, requestPolicy.requestNamespaces, "
          + "argocd.namespace): the vcluster would own it, label it privileged and prune it when "
          + "the request is deleted. Leave the field out to use " + ownNamespace(identity) + ".");
    }
    if (identity != null && namespace.equals(identity.targetNamespace())
        || matches(policy.targetNamespacePattern(), namespace)) {
      return Optional.empty();
    }
    return Optional.of("found " + namespace + ", which is not this request's own namespace "
        + ownNamespace(identity) + ": another request could claim it too. Leave the field out "
        + "(or set it to " + ownNamespace(identity) + "), or ask the platform team to allow it "
        + "with requestPolicy.targetNamespacePattern.");
  }

  private static String ownNamespace(Identity identity) {
    return identity == null ? "vcluster-<name>" : identity.targetNamespace();
  }

  /** An Argo CD project or application name: its own derived one, or the pattern's. */
  Optional<String> argocdName(String name, String derived, String what) {
    if (or(policy.reservedProjects()).contains(name)) {
      return Optional.of("found " + name + ", an Argo CD " + what + " of the platform "
          + "(requestPolicy.reservedProjects): the request would overwrite it. Leave the field out "
          + "to use " + derived + ".");
    }
    if (name.equals(derived) || matches(policy.projectNamePattern(), name)) {
      return Optional.empty();
    }
    return Optional.of("found " + name + ", which is not this request's own Argo CD " + what
        + " " + derived + ": another request could claim it too. Leave the field out (or set it "
        + "to " + derived + "), or ask the platform team to allow it with "
        + "requestPolicy.projectNamePattern.");
  }

  /**
   * A hostname: the request's own ({@code <base>.<baseDomain>}) or a name below it, or any name
   * below a domain the platform opens. Below another request's name is never its own.
   */
  Optional<String> hostname(String hostname, Identity identity, String baseDomain) {
    String own = identity.hostname(baseDomain);
    if (hostname.equals(own) || hostname.endsWith("." + own)) {
      return Optional.empty();
    }
    for (String domain : or(policy.hostnameDomains())) {
      if (hostname.endsWith("." + domain)) {
        return Optional.empty();
      }
    }
    return Optional.of("which is neither this request's own hostname " + own + " nor a name "
        + "below it: external-dns would point another service's name at this vcluster. Leave it "
        + "out to use " + own + ", or ask the platform team to add its domain to "
        + "requestPolicy.hostnameDomains.");
  }

  /**
   * A hostname of a request that does not carry its base domain (a sub-request): its own below
   * the platform's base domain or any base domain the platform lists.
   */
  Optional<String> hostnameInAnyBase(String hostname, Identity identity) {
    Optional<String> problem = hostname(hostname, identity, platform.baseDomain());
    for (String domain : or(policy.baseDomains())) {
      if (problem.isPresent() && hostname(hostname, identity, domain).isEmpty()) {
        return Optional.empty();
      }
    }
    return problem;
  }

  /** A hostname of a request with no derived names: only below a domain the platform opens. */
  Optional<String> openHostname(String hostname) {
    for (String domain : or(policy.hostnameDomains())) {
      if (hostname.endsWith("." + domain)) {
        return Optional.empty();
      }
    }
    return Optional.of("which is not below a domain of requestPolicy.hostnameDomains: "
        + "external-dns would point another service's name at this vcluster. Ask the platform "
        + "team to add its domain there.");
  }

  /** The base domain a request's annotation names: the platform's, or one it lists. */
  Optional<String> baseDomain(String baseDomain) {
    if (baseDomain.equals(platform.baseDomain()) || or(policy.baseDomains()).contains(baseDomain)) {
      return Optional.empty();
    }
    return Optional.of("found " + Values.describe(baseDomain) + ", which is not a base domain of "
        + "this platform (" + platform.baseDomain() + "): hostnames are made in it. Remove the "
        + "annotation, or ask the platform team to add the domain to requestPolicy.baseDomains.");
  }

  /** A chart a request installs: the platform's, or one it lists. */
  Optional<String> chartSource(String repoURL, String chart) {
    if (allowedRepos(chart).contains(repoURL)) {
      return Optional.empty();
    }
    return Optional.of("found the chart " + Values.describe(chart).replaceFirst("^the string ", "")
        + " from " + Values.describe(repoURL).replaceFirst("^the string ", "") + ", which is not a chart this platform installs: it would run under a project that may "
        + "create any cluster resource. Leave the field out to use " + platform.chart().name()
        + " from " + platform.chart().repoURL() + ", or ask the platform team to add it to "
        + "requestPolicy.chartSources.");
  }

  /** The repositories a request may name: any chart's, or one chart's. */
  List<String> allowedRepos(String chart) {
    List<String> repos = new ArrayList<>();
    if (chart == null || chart.equals(platform.chart().name())) {
      repos.add(platform.chart().repoURL());
    }
    for (PlatformSettings.ChartSource source : or(policy.chartSources())) {
      if (chart == null || chart.equals(source.chart())) {
        repos.add(source.repoURL());
      }
    }
    return repos;
  }

  /** A destination server: any, unless the platform lists them (its own is always allowed). */
  Optional<String> destinationServer(String server) {
    List<String> listed = or(policy.destinationServers());
    if (listed.isEmpty() || listed.contains(server)
        || server.equals(platform.argocd().destinationServer())) {
      return Optional.empty();
    }
    return Optional.of("found " + Values.describe(server) + ", which is not a destination this "
        + "platform deploys to (requestPolicy.destinationServers). Leave the field out to use "
        + platform.argocd().destinationServer() + ", or ask the platform team to list the server.");
  }

  private static boolean matches(String pattern, String value) {
    return pattern != null && !pattern.isEmpty() && Pattern.compile(pattern).matcher(value).matches();
  }

  private static <T> List<T> or(List<T> list) {
    return list == null ? List.of() : list;
  }
}

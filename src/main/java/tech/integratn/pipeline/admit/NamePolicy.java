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
    if (!isDnsName(hostname)) {
      return Optional.of("which is not one lowercase DNS name (external-dns reads a list "
          + "separated by commas, and every name in it would point here). Name one hostname: "
          + identity.hostname(baseDomain) + " or a name below it.");
    }
    Optional<String> reserved = reservedHostname(hostname);
    if (reserved.isPresent()) {
      return Optional.of("which is " + reserved.get() + ". Leave it out to use "
          + identity.hostname(baseDomain) + ", or choose another name.");
    }
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
    for (String domain : baseDomains()) {
      if (problem.isPresent() && hostname(hostname, identity, domain).isEmpty()) {
        return Optional.empty();
      }
    }
    return problem;
  }

  /** A hostname of a request with no derived names: only below a domain the platform opens. */
  Optional<String> openHostname(String hostname) {
    if (!isDnsName(hostname)) {
      return Optional.of("which is not one lowercase DNS name (external-dns reads a list "
          + "separated by commas, and every name in it would point here).");
    }
    Optional<String> reserved = reservedHostname(hostname);
    if (reserved.isPresent()) {
      return Optional.of("which is " + reserved.get() + ".");
    }
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

  /** The oldest vcluster chart release whose values the policy's paths were checked against. */
  static final String OLDEST_CHECKED_RELEASE = "0.30.0";
  private static final Pattern RELEASE = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})");

  /**
   * A release of the platform's chart: one exact version, no older than the releases the value
   * paths were checked against (a range would let the chart, and what an allowed path means,
   * change under the platform).
   */
  Optional<String> chartRelease(String revision) {
    java.util.regex.Matcher m = RELEASE.matcher(revision);
    if (m.matches()) {
      java.util.regex.Matcher oldest = RELEASE.matcher(OLDEST_CHECKED_RELEASE);
      oldest.matches();
      int order = 0;
      for (int i = 1; i <= 3 && order == 0; i++) {
        order = Integer.compare(Integer.parseInt(m.group(i)), Integer.parseInt(oldest.group(i)));
      }
      if (order >= 0) {
        return Optional.empty();
      }
    }
    return Optional.of("found " + Values.describe(revision) + ", which is not one release of the "
        + "vcluster chart from " + OLDEST_CHECKED_RELEASE + " on: a range or an older release "
        + "could give the allowed value paths another meaning. Name one release such as "
        + platform.chart().version() + ", or leave the field out.");
  }

  /**
   * A destination server: the platform's own, or one it lists ("*" for any). Every vcluster is
   * a cluster Argo CD knows, so an open list would let a request deploy into another's.
   */
  Optional<String> destinationServer(String server) {
    List<String> listed = or(policy.destinationServers());
    if (listed.contains("*") || listed.contains(server)
        || server.equals(platform.argocd().destinationServer())) {
      return Optional.empty();
    }
    return Optional.of("found " + Values.describe(server) + ", which is not a destination this "
        + "platform deploys requests to: Argo CD knows every vcluster as a cluster, so it could "
        + "be another team's. Leave the field out to use " + platform.argocd().destinationServer()
        + ", or ask the platform team to list the server in requestPolicy.destinationServers.");
  }

  /**
   * Why {@code hostname} is the platform's, if it is: a reserved name directly under a base
   * domain, or the host of an address the platform itself calls (the Connect server, whose token
   * every sync Job sends there).
   */
  Optional<String> reservedHostname(String hostname) {
    Optional<String> connect = connectHost();
    if (connect.isEmpty()) {
      // The settings schema makes this unreachable; if it is reached, no name is shown safe.
      return Optional.of("not provably apart from the platform's 1Password Connect server, "
          + "whose address (onepassword.connectHost) names no host");
    }
    if (hostname.equals(connect.get())) {
      return Optional.of("the hostname of the platform's 1Password Connect server "
          + "(onepassword.connectHost): every sync Job would send its token to this vcluster");
    }
    for (String domain : baseDomains()) {
      String label = hostname.endsWith("." + domain)
          ? hostname.substring(0, hostname.length() - domain.length() - 1) : "";
      if (or(policy.reservedNames()).contains(label)) {
        return Optional.of("a name of the platform's own services (requestPolicy.reservedNames):"
            + " external-dns would point it at this vcluster");
      }
    }
    return Optional.empty();
  }

  /** The Connect server's host; empty when its address cannot be read (then nothing passes). */
  private Optional<String> connectHost() {
    try {
      return Optional.ofNullable(java.net.URI.create(platform.onepassword().connectHost()).getHost());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The platform's base domain and the ones it lists. */
  private List<String> baseDomains() {
    List<String> domains = new ArrayList<>(List.of(platform.baseDomain()));
    domains.addAll(or(policy.baseDomains()));
    return domains;
  }

  /** A lowercase DNS name (RFC 1123): labels of at most 63, at most 253 in all. */
  private static final Pattern DNS_NAME = Pattern.compile(
      "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

  static boolean isDnsName(String text) {
    return text.length() <= 253 && DNS_NAME.matcher(text).matches();
  }

  private static boolean matches(String pattern, String value) {
    return pattern != null && !pattern.isEmpty() && Pattern.compile(pattern).matcher(value).matches();
  }

  private static <T> List<T> or(List<T> list) {
    return list == null ? List.of() : list;
  }
}

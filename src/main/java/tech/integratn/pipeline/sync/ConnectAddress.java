package tech.integratn.pipeline.sync;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;

/**
 * The 1Password Connect address ({@code OP_CONNECT_HOST}), checked before any request carries the
 * token to it: https, or http only to this machine (a Connect sidecar); no user name or password,
 * query or fragment (each would put a credential in the Job's environment and the log); a port
 * from 1 to 65535. A path (a gateway that serves Connect under {@code /onepassword}) is kept in
 * front of every call. The settings schema's {@code connectHost} pattern holds the same rules, so
 * a render never publishes an address the Job would refuse.
 */
public final class ConnectAddress {
  /** What a path segment may hold: RFC 3986 unreserved and sub-delims, ':' '@' and escapes. */
  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*/?");
  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){2}");
  private static final String FIX = " Set onepassword.connectHost in the platform settings to the "
      + "Connect server's address, https://host[:port][/path] (http only to 127.0.0.1, ::1 or "
      + "localhost).";

  private final String scheme;
  private final String authority;
  private final String prefix;

  private ConnectAddress(String scheme, String authority, String prefix) {
    this.scheme = scheme;
    this.authority = authority;
    this.prefix = prefix;
  }

  /**
   * {@code text} as a Connect address, or exit 2 saying what is wrong. The text itself is never
   * quoted: a refused address may hold the very password or token it must not show.
   */
  public static ConnectAddress parse(String text) {
    if (text.isEmpty() || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw refused("is empty or holds a space, a line break or a character outside ASCII");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw refused("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")
        || !text.regionMatches(true, 0, scheme + "://", 0, scheme.length() + 3)) {
      throw refused("is not an https:// address");
    }
    if (uri.getRawUserInfo() != null || text.substring(scheme.length() + 3).split("[/?#]", 2)[0]
        .contains("@")) {
      throw refused("holds a user name or password before the host, which would reach the "
          + "Job's environment and its log; Connect takes only the bearer token");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || text.contains("?")
        || text.contains("#")) {
      throw refused("holds a query or a fragment ('?' or '#'), which Connect does not use and "
          + "which may carry a credential into the log");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw refused("names no host (or a port that is not a number)");
    }
    int port = uri.getPort();
    if (port == 0 || port > 65535) {
      throw refused("names a port outside 1 to 65535");
    }
    if (scheme.equals("http") && !loopback(host)) {
      throw refused("is plain http to another machine: the bearer token would cross the network "
          + "unencrypted. Use https, or http only to a Connect on this machine");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!PATH.matcher(path).matches() || path.matches(".*/\\.{1,2}(/.*)?")) {
      throw refused("has a path that is not a plain path prefix (a '.' or '..' segment, or a "
          + "character a path does not hold)");
    }
    String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String authority = host.toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
    return new ConnectAddress(scheme, authority, prefix);
  }

  /** 127.0.0.0/8, ::1 or localhost: a Connect in the Job's own pod. */
  static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]")
        || LOOPBACK_V4.matcher(h).matches();
  }

  /** The address of {@code apiPath} (which starts with {@code /v1/}), under the path prefix. */
  public URI resolve(String apiPath) {
    return URI.create(scheme + "://" + authority + prefix + apiPath);
  }

  /** The address as it may be logged: nothing in it is a credential once parsed. */
  @Override
  public String toString() {
    return scheme + "://" + authority + prefix;
  }

  private static PipelineException refused(String problem) {
    return new PipelineException(ExitCode.USAGE, "OP_CONNECT_HOST " + problem + "." + FIX);
  }
}

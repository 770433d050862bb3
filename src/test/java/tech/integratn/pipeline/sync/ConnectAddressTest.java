package tech.integratn.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.refusal;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * Which Connect addresses the sync sends its token to, one rule each: the rule, the address, and
 * the URL of the vault list there, or a part of the refusal (exit 2), which never quotes the
 * address.
 */
class ConnectAddressTest {
  static Stream<Arguments> rules() {
    return Stream.of(
        rule("https is used as it is", "https://connect.example.com",
            "https://connect.example.com/v1/vaults"),
        rule("a port is kept", "https://connect.example.com:8443",
            "https://connect.example.com:8443/v1/vaults"),
        rule("a gateway's path is kept in front of every call", "https://gw.example.com/onepassword",
            "https://gw.example.com/onepassword/v1/vaults"),
        rule("a trailing slash does not double", "https://gw.example.com/onepassword/",
            "https://gw.example.com/onepassword/v1/vaults"),
        rule("http to this machine (a sidecar) is allowed", "http://127.0.0.1:8080",
            "http://127.0.0.1:8080/v1/vaults"),
        rule("http to localhost is allowed", "http://localhost:8080", "http://localhost:8080/v1/vaults"),
        rule("http to ::1 is allowed", "http://[::1]:8080", "http://[::1]:8080/v1/vaults"),
        rule("the host is compared in lower case", "HTTPS://Connect.Example.com",
            "https://connect.example.com/v1/vaults"),
        rule("plain http to another machine would send the token in clear",
            "http://onepassword-connect.onepassword.svc:8080", "plain http"),
        rule("http to a name that only starts like loopback", "http://127.0.0.1.example.com",
            "plain http"),
        rule("a user name and password", "https://user:s3cret-pw@connect.example.com",
            "user name or password"),
        rule("a user name without a password", "https://user@connect.example.com",
            "user name or password"),
        rule("a query", "https://connect.example.com/?token=s3cret-pw", "query or a fragment"),
        rule("an empty query", "https://connect.example.com?", "query or a fragment"),
        rule("a fragment", "https://connect.example.com/#s3cret-pw", "query or a fragment"),
        rule("a port past 65535", "https://connect.example.com:65536", "port outside 1 to 65535"),
        rule("port 0", "https://connect.example.com:0", "port outside 1 to 65535"),
        rule("a port that is not a number", "https://connect.example.com:https", "names no host"),
        rule("another scheme", "ftp://connect.example.com", "not an https:// address"),
        rule("no scheme", "connect.example.com", "not an https:// address"),
        rule("an opaque URI", "https:connect.example.com", "not an https:// address"),
        rule("a dot segment", "https://gw.example.com/a/../v1", "path"),
        rule("a line break", "https://connect.example.com\nX-Injected: s3cret-pw", "line break"),
        rule("a space", "https://connect.example.com /s3cret-pw", "space"),
        rule("nothing", "", "empty"));
  }

  private static Arguments rule(String rule, String address, String expected) {
    return Arguments.of(rule, address, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, String address, String expected) {
    if (expected.startsWith("http")) {
      assertThat(ConnectAddress.parse(address).resolve("/v1/vaults")).as(rule).hasToString(expected);
      return;
    }
    assertThat(refusal(rule, () -> ConnectAddress.parse(address), ExitCode.USAGE,
        "OP_CONNECT_HOST", expected).getMessage()).as(rule)
        .doesNotContain("s3cret").doesNotContain(address.isEmpty() ? "\u0000" : address);
  }
}

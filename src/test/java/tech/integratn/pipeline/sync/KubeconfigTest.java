package tech.integratn.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.refusal;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * How the sync reads a kubeconfig and what Argo CD gets from it, one rule each: the rule, the
 * kubeconfig, and Argo CD's cluster config as JSON, or a part of the refusal. A refusal never
 * quotes the file.
 */
class KubeconfigTest {
  private static final String CLUSTER = "clusters: [{name: c, cluster: {server: 'https://x:443', "
      + "certificate-authority-data: Q0E=}}]\n";
  private static final String CONTEXT = "contexts: [{name: v, context: {cluster: c, user: u}}]\n"
      + "current-context: v\n";

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("a token is Argo CD's bearer token", CLUSTER + CONTEXT
            + "users: [{name: u, user: {token: t0k3n}}]\n",
            "{\"bearerToken\":\"t0k3n\",\"tlsClientConfig\":{\"insecure\":false,\"caData\":\"Q0E=\"}}"),
        rule("without a token the client certificate and key are used", CLUSTER + CONTEXT
            + "users: [{name: u, user: {client-certificate-data: Q0VSVA==, client-key-data: S0VZ}}]\n",
            "{\"tlsClientConfig\":{\"insecure\":false,\"caData\":\"Q0E=\",\"certData\":\"Q0VSVA==\","
                + "\"keyData\":\"S0VZ\"}}"),
        rule("text that needs JSON escapes is escaped", CLUSTER + CONTEXT
            + "users: [{name: u, user: {token: \"a\\\"b\\\\c\\td\"}}]\n",
            "{\"bearerToken\":\"a\\\"b\\\\c\\td\",\"tlsClientConfig\":{\"insecure\":false,"
                + "\"caData\":\"Q0E=\"}}"),
        rule("an empty file is refused", "", "is empty"),
        rule("a file that is not YAML is refused without quoting it", "a: [t0k3n", "is not valid YAML"),
        rule("a list is not a kubeconfig", "- a", "no YAML mapping"),
        rule("an undefined alias is not quoted", CLUSTER + CONTEXT
            + "users: [{name: u, user: {token: *t0k3n}}]\n", "an alias or anchor"),
        rule("a local tag is not quoted", CLUSTER + CONTEXT
            + "users: [{name: u, user: {token: !t0k3n x}}]\n", "a tag or a value"),
        rule("a duplicate key is not quoted", CLUSTER + CONTEXT
            + "users: [{name: u, user: {t0k3n: a, t0k3n: b}}]\n", "a key that appears twice"),
        rule("a bad 32-bit escape is not quoted", CLUSTER + CONTEXT
            + "users: [{name: u, user: {token: \"t0k3n\\UFFFFFFFF\"}}]\n", "is not valid YAML"),
        rule("an unknown escape is not quoted", CLUSTER + CONTEXT
            + "users: [{name: u, user: {token: \"t0k3n\\q\"}}]\n", "an escape that cannot be read"),
        rule("an exec plugin cannot run in Argo CD", CLUSTER + CONTEXT
            + "users: [{name: u, user: {exec: {command: aws}}}]\n", "an exec plugin"),
        rule("a user without credentials is refused", CLUSTER + CONTEXT
            + "users: [{name: u, user: {}}]\n", "neither a token nor a client certificate"));
  }

  private static Arguments rule(String rule, String kubeconfig, String expected) {
    return Arguments.of(rule, kubeconfig, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, String kubeconfig, String expected) {
    if (expected.startsWith("{")) {
      assertThat(Kubeconfig.parse(kubeconfig, "k").argocdConfig()).as(rule).isEqualTo(expected);
      return;
    }
    assertThat(refusal(rule, () -> Kubeconfig.parse(kubeconfig, "k"), ExitCode.INVALID_INPUT,
        expected).getMessage()).as(rule).doesNotContain("t0k3n");
  }
}

package tech.integratn.pipeline.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertRefused;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * How a settings document meets the defaults, one rule each: the rule, the document, a JSON
 * pointer into the settings it binds to, and what must be there.
 */
class SettingsRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("an empty document is the defaults", "", "/argocd/namespace", "argocd"),
        rule("a given key wins", "argocd: {namespace: gitops}", "/argocd/namespace", "gitops"),
        rule("a key left out keeps its default", "argocd: {namespace: gitops}",
            "/argocd/destinationServer", "https://kubernetes.default.svc"),
        rule("a label selector replaces the default whole",
            "certManager: {issuerSelectorLabels: {tier: staging}}",
            "/certManager/issuerSelectorLabels", "{\"tier\":\"staging\"}"),
        rule("a scheduling selector replaces the default whole",
            "scheduling: {partSelectorLabels: {cluster: edge}}",
            "/scheduling/partSelectorLabels", "{\"cluster\":\"edge\"}"),
        rule("the other scheduling selector keeps its default",
            "scheduling: {partSelectorLabels: {cluster: edge}}",
            "/scheduling/subRequestSelectorLabels", "{\"environment\":\"platform\"}"),
        rule("the store is selected by its name when no labels are given",
            "externalSecrets: {storeName: vault}", "/externalSecrets/storeSelector",
            "{\"integratn.tech/cluster-secret-store\":\"vault\"}"));
  }

  private static Arguments rule(String rule, String document, String pointer, String expected) {
    return Arguments.of(rule, document, pointer, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(String rule, String document, String pointer, String expected) {
    PlatformSettings settings = SettingsReader.read(document, "test");
    JsonNode tree = JSON.valueToTree(settings);
    ((ObjectNode) tree.get("externalSecrets"))
        .set("storeSelector", JSON.valueToTree(settings.externalSecrets().storeSelector()));
    JsonNode found = tree.at(pointer);
    assertThat(found.isValueNode() ? found.asText() : found.toString()).as(rule).isEqualTo(expected);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("an unknown key, with the nearest known one", "argocd: {namespcae: x}",
            "did you mean namespace"),
        Arguments.of("two request namespaces may not share a prefix", "requestPolicy: "
            + "{requestNamespaces: [{namespace: a, prefix: ''}, {namespace: b, prefix: ''}]}",
            "two namespaces have the prefix"),
        Arguments.of("a prefix may not start with another and a dash", "requestPolicy: "
            + "{requestNamespaces: [{namespace: a, prefix: team}, {namespace: b, prefix: team-a}]}",
            "starts with the prefix team"),
        Arguments.of("a namespace is listed once", "requestPolicy: {requestNamespaces: "
            + "[{namespace: a, prefix: x}, {namespace: a, prefix: y}]}", "listed twice"),
        Arguments.of("a pattern must compile", "requestPolicy: {targetNamespacePattern: '(x'}",
            "requestPolicy.targetNamespacePattern"),
        Arguments.of("base domains may not nest", "requestPolicy: {baseDomains: "
            + "[lab.integratn.tech]}", "lies below integratn.tech"),
        Arguments.of("a value path is keys and stars", "requestPolicy: {helmValues: "
            + "{alsoAllow: ['a..b']}}", "requestPolicy.helmValues.alsoAllow"),
        Arguments.of("a document that is not a mapping", "- a", "one YAML mapping"),
        Arguments.of("a tagged value", "baseDomain: !!binary aGk=", "tagged value"),
        Arguments.of("a null: a key is set or left out", "chart: {version: null}",
            "chart.version: found null"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refuses(String rule, String document, String reason) {
    assertRefused(rule, () -> SettingsReader.read(document, "test"), ExitCode.USAGE, reason);
  }
}

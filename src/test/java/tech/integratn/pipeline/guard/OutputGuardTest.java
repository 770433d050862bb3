package tech.integratn.pipeline.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static tech.integratn.pipeline.Refusals.assertRefused;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.guard.OutputGuard;
import tech.integratn.pipeline.render.RenderedFile;
import tech.integratn.pipeline.yaml.Yaml;

class OutputGuardTest {
  private final OutputGuard guard = new OutputGuard();

  @ParameterizedTest
  @ValueSource(strings = {
      "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n",
      "kind: Secret\n",
      "apiVersion: v1\nkind: \"Secret\"\n",
      "apiVersion: v1\nkind: 'Secret'\n",
      "{apiVersion: v1, kind: Secret}\n",
      "{\"apiVersion\": \"v1\", \"kind\": \"Secret\"}\n",
      "apiVersion: v1\nkind: !!str Secret\n",
      "apiVersion: v1\nkind: \"\\u0053ecret\"\n",
      "apiVersion: v1\nkind: |-\n  Secret\n",
      "apiVersion: v1\nkind: >-\n  Secret\n",
      "\"kind\": Secret\napiVersion: v1\n",
      "? kind\n: Secret\n",
      "apiVersion: v1\nkind: secret\n",
      "apiVersion: core/v1\nkind: Secret\n",
      "base: &b {apiVersion: v1, kind: Secret}\n<<: *b\n",
      "<<: {apiVersion: v1, kind: Secret}\nmetadata: {name: x}\n",
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n- apiVersion: v1\n  kind: Secret\n",
      "apiVersion: v1\nkind: SecretList\nitems: []\n",
      "apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret\n",
      "apiVersion: v1\nkind: ConfigMap\n...\n---\n{kind: Secret}\n",
      "- apiVersion: v1\n  kind: Secret\n",
      "%YAML 1.1\n---\napiVersion: v1\nkind: Secret\n",
      "\ufeffapiVersion: v1\r\nkind: Secret\r\n",
      "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    helm:\n"
          + "      valuesObject:\n        extraObjects:\n          - {apiVersion: v1, kind: Secret}\n",
      "a: &a [*a, {kind: Secret}]\n",
  })
  void refusesASecretInAnyYamlStyle(String content) {
    assertRefused(content, () -> guard.check(List.of(new RenderedFile("x.yaml", content))),
        ExitCode.OUTPUT_REFUSED, "x.yaml", "Secret");
  }

  @Test
  void refusesSecretsInsideHelmValuesText() {
    String core = "apiVersion: platform.integratn.tech/v1alpha1\nkind: VClusterCore\nspec:\n"
        + "  valuesYaml: |\n    experimental:\n      deploy:\n        vcluster:\n"
        + "          manifests: |\n            apiVersion: v1\n            kind: Secret\n";
    assertRefused("values text", () -> guard.check(List.of(new RenderedFile("core.yaml", core))),
        ExitCode.OUTPUT_REFUSED, "experimental.deploy.vcluster.manifests");
    String app = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n"
        + "    helm:\n      valuesObject:\n        experimental:\n          deploy:\n"
        + "            host:\n              manifests: \"kind: Secret\\napiVersion: v1\\n\"\n";
    assertRefused("values object", () -> guard.check(List.of(new RenderedFile("app.yaml", app))),
        ExitCode.OUTPUT_REFUSED, "experimental.deploy.host.manifests");
  }

  @Test
  void refusesNestingTooDeepToCheck() {
    String deep = "a: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n";
    assertRefused("deep", () -> guard.check(List.of(new RenderedFile("deep.yaml", deep))),
        ExitCode.OUTPUT_REFUSED, "deep.yaml");
  }

  /**
   * Each text is shallow enough to read; together, text inside text, they nest too deep to walk,
   * and are refused, not left to run out of stack. Just under that depth they are read.
   */
  @Test
  void refusesTextsNestedInTextsTooDeepTogether() {
    assertRefused("too deep together", () -> guard.check(List.of(new RenderedFile("deep.yaml",
        nestedTexts(150, 150, 150)))), ExitCode.OUTPUT_REFUSED, "nested too deeply to check");
    assertThatCode(() -> guard.check(List.of(new RenderedFile("deep.yaml",
        nestedTexts(150, 150, 95))))).doesNotThrowAnyException();
  }

  /**
   * Text nested in text is read once per level: what the levels add up to is bounded, so a
   * request cannot make the guard read its bytes over and over. Within the budget it is read.
   */
  @Test
  void refusesNestedTextsThatAddUpPastTheBudget() {
    String level3 = "kind: Secret-ish\nnote: " + "x".repeat(400) + "\n";
    String other = level3.replace('x', 'y'); // a text read once is not read again
    String level2 = "a: " + oneLine(level3) + "\nb: " + oneLine(other) + "\n";
    String file = "a: " + oneLine(level2) + "\n";
    long once = level2.length() + level3.length() + other.length();
    assertRefused("past the budget", () -> new OutputGuard(ForbiddenKinds.CORE, once - 1)
        .check(List.of(new RenderedFile("nested.yaml", file))), ExitCode.OUTPUT_REFUSED,
        "adds up to more than");
    assertThatCode(() -> new OutputGuard(ForbiddenKinds.CORE, 4 * once)
        .check(List.of(new RenderedFile("nested.yaml", file)))).doesNotThrowAnyException();
  }

  /**
   * A text's nodes are bounded as well as its bytes (a byte can make a node, and a node takes far
   * more heap): past the bound it is refused, not left to run the pod's JVM out of memory.
   */
  @Test
  void refusesATextThatMakesTooManyNodes() {
    String many = "kind: x\nnote: secret\nitems: [" + "[],".repeat(Yaml.MAX_NODES) + "]";
    assertRefused("too many nodes", () -> guard.check(List.of(new RenderedFile("many.yaml",
        "a: " + oneLine(many) + "\n"))), ExitCode.OUTPUT_REFUSED, "more than "
        + Yaml.MAX_NODES + " values, lists and maps");
    String fewer = "kind: x\nnote: secret\nitems: [" + "[],".repeat(Yaml.MAX_NODES / 2) + "]";
    assertThatCode(() -> guard.check(List.of(new RenderedFile("fewer.yaml",
        "a: " + oneLine(fewer) + "\n")))).doesNotThrowAnyException();
  }

  /** A document {@code outer} levels deep holding a text that deep holding a text that deep. */
  private static String nestedTexts(int outer, int middle, int inner) {
    String innermost = "{a: ".repeat(inner - 1) + "'kind secret'" + "}".repeat(inner - 1);
    String between = "[".repeat(middle) + quoted(innermost) + "]".repeat(middle);
    return "a: " + "[".repeat(outer - 1) + quoted(between) + "]".repeat(outer - 1) + "\n";
  }

  /** {@code text} as one double-quoted line. */
  private static String oneLine(String text) {
    return quoted(text).replace("\n", "\\n");
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void refusesUnparsableYamlAndDuplicateKeys() {
    assertRefused("unparsable", () -> guard.check(List.of(new RenderedFile("bad.yaml",
        "a: [1, 2\n"))), ExitCode.OUTPUT_REFUSED, "bad.yaml", "not valid YAML");
    assertRefused("duplicate keys", () -> guard.check(List.of(
        new RenderedFile("dup.yaml", "kind: ConfigMap\nkind: Secret\napiVersion: v1\n"))),
        ExitCode.OUTPUT_REFUSED, "dup.yaml");
  }

  @Test
  void refusesAnyStringThatReadsAsASecret() {
    String text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  note: |\n    kind: Secret\n    apiVersion: v1\n";
    assertRefused("text", () -> guard.check(List.of(new RenderedFile("a.yaml", text))),
        ExitCode.OUTPUT_REFUSED, "a.yaml document 1, text at data.note document 1 is a Secret");
  }

  @Test
  void refusesTextThatCouldSpellASecretAndCannotBeReadCompletely() {
    String text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  note: |\n    first line\n    kind: Secret\n    apiVersion: v1\n";
    assertRefused("unreadable text", () -> guard.check(List.of(new RenderedFile("a.yaml", text))),
        ExitCode.OUTPUT_REFUSED, "a.yaml document 1 at data.note holds text that could spell a "
            + "Secret and that the guard cannot read completely");
  }

  /** The field table (Consumers): where {{ is executed and where it is text. */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> fields() {
    String action = "'{{ .Values.x }}'";
    return java.util.stream.Stream.of(
        // reason, rendered document, refused
        org.junit.jupiter.params.provider.Arguments.of("an annotation is applied as written",
            "metadata: {annotations: {a: " + action + "}}\n", false),
        org.junit.jupiter.params.provider.Arguments.of("vcluster.manifests are applied as written",
            "values: {experimental: {deploy: {vcluster: {manifests: " + action + "}}}}\n", false),
        org.junit.jupiter.params.provider.Arguments.of("manifestsTemplate is executed by vcluster",
            "values: {experimental: {deploy: {vcluster: {manifestsTemplate: " + action + "}}}}\n", true),
        org.junit.jupiter.params.provider.Arguments.of("host.manifestsTemplate by the chart's tpl",
            "experimental: {deploy: {host: {manifestsTemplate: " + action + "}}}\n", true),
        org.junit.jupiter.params.provider.Arguments.of("the ingress spec by the chart's tpl, keys too",
            "controlPlane: {ingress: {spec: {" + action + ": x}}}\n", true),
        org.junit.jupiter.params.provider.Arguments.of("addVolumes by the chart's tpl",
            "controlPlane: {statefulSet: {persistence: {addVolumes: [{name: " + action + "}]}}}\n", true),
        org.junit.jupiter.params.provider.Arguments.of("a chart's values by that chart",
            "experimental: {deploy: {vcluster: {helm: [{values: " + action + "}]}}}\n", true),
        org.junit.jupiter.params.provider.Arguments.of("verbatim paths inside an executed field stay executed",
            "controlPlane: {ingress: {spec: {experimental: {deploy: {vcluster: {manifests: "
                + action + "}}}}}}\n", true),
        org.junit.jupiter.params.provider.Arguments.of("an ExternalSecret's target template by ESO",
            "kind: ExternalSecret\nspec: {target: {template: {metadata: {labels: {a: " + action
                + "}}}}}\n", true),
        org.junit.jupiter.params.provider.Arguments.of("a chart bundle is decoded and installed",
            "experimental: {deploy: {vcluster: {helm: [{bundle: H4sIAAAA}]}}}\n", true));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("fields")
  void knowsWhichFieldsAreExecuted(String reason, String document, boolean refused) {
    org.assertj.core.api.ThrowableAssert.ThrowingCallable check =
        () -> new OutputGuard().check(List.of(new RenderedFile("a.yaml", document)));
    if (refused) {
      assertRefused(reason, check, ExitCode.OUTPUT_REFUSED);
    } else {
      assertThatCode(check).as(reason).doesNotThrowAnyException();
    }
  }

  @Test
  void acceptsSecretLookingTextAndNonCoreSecretKinds() {
    // Both words, so the note is read completely: it reads, and its kind is not Secret.
    String text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  note: |\n    kind: Secrets live in 1Password\n    apiVersion: v1\n";
    String external = "apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nspec:\n"
        + "  target: {template: {type: Opaque}}\n";
    assertThatCode(() -> guard.check(List.of(new RenderedFile("a.yaml", text),
        new RenderedFile("b.yaml", external)))).doesNotThrowAnyException();
  }
}

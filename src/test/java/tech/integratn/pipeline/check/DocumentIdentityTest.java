package tech.integratn.pipeline.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the check tells a request from other YAML and names it in a report, read line by line so
 * any file costs linear time: the rule, the file's text, the kind and the name it is reported
 * under ({@code -} for a document that is not judged).
 */
class DocumentIdentityTest {
  static Stream<Arguments> rules() {
    return Stream.of(
        rule("a request of the platform's group is judged",
            "apiVersion: platform.integratn.tech/v1alpha1\nkind: VCluster\nmetadata:\n  name: a\n",
            "VCluster", "a"),
        rule("a misspelt kind of the group is judged too",
            "apiVersion: platform.integratn.tech/v1alpha1\nkind: VClustr\nmetadata:\n  name: a\n",
            "VClustr", "a"),
        rule("another group's document is not judged", "apiVersion: v1\nkind: ConfigMap\n", "-", "-"),
        rule("a flow-style metadata name is found",
            "apiVersion: platform.integratn.tech/v1alpha1\nkind: VCluster\nmetadata: {name: b}\n",
            "VCluster", "b"),
        rule("a quoted name is unquoted",
            "apiVersion: platform.integratn.tech/v1alpha1\nkind: VCluster\nmetadata:\n  name: \"c\"\n",
            "VCluster", "c"),
        rule("a name under spec is not the resource's",
            "apiVersion: platform.integratn.tech/v1alpha1\nkind: VCluster\nspec:\n  name: d\n",
            "VCluster", ""),
        rule("a JSON document is read as YAML",
            "{\"apiVersion\": \"platform.integratn.tech/v1alpha1\", \"kind\": \"VCluster\"}",
            "VCluster", ""),
        rule("a file that is not YAML is still judged, as unreadable", "{[", "(unreadable)", ""));
  }

  private static Arguments rule(String rule, String text, String kind, String name) {
    return Arguments.of(rule, text, kind, name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void identifies(String rule, String text, String kind, String name) {
    Checker.DocumentIdentity identity = Checker.DocumentIdentity.of(text);
    if (kind.equals("-")) {
      assertThat(identity.isRequest()).as(rule).isFalse();
      return;
    }
    assertThat(identity.isRequest()).as(rule).isTrue();
    assertThat(identity.kind()).as(rule).isEqualTo(kind);
    assertThat(Checker.nameOf(text)).as(rule).isEqualTo(name);
  }

  @org.junit.jupiter.api.Test
  void aDiffShowsTheChangedLineWithItsContext() {
    List<String> diff = UnifiedDiff.of("expected", "rendered", List.of("a", "b", "c"),
        List.of("a", "B", "c"));
    assertThat(diff).containsExactly("--- expected", "+++ rendered", "@@ -1,3 +1,3 @@", " a",
        "-b", "+B", " c");
  }
}

package tech.integratn.pipeline.guard;

import static org.assertj.core.api.Assertions.assertThatCode;
import static tech.integratn.pipeline.Refusals.assertRefused;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.render.RenderedFile;

/**
 * Every guard step reads the one table of forbidden kinds: a kind added to it is refused at the
 * top of a document and inside text the document carries (where the spelling shortcut would
 * pass over text that lacks a Secret's letters, were it to keep a list of its own).
 */
class ForbiddenKindsTest {
  /** A kind no real table holds, whose letters share nothing with "secret". */
  private static final String ADDED = "Widget";

  record Case(String reason, String content, String place) {
    @Override
    public String toString() {
      return reason;
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case("at the top of a document", "apiVersion: v1\nkind: Widget\n", "x.yaml document 1"),
        new Case("as a list's item", "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, "
            + "kind: Widget}\n", "x.yaml document 1 at items[0]"),
        new Case("in carried text (Helm values)", "apiVersion: argoproj.io/v1alpha1\nkind: "
            + "Application\nspec:\n  source:\n    helm:\n      values: |\n        manifests: "
            + "\"apiVersion: v1\\nkind: Widget\\n\"\n", "spec.source.helm.values"),
        new Case("in text inside text", "apiVersion: v1\nkind: ConfigMap\ndata:\n  note: |\n"
            + "    inner: |\n      apiVersion: v1\n      kind: Widget\n", "data.note"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aKindAddedToTheTableIsRefusedEverywhere(Case c) {
    List<RenderedFile> files = List.of(new RenderedFile("x.yaml", c.content()));
    assertRefused(c.reason(), () -> new OutputGuard(ForbiddenKinds.CORE.and(ADDED)).check(files),
        ExitCode.OUTPUT_REFUSED, c.place(), ADDED);
    assertThatCode(() -> new OutputGuard().check(files)).as(c.reason()).doesNotThrowAnyException();
  }
}

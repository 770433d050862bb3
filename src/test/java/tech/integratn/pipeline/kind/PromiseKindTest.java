package tech.integratn.pipeline.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertRefused;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;

/**
 * The one mode decision, one rule each: the rule, the kind, the mode the command line asks for
 * (null: none), and the mode the run gets, or a part of the refusal.
 */
class PromiseKindTest {
  static Stream<Arguments> modes() {
    return Stream.of(
        mode("the orchestrator is compound by default", PromiseKind.VCLUSTER_ORCHESTRATOR, null, "COMPOUND"),
        mode("the orchestrator may be rendered directly", PromiseKind.VCLUSTER_ORCHESTRATOR, Mode.DIRECT, "DIRECT"),
        mode("a VCluster is direct by default", PromiseKind.VCLUSTER, null, "DIRECT"),
        mode("a VCluster asked for direct stays direct", PromiseKind.VCLUSTER, Mode.DIRECT, "DIRECT"),
        mode("a VCluster is never compound", PromiseKind.VCLUSTER, Mode.COMPOUND,
            "use a VClusterOrchestrator for the compound chain"),
        mode("a part is compound by default", PromiseKind.VCLUSTER_CORE, null, "COMPOUND"),
        mode("a part has no parts to render directly", PromiseKind.ARGOCD_PROJECT, Mode.DIRECT,
            "an ArgoCDProject has none"));
  }

  private static Arguments mode(String rule, PromiseKind kind, Mode requested, String expected) {
    return Arguments.of(rule, kind, requested, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void decidesTheMode(String rule, PromiseKind kind, Mode requested, String expected) {
    if (expected.equals("COMPOUND") || expected.equals("DIRECT")) {
      assertThat(kind.mode(requested)).as(rule).isEqualTo(Mode.valueOf(expected));
      return;
    }
    assertRefused(rule, () -> kind.mode(requested), ExitCode.USAGE, expected);
  }

  @ParameterizedTest
  @EnumSource(PromiseKind.class)
  void aKindPublishesSubRequestsOnlyWhenItHasPartsAndIsCompound(PromiseKind kind) {
    assertThat(kind.publishesSubRequests()).isEqualTo(kind == PromiseKind.VCLUSTER_ORCHESTRATOR);
    assertThat(kind.hasParts()).isEqualTo(kind == PromiseKind.VCLUSTER_ORCHESTRATOR
        || kind == PromiseKind.VCLUSTER);
    assertThat(PromiseKind.byKind(kind.kind())).contains(kind);
  }

  @ParameterizedTest
  @EnumSource(PromiseKind.class)
  void aDirectKindPublishesEveryPartsFilesInThePartsFolders(PromiseKind kind) {
    if (kind.mode(null) == Mode.COMPOUND) {
      assertThat(kind.publishedFiles()).isEqualTo(kind.outputFiles());
      return;
    }
    assertThat(kind.publishedFiles()).contains("vcluster-core/namespace.yaml",
        "argocd-application/argocd-application.yaml").hasSize(8);
    assertThat(kind.requestSchemaOf()).isEqualTo(PromiseKind.VCLUSTER_ORCHESTRATOR);
  }
}

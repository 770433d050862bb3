package tech.integratn.pipeline.install;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.integratn.pipeline.Refusals.assertRefused;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.kind.PromiseKind;

/**
 * The image reference a platform's promises run, one rule each: the rule, the reference, and
 * whether a container runtime can pull exactly it.
 */
class InstallablePromisesTest {
  private static final String DIGEST = "@sha256:" + "a".repeat(64);

  static Stream<Arguments> images() {
    return Stream.of(
        Arguments.of("a repository and a tag", "ghcr.io/org/image:0.1.0", true),
        Arguments.of("a registry with a port", "registry.local:5000/image:v1", true),
        Arguments.of("a digest", "ghcr.io/org/image" + DIGEST, true),
        Arguments.of("a tag and a digest", "ghcr.io/org/image:0.1.0" + DIGEST, true),
        Arguments.of("no tag or digest: whatever latest is that day", "ghcr.io/org/image", false),
        Arguments.of("a registry port is not a tag", "registry.local:5000/image", false),
        Arguments.of("a short digest", "ghcr.io/org/image@sha256:abc", false),
        Arguments.of("upper case in the repository", "ghcr.io/Org/image:1", false),
        Arguments.of("a space", "ghcr.io/org/image:1 x", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("images")
  void pinsTheImage(String rule, String image, boolean pullable) {
    if (pullable) {
      assertThat(InstallablePromises.checkImage(image)).as(rule).isEqualTo(image);
    } else {
      assertRefused(rule, () -> InstallablePromises.checkImage(image), ExitCode.USAGE, image);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theVclusterPromiseTakesTheOrchestratorsRequestSchema() {
    Map<String, Object> direct = BundledPromises.read(PromiseKind.VCLUSTER);
    Map<String, Object> compound = BundledPromises.read(PromiseKind.VCLUSTER_ORCHESTRATOR);
    assertThat(versions(direct)).isEqualTo(versions(compound)).isNotEmpty();
    versions(direct).clear();
    assertThat(versions(BundledPromises.read(PromiseKind.VCLUSTER_ORCHESTRATOR)))
        .as("a fresh copy each time").isNotEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> versions(Map<String, Object> promise) {
    Map<String, Object> spec = (Map<String, Object>) promise.get("spec");
    Map<String, Object> api = (Map<String, Object>) spec.get("api");
    return (List<Object>) ((Map<String, Object>) api.get("spec")).get("versions");
  }
}

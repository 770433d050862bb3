package tech.integratn.pipeline;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a tool, root, a file): outside CI a missing one skips the
 * calling test, reported as skipped with the reason; with {@code CI=true} it fails, so a test
 * never silently runs nothing. Call it in each test (or a {@code @BeforeEach}), not in a
 * {@code @BeforeAll}: a class skipped before all its tests is reported as no test at all.
 */
public final class Tools {
  /** Whether each tool asked about is installed, looked up once per run. */
  private static final Map<String, Boolean> PRESENT = new ConcurrentHashMap<>();

  private Tools() {}

  /** {@code tool} on the PATH. */
  public static void require(String tool) {
    require(PRESENT.computeIfAbsent(tool, Tools::installed), tool + " is not installed");
  }

  /** Something else the test needs, {@code missing} saying what is not there. */
  public static void require(boolean present, String missing) {
    if ("true".equals(System.getenv("CI"))) {
      Assertions.assertThat(present).as(missing + ", and CI must have it (.ci/install-tools)")
          .isTrue();
    }
    Assumptions.assumeTrue(present, missing);
  }

  private static boolean installed(String tool) {
    try {
      return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}

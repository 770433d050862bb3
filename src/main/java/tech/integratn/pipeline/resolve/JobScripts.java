package tech.integratn.pipeline.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The kubeconfig sync Job's shell scripts, bundled as files under {@code scripts/}. They are data:
 * they reach the container byte for byte, and run there, never while rendering.
 */
public final class JobScripts {
  public static final String WAIT_FOR_KUBECONFIG = "scripts/wait-for-kubeconfig.sh";
  public static final String SYNC_TO_ONEPASSWORD = "scripts/sync-to-onepassword.sh";

  private JobScripts() {}

  public static String read(String resource) {
    try (InputStream in = JobScripts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code script} preceded by shell assignments of {@code variables}, each single-quoted. */
  public static String withVariables(Map<String, String> variables, String script) {
    StringBuilder text = new StringBuilder();
    variables.forEach((name, value) ->
        text.append(name).append('=').append(singleQuoted(value)).append('\n'));
    return text.append(script).toString();
  }

  static String singleQuoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}

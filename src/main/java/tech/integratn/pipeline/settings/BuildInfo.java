package tech.integratn.pipeline.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the build stamped into the jar: this image's version and its own image reference. */
public final class BuildInfo {
  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  public static String version() {
    return PROPERTIES.getProperty("version", "unknown");
  }

  /** The reference the built promises run; the kubeconfig sync Job runs it too. */
  public static String image() {
    return PROPERTIES.getProperty("image", "unknown");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}

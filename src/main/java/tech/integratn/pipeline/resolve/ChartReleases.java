package tech.integratn.pipeline.resolve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vcluster chart releases whose values schemas ship in the jar: {@code releases.tsv} maps
 * each release to its schema file. Only the small table is read up front; a schema is read when a
 * request names one of its releases.
 */
public final class ChartReleases {
  /** Where the jar holds the chart schemas and the table (compacted by build.BundledSchemas). */
  public static final String DIRECTORY = "vcluster-chart";
  private static final Map<String, String> SCHEMA_OF_RELEASE = load();

  private ChartReleases() {}

  /** "v0.31.1" and "0.31.1" name the same release. */
  public static String normalise(String targetRevision) {
    String version = targetRevision.trim();
    return version.startsWith("v") ? version.substring(1) : version;
  }

  /** The schema resource of a bundled release, if the release is bundled. */
  public static Optional<String> schemaResource(String targetRevision) {
    return Optional.ofNullable(SCHEMA_OF_RELEASE.get(normalise(targetRevision)))
        .map(file -> DIRECTORY + "/" + file);
  }

  public static List<String> releases() {
    return new ArrayList<>(SCHEMA_OF_RELEASE.keySet());
  }

  /** The newest bundled release. */
  public static String newest() {
    String newest = null;
    for (String release : SCHEMA_OF_RELEASE.keySet()) {
      if (newest == null || ChartVersion.atLeast(release, newest)) {
        newest = release;
      }
    }
    return newest;
  }

  /** True when {@code targetRevision} is a numeric version after every bundled release. */
  public static boolean isNewerThanBundled(String targetRevision) {
    String version = normalise(targetRevision);
    return version.matches("\\d+(\\.\\d+)*") && !version.equals(newest())
        && ChartVersion.atLeast(version, newest());
  }

  private static Map<String, String> load() {
    Map<String, String> table = new LinkedHashMap<>();
    try (InputStream in = ChartReleases.class.getClassLoader()
        .getResourceAsStream(DIRECTORY + "/releases.tsv")) {
      if (in == null) {
        throw new IllegalStateException(DIRECTORY + "/releases.tsv is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // header
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] columns = line.split("\t");
        if (columns.length >= 3) {
          table.put(columns[0].trim(), columns[2].trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return table;
  }
}

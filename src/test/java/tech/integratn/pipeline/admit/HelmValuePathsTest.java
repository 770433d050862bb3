package tech.integratn.pipeline.admit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.resolve.ChartReleases;
import tech.integratn.pipeline.schema.JsonSchemas;
import tech.integratn.pipeline.settings.SettingsReader;

/**
 * The value paths a request may set by default, against the values schema of every bundled
 * release of the vcluster chart: each names a value the chart has (a path into a free-form
 * object, such as a Service's spec, counts), so no entry is a typo that opens nothing, or a key
 * that means something else in one release.
 */
class HelmValuePathsTest {
  /** Entries some releases lack, by the release line that lacks them (added in the next). */
  private static final Map<String, String> ABSENT_IN = Map.of(
      "controlPlane.advanced.podDisruptionBudget", "0.30.");

  static Stream<Arguments> releases() {
    return ChartReleases.releases().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "vcluster chart {0}")
  @MethodSource("releases")
  void everyDefaultPathIsAValueOfTheChart(String release) {
    JsonNode schema = JsonSchemas.resource(ChartReleases.schemaResource(release).orElseThrow());
    List<String> missing = new ArrayList<>();
    for (String path : SettingsReader.defaults().requestPolicy().helmValues().allow()) {
      boolean expected = !release.startsWith(ABSENT_IN.getOrDefault(path, "none"));
      if (expected && !exists(schema, schema, Arrays.asList(path.split("\\.")))) {
        missing.add(path);
      }
    }
    assertThat(missing).as("requestPolicy.helmValues.allow against chart " + release).isEmpty();
  }

  /** The oldest release a request may name is the oldest the paths above were checked against. */
  @org.junit.jupiter.api.Test
  void theOldestReleaseARequestMayNameIsTheOldestBundled() {
    assertThat(ChartReleases.releases().stream().map(r -> r.split("\\."))
        .min(java.util.Comparator.<String[]>comparingInt(v -> Integer.parseInt(v[0]))
            .thenComparingInt(v -> Integer.parseInt(v[1]))
            .thenComparingInt(v -> Integer.parseInt(v[2])))
        .map(v -> String.join(".", v))).contains(NamePolicy.OLDEST_CHECKED_RELEASE);
  }

  /** Follows properties ($ref resolved); "*" is any property; a free-form object holds any key. */
  private static boolean exists(JsonNode root, JsonNode node, List<String> path) {
    while (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      node = root.at(ref.substring(1));
    }
    if (path.isEmpty()) {
      return true;
    }
    JsonNode properties = node.path("properties");
    String key = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (key.equals("*")) {
      for (JsonNode child : properties) {
        if (exists(root, child, rest)) {
          return true;
        }
      }
      return false;
    }
    if (properties.has(key)) {
      return exists(root, properties.get(key), rest);
    }
    JsonNode additional = node.path("additionalProperties");
    if (additional.isObject()) {
      return exists(root, additional, rest);
    }
    return properties.isMissingNode() && !additional.isBoolean()
        && "object".equals(node.path("type").asText());
  }
}

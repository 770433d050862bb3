package tech.integratn.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tech.integratn.pipeline.yaml.Yaml;

/** The golden cases under test-fixtures/: <case>/input/object.yaml and <case>/output/. */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  public static Path projectRoot() {
    return Path.of(System.getProperty("project.root", System.getProperty("user.dir")));
  }

  public static Path root() {
    return projectRoot().resolve("test-fixtures");
  }

  public static List<Path> cases() {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("input/object.yaml"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path input(Path fixture) {
    return fixture.resolve("input/object.yaml");
  }

  /**
   * Settings that open the request policy as far as it goes ({@code open-policy.yaml}): the
   * Secret guard's tests run behind it, as the guard must hold whatever a platform opens.
   */
  public static Path openPolicy() {
    return projectRoot().resolve("src/test/resources/open-policy.yaml");
  }

  /** A case may render under platform settings: {@code <case>/settings.yaml}. */
  public static java.util.Optional<Path> settings(Path fixture) {
    Path settings = fixture.resolve("settings.yaml");
    return Files.isRegularFile(settings) ? java.util.Optional.of(settings) : java.util.Optional.empty();
  }

  /** The command line that renders {@code fixture} into {@code output} and {@code metadata}. */
  public static String[] args(Path fixture, Path output, Path metadata) {
    List<String> args = new java.util.ArrayList<>(List.of("--input", input(fixture).toString(),
        "--output", output.toString(), "--metadata", metadata.toString()));
    settings(fixture).ifPresent(s -> args.addAll(List.of("--settings", s.toString())));
    return args.toArray(String[]::new);
  }

  public static Path expectedOutput(Path fixture) {
    return fixture.resolve("output");
  }

  public static Path expectedMetadata(Path fixture) {
    return fixture.resolve("metadata");
  }

  public static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of every expected output file of {@code fixture}, as trees. */
  public static List<JsonNode> expectedDocuments(Path fixture) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    Path outputDir = expectedOutput(fixture);
    for (Path file : files(outputDir)) {
      for (Object document : Yaml.loadAll(Files.readString(outputDir.resolve(file)), Integer.MAX_VALUE)) {
        documents.add(JSON.valueToTree(document));
      }
    }
    return documents;
  }

  /**
   * The vcluster Helm values a rendered document carries: an Application's valuesObject, and
   * the values text of a core request or its ConfigMap, parsed.
   */
  public static List<JsonNode> helmValues(JsonNode document) {
    List<JsonNode> values = new ArrayList<>();
    JsonNode valuesObject = document.at("/spec/source/helm/valuesObject");
    if (valuesObject.isObject() && valuesObject.size() > 0) {
      values.add(valuesObject);
    }
    for (JsonNode text : List.of(document.at("/spec/valuesYaml"), document.at("/data/values.yaml"))) {
      if (text.isTextual()) {
        values.add(JSON.valueToTree(Yaml.loadAll(text.asText(), Integer.MAX_VALUE).get(0)));
      }
    }
    return values;
  }
}

package tech.integratn.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The golden cases under test-fixtures/: <case>/input/object.yaml and <case>/output/. */
public final class Fixtures {
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
}

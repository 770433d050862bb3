package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import graph of the main code, read from its sources: packages form no circle, and the
 * stages never reach back to the pipeline that runs them (docs/development.md, "Layout").
 */
class ArchitectureTest {
  private static final String BASE = "tech.integratn.pipeline";
  private static final Pattern REFERENCE = Pattern.compile(
      "\\b" + Pattern.quote(BASE) + "((?:\\.[a-z]\\w*)*)\\.[A-Z]");
  private static final Map<String, Set<String>> USES = new TreeMap<>();

  @BeforeAll
  static void readSources() throws IOException {
    Path root = Fixtures.projectRoot().resolve("src/main/java");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String from = packageOf(root.relativize(file.getParent()).toString().replace('/', '.'));
        Set<String> uses = USES.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(Files.readString(file));
        while (m.find()) {
          String to = packageOf(BASE + m.group(1));
          if (!to.equals(from)) {
            uses.add(to);
          }
        }
      }
    }
  }

  /** "" for the root package, else its name below the base. */
  private static String packageOf(String name) {
    return name.equals(BASE) ? "" : name.substring(BASE.length() + 1);
  }

  @Test
  void packagesFormNoCircle() {
    List<String> circle = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    for (String start : USES.keySet()) {
      if (findCircle(start, new ArrayList<>(), done, circle)) {
        break;
      }
    }
    assertThat(circle).as("a circle of package imports").isEmpty();
  }

  private static boolean findCircle(String at, List<String> path, Set<String> done,
      List<String> circle) {
    if (path.contains(at)) {
      circle.addAll(path.subList(path.indexOf(at), path.size()));
      circle.add(at);
      return true;
    }
    if (!done.add(at)) {
      return false;
    }
    path.add(at);
    for (String next : USES.getOrDefault(at, Set.of())) {
      if (findCircle(next, path, done, circle)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  @Test
  void onlyTheCommandsUseThePipelineThatRunsTheStages() {
    USES.forEach((from, uses) -> {
      if (uses.contains("")) {
        assertThat(from).as(from + " uses the root package").isIn("cli", "check");
      }
    });
    assertThat(USES.get("")).doesNotContain("cli", "check", "install", "sync", "build");
  }

  @Test
  void theLeavesUseNoStage() {
    for (String leaf : List.of("failure", "yaml", "schema")) {
      assertThat(USES.getOrDefault(leaf, Set.of())).as(leaf).isSubsetOf("failure");
    }
    assertThat(USES.get("kind")).as("kind").containsOnly("failure");
  }

  /** Templates see the resolved model alone: a setting reaches them only through a resolver. */
  @Test
  void renderUsesNoSettings() {
    assertThat(USES.getOrDefault("render", Set.of())).as("render").doesNotContain("settings");
  }
}

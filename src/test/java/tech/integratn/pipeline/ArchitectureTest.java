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
 * The import graph of the main code, read from its sources: packages form no circle, classes
 * form none either (inside a package or across packages), the leaves use no stage, and the
 * stages never reach back to the pipeline that runs them (docs/development.md, "Layout").
 */
class ArchitectureTest {
  private static final String BASE = "tech.integratn.pipeline";
  private static final Pattern REFERENCE = Pattern.compile(
      "\\b" + Pattern.quote(BASE) + "((?:\\.[a-z]\\w*)*)\\.[A-Z]");
  private static final Map<String, Set<String>> USES = new TreeMap<>();
  /** Each top-level class (its nested ones included) to the project's classes it names. */
  private static final Map<String, Set<String>> CLASS_USES = new TreeMap<>();
  private static final Pattern QUALIFIED = Pattern.compile(
      "\\b" + Pattern.quote(BASE) + "((?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*)");
  /** String and character literals, then comments: what names no class. */
  private static final Pattern NOT_CODE = Pattern.compile(
      "\"(?:\\\\.|[^\"\\\\\n])*\"|'(?:\\\\.|[^'\\\\\n])+'|//[^\n]*|/\\*(?s:.*?)\\*/");

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
    readClasses(root);
  }

  /**
   * Class to class: a qualified name or an import names a class of another package (or its
   * own); a simple name that is a sibling class's names that sibling.
   */
  private static void readClasses(Path root) throws IOException {
    Map<Path, List<Path>> byPackage = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(f -> f.toString().endsWith(".java"))
          .forEach(f -> byPackage.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f));
    }
    for (Map.Entry<Path, List<Path>> entry : byPackage.entrySet()) {
      String pkg = root.relativize(entry.getKey()).toString().replace('/', '.');
      List<String> siblings = entry.getValue().stream()
          .map(f -> f.getFileName().toString().replace(".java", "")).toList();
      for (Path file : entry.getValue()) {
        String name = file.getFileName().toString().replace(".java", "");
        String from = pkg + "." + name;
        Set<String> uses = CLASS_USES.computeIfAbsent(from, k -> new TreeSet<>());
        String code = NOT_CODE.matcher(Files.readString(file)).replaceAll(" ");
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
          uses.add(BASE + qualified.group(1) + "." + qualified.group(2));
        }
        for (String sibling : siblings) {
          if (!sibling.equals(name)
              && Pattern.compile("\\b" + sibling + "\\b").matcher(code).find()) {
            uses.add(pkg + "." + sibling);
          }
        }
        uses.remove(from);
      }
    }
  }

  @Test
  void classesFormNoCircle() {
    List<String> circle = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    for (String start : CLASS_USES.keySet()) {
      if (findCircle(CLASS_USES, start, new ArrayList<>(), done, circle)) {
        break;
      }
    }
    assertThat(circle).as("a circle of class references").isEmpty();
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
      if (findCircle(USES, start, new ArrayList<>(), done, circle)) {
        break;
      }
    }
    assertThat(circle).as("a circle of package imports").isEmpty();
  }

  private static boolean findCircle(Map<String, Set<String>> graph, String at, List<String> path,
      Set<String> done, List<String> circle) {
    if (path.contains(at)) {
      circle.addAll(path.subList(path.indexOf(at), path.size()));
      circle.add(at);
      return true;
    }
    if (!done.add(at)) {
      return false;
    }
    path.add(at);
    for (String next : graph.getOrDefault(at, Set.of())) {
      if (findCircle(graph, next, path, done, circle)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  /**
   * An error of the JVM's own (out of memory, out of stack) is never caught to carry on: every
   * reading is bounded so that none can happen, and if one does the run ends with exit 1 and
   * keeps no output (docs/safety.md, "When the JVM itself fails").
   */
  @Test
  void mainCodeCatchesNoErrorOfTheJvm() throws IOException {
    Path root = Fixtures.projectRoot().resolve("src/main/java");
    Pattern caught = Pattern.compile("catch\\s*\\([^)]*\\b(?:Throwable|Error|VirtualMachineError"
        + "|OutOfMemoryError|StackOverflowError)\\b");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = NOT_CODE.matcher(Files.readString(file)).replaceAll(" ");
        assertThat(caught.matcher(code).find()).as(root.relativize(file).toString()).isFalse();
      }
    }
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
    // The leaves import nothing above them: failure nothing, the others failure at most.
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

package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Seeded mutation of every fixture input. A normal build runs a fixed number of mutations
 * ({@code -Dfuzz.runs}) from a fixed seed, so it is repeatable; CI ({@code CI=true}) draws a new
 * seed each run, prints it, and mutates for a time box ({@code -Dfuzz.seconds}, 60 by default);
 * {@code -Dfuzz.seed} replays one. Mutations aim at the readers'
 * edges: escapes of every kind, byte-order marks, Unicode spaces and line breaks, tags, anchors
 * and aliases, flow and JSON streams, document markers with trailing characters, template
 * actions, and the hostile texts of every family. Invariants for any request: the exit code is
 * 0, 3 or 4 (never 1 or another), no stack trace or Java name on stderr, nothing written unless
 * it succeeded, and what it wrote parses with a YAML 1.2 and a YAML 1.1 reader and holds no
 * Secret for either, nor for the Go readers (GoOracle, required in CI).
 * A failing input is saved under {@code target/fuzz-failures/}; copy it to
 * {@code src/test/resources/fuzz-regressions/} to keep it as a regression case.
 */
@Tag("slow")
class FuzzTest {
  private static final Path REGRESSIONS = Fixtures.projectRoot()
      .resolve("src/test/resources/fuzz-regressions");
  private static final Path FAILURES = Fixtures.projectRoot().resolve("target/fuzz-failures");
  private static final String[] TEXT_MUTATIONS = {
      "!!binary aGVsbG8=", "!!set {a}", "!<tag:yaml.org,2002:java.util.UUID> x", "!local x",
      "!!int \"abc\"", "!!float x", "!!bool maybe", "!!timestamp 2001-12-14", "!!str 1", "!!null ''",
      "&a {x: 1}", "*a", "<<: {kind: Secret}", "\u0085", "\u2028", "\u2029", "\ufeff", "\u200b",
      "\r", "\r\n", "\t", "\u0000", "\u007f", "\"\\L\\P\\N\\_\"", "2147483648", "99999999999999999999",
      "-1", "1e400", ".nan", "0x7FFFFFFF", "0o777", "~", "null", "yes", "[", "]", "{", "}", ": ",
      "- ", "---", "...", "#", "kind: Secret", "apiVersion: v1\nkind: Secret\n", "'", "\"",
      "é", "🚀", "\\", "%YAML 1.1\n---\n",
      // the Go readers' edges
      "\"\\x6bind\": \"\\u0053ecret\"", "\"\\U0001F600\"", "\"\\UFFFFFFFF\"", "\"it\\'s\"",
      "\"a\\\n  b\"", "\"\\/\\ \\_\"", "\u00a0", "\u3000", "\u000b", "\f", "\ufeffkind: Secret",
      "!!str Secret", "!<tag:yaml.org,2002:binary> U2VjcmV0", "!!%62inary U2VjcmV0",
      "&k kind", "*k: Secret", "{a: 1}{kind: Secret}", "{\"kind\":\"Secret\"}\n{\"a\":1}",
      "---\u00a0", "---#", "---kind: Secret", "\n---\u3000\napiVersion: v1\nkind: Secret\n",
      "{{ \"kind: Secret\" }}", "{{ .Release.Name }}", "{{- ", " -}}", "{{/* kind: Secret */}}",
      "{{ printf \"Sec\" }}ret", "[[[[[[[[[[[[[[[[[[[[", "kind: |-\n  Secret"};
  /** Mutations in a normal build: the same inputs every time, whatever the machine's speed. */
  private static final int DEFAULT_RUNS = 2000;
  /** Fixed so a normal build is repeatable; CI draws a new seed each run. */
  private static final long DEFAULT_SEED = 20261130L;

  @TempDir Path work;

  static List<Path> regressions() throws IOException {
    if (!Files.isDirectory(REGRESSIONS)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(REGRESSIONS)) {
      return files.sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regressions")
  void keptRegressionInputsHoldTheInvariants(Path input) throws IOException {
    String problem = check(Files.readAllBytes(input), work.resolve("regression"));
    assertThat(problem).as(input.toString()).isNull();
  }

  @Test
  void mutatedFixturesHoldTheInvariants() throws IOException {
    boolean ci = "true".equals(System.getenv("CI"));
    long seed = Long.getLong("fuzz.seed", ci ? System.nanoTime() : DEFAULT_SEED);
    System.out.println("fuzz: seed " + seed);
    boolean timed = ci || System.getProperty("fuzz.seconds") != null;
    long deadline = System.nanoTime() + Long.getLong("fuzz.seconds", 60L) * 1_000_000_000L;
    int limit = Integer.getInteger("fuzz.runs", timed ? Integer.MAX_VALUE : DEFAULT_RUNS);
    List<String> inputs = new ArrayList<>();
    for (Path fixture : Fixtures.cases()) {
      inputs.add(Files.readString(Fixtures.input(fixture)));
    }
    Random random = new Random(seed);
    int runs = 0;
    while (runs < limit && (!timed || System.nanoTime() < deadline)) {
      String base = inputs.get(random.nextInt(inputs.size()));
      byte[] mutated = mutate(base, random);
      String problem = check(mutated, work.resolve("run-" + runs));
      if (problem != null) {
        Files.createDirectories(FAILURES);
        Path kept = Files.write(FAILURES.resolve("seed-" + seed + "-run-" + runs + ".yaml"), mutated);
        throw new AssertionError(problem + "\ninput kept at " + kept + " (seed " + seed + ")");
      }
      runs++;
    }
    System.out.println("fuzz: " + runs + " mutated requests, seed " + seed);
    assertThat(runs).isPositive();
  }

  /** The Go readers, where Go is installed (always in CI); null elsewhere. */
  private static GoOracle goReaders;

  @org.junit.jupiter.api.BeforeAll
  static void goReaders() {
    try {
      goReaders = GoOracle.get();
    } catch (org.opentest4j.TestAbortedException noGoHere) {
      // Outside CI only (with CI=true a missing Go fails): the other invariants still run.
      System.out.println("fuzz: " + noGoHere.getMessage() + ": the Go readers' invariant is "
          + "not checked in this run");
      goReaders = null;
    }
  }

  /** Null when every invariant holds, else what broke. */
  static String check(byte[] input, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = Files.write(dir.resolve("object.yaml"), input);
    Path out = dir.resolve("out");
    Path meta = dir.resolve("meta");
    Cli result = Cli.run("--input", file.toString(), "--output", out.toString(),
        "--metadata", meta.toString());
    int code = result.exitCode();
    if (code != 0 && code != 3 && code != 4) {
      return "exit " + code + ": " + result.err();
    }
    if (result.err().contains("\tat ") || result.err().contains("Exception")
        || result.err().contains("java.")) {
      return "a stack trace or Java name: " + result.err();
    }
    if (code != 0) {
      return Files.exists(out) || Files.exists(meta) ? "wrote files on exit " + code : null;
    }
    for (Path written : Fixtures.files(out)) {
      String text = Files.readString(out.resolve(written));
      try {
        new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(d -> { });
        new org.yaml.snakeyaml.Yaml().loadAll(text).forEach(d -> { });
      } catch (RuntimeException | StackOverflowError e) {
        return written + " does not parse: " + e.getMessage();
      }
      if (SecretOracle.readsAsSecret(text)) {
        return written + " reads as a Secret";
      }
      if (goReaders != null) {
        java.util.Optional<String> secret = goReaders.secretIn(text);
        if (secret.isPresent()) {
          return written + " reads as a Secret to the Go readers: " + secret.get();
        }
      }
    }
    return null;
  }

  /** One to three mutations, on the text or on the parsed structure. */
  static byte[] mutate(String base, Random random) {
    String text = base;
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      text = random.nextBoolean() ? mutateText(text, random) : mutateStructure(text, random);
    }
    if (random.nextInt(20) == 0) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (bytes.length > 0) {
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
      }
      return bytes;
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String mutateText(String text, Random random) {
    int at = text.isEmpty() ? 0 : random.nextInt(text.length());
    String piece = TEXT_MUTATIONS[random.nextInt(TEXT_MUTATIONS.length)];
    return switch (random.nextInt(5)) {
      case 0 -> text.substring(0, at) + piece + text.substring(at);
      case 1 -> text.substring(0, at);
      case 2 -> {
        int end = Math.min(text.length(), at + random.nextInt(40));
        yield text.substring(0, at) + text.substring(end);
      }
      case 3 -> {
        int lineEnd = text.indexOf('\n', at);
        yield lineEnd < 0 ? text + " " + piece : text.substring(0, lineEnd) + " " + piece
            + text.substring(lineEnd);
      }
      default -> text.substring(0, at) + text.substring(at, Math.min(text.length(), at + 30))
          .repeat(1 + random.nextInt(50)) + text.substring(at);
    };
  }

  @SuppressWarnings("unchecked")
  private static String mutateStructure(String text, Random random) {
    Object document;
    try {
      document = new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (RuntimeException | StackOverflowError e) {
      return text;
    }
    if (!(document instanceof Map<?, ?>)) {
      return text;
    }
    List<Map<String, Object>> maps = new ArrayList<>();
    collectMaps(document, maps);
    Map<String, Object> target = maps.get(random.nextInt(maps.size()));
    List<String> keys = new ArrayList<>(target.keySet());
    String key = keys.isEmpty() || random.nextInt(4) == 0
        ? "k" + random.nextInt(5) : keys.get(random.nextInt(keys.size()));
    switch (random.nextInt(4)) {
      case 0 -> target.remove(key);
      case 1 -> target.put(key, randomValue(random, 0));
      case 2 -> target.put(key, target.get(keys.isEmpty() ? key : keys.get(0)));
      default -> target.put(key, random.nextInt(3) == 0 ? hostileText(random)
          : NastyStrings.FRAGMENTS.get(random.nextInt(NastyStrings.FRAGMENTS.size())));
    }
    try {
      return new Dump(DumpSettings.builder().build()).dumpToString(document);
    } catch (RuntimeException | StackOverflowError e) {
      return text;
    }
  }

  /** A hostile text of any family or a template, cut short or whole. */
  private static String hostileText(Random random) {
    List<HostileTexts.Hostile> all = new ArrayList<>(HostileTexts.all());
    all.addAll(HostileTexts.templates());
    String text = all.get(random.nextInt(all.size())).text();
    return random.nextInt(4) == 0 ? text.substring(0, random.nextInt(text.length() + 1)) : text;
  }

  private static Object randomValue(Random random, int depth) {
    return switch (depth > 2 ? random.nextInt(6) : random.nextInt(8)) {
      case 0 -> random.nextInt();
      case 1 -> random.nextLong();
      case 2 -> random.nextDouble() * 1e6;
      case 3 -> random.nextBoolean();
      case 4 -> null;
      case 5 -> NastyStrings.FRAGMENTS.get(random.nextInt(NastyStrings.FRAGMENTS.size()));
      case 6 -> new ArrayList<>(java.util.Arrays.asList(randomValue(random, depth + 1), randomValue(random, depth + 1)));
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k" + random.nextInt(3), randomValue(random, depth + 1));
        yield map;
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static void collectMaps(Object node, List<Map<String, Object>> into) {
    if (node instanceof Map<?, ?> map) {
      into.add((Map<String, Object>) map);
      map.values().forEach(v -> collectMaps(v, into));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collectMaps(v, into));
    }
  }
}

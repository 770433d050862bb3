package tech.integratn.pipeline.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import tech.integratn.pipeline.failure.PipelineException;

/**
 * {@code render check}'s verdicts as text for people (or only the failures, quiet), JSON for
 * tools, JUnit XML or TAP for CI systems. Every format has the counts and the durations.
 */
public final class CheckReport {
  public enum Format { text, json, junit, tap, github, sarif }

  private CheckReport() {}

  /** The report of a run, as text; {@code quiet} leaves out what passed (text only). */
  public static String of(Format format, CheckRun.Outcome outcome, boolean quiet) {
    return switch (format) {
      case json -> json(outcome);
      case junit -> junit("render check", outcome.results(), outcome.skipped(), outcome.seconds());
      case tap -> tap(outcome);
      case github -> github(outcome);
      case sarif -> sarif(outcome);
      default -> text(outcome, quiet);
    };
  }

  /** A report written to the file {@code --output} names (its folder made if missing). */
  public static void write(java.nio.file.Path file, String report) {
    try {
      java.nio.file.Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        java.nio.file.Files.createDirectories(parent);
      }
      java.nio.file.Files.writeString(file, report, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new tech.integratn.pipeline.failure.PipelineException(tech.integratn.pipeline.failure.ExitCode.WRITE_FAILED,
          "Cannot write the report to " + file + " (" + tech.integratn.pipeline.failure.PipelineException
              .withoutJavaNames(e.getMessage()) + "). Check --output.");
    }
  }

  /** The summary line every format's run ends with on a terminal. */
  public static String summary(CheckRun.Outcome outcome) {
    long failed = outcome.results().stream().filter(r -> !r.ok()).count();
    return Words.plural(outcome.results().size(), "request") + " checked in "
        + String.format(Locale.ROOT, "%.2f", outcome.seconds()) + " s: "
        + (outcome.results().size() - failed) + " passed, " + failed + " failed"
        + (outcome.skipped().isEmpty() ? "" : "; " + Words.plural(outcome.skipped().size(),
            "other YAML document") + " skipped");
  }

  private static String text(CheckRun.Outcome outcome, boolean quiet) {
    StringBuilder out = new StringBuilder();
    for (CheckResult result : outcome.results()) {
      if (quiet && result.ok()) {
        continue;
      }
      out.append(result.ok() ? "ok    " : "FAIL  ").append(result.place().file()).append("  ")
          .append(result.subject().kindAndName()).append('\n');
      for (int i = 0; i < result.errors().size(); i++) {
        PipelineException.Problem e = result.errors().get(i);
        out.append("      line ").append(result.place().line(i)).append(", ").append(e.path())
            .append(": ").append(e.message().replace("\n", "\n      ")).append('\n');
      }
      if (!quiet) {
        result.warnings().forEach(w -> out.append("      ").append(w).append('\n'));
        result.changes().forEach(c -> out.append("      ").append(c.action()).append(' ')
            .append(c.file()).append(c.diff().isEmpty() ? "" : "\n      "
                + c.diff().replace("\n", "\n      ")).append('\n'));
      }
    }
    if (!quiet) {
      outcome.skipped().forEach(s -> out.append("skip  ").append(s.file()).append(": ")
          .append(s.reason()).append('\n'));
    }
    return out.append(summary(outcome)).append('\n').toString();
  }

  private static String json(CheckRun.Outcome outcome) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    long failed = outcome.results().stream().filter(r -> !r.ok()).count();
    root.put("ok", outcome.ok());
    ObjectNode counts = root.putObject("counts");
    counts.put("requests", outcome.results().size());
    counts.put("passed", outcome.results().size() - failed);
    counts.put("failed", failed);
    counts.put("skipped", outcome.skipped().size());
    root.put("seconds", round(outcome.seconds()));
    ArrayNode list = root.putArray("results");
    for (CheckResult result : outcome.results()) {
      ObjectNode entry = list.addObject();
      entry.put("file", result.place().file());
      entry.put("kind", result.subject().kind());
      entry.put("namespace", result.subject().namespace());
      entry.put("name", result.subject().name());
      entry.put("ok", result.ok());
      entry.put("seconds", round(result.seconds()));
      entry.put("source", result.place().source());
      ArrayNode errors = entry.putArray("errors");
      for (int i = 0; i < result.errors().size(); i++) {
        PipelineException.Problem e = result.errors().get(i);
        errors.addObject().put("path", e.path()).put("line", result.place().line(i))
            .put("message", e.message());
      }
      ArrayNode warnings = entry.putArray("warnings");
      result.warnings().forEach(warnings::add);
      ArrayNode changes = entry.putArray("changes");
      result.changes().forEach(c -> changes.addObject().put("action", c.action())
          .put("file", c.file()).put("diff", c.diff()));
    }
    ArrayNode skipped = root.putArray("skipped");
    outcome.skipped().forEach(s -> skipped.addObject().put("file", s.file()).put("reason", s.reason()));
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * GitHub Actions workflow commands: an error annotation per problem, on its file and line (the
   * file as given on the command line, so run the check from the repository's root), a warning
   * per warning, then the summary.
   */
  private static String github(CheckRun.Outcome outcome) {
    StringBuilder out = new StringBuilder();
    for (CheckResult result : outcome.results()) {
      CheckResult.Subject subject = result.subject();
      CheckResult.Place place = result.place();
      String title = subject.kind() + (subject.name().isEmpty() ? "" : " " + subject.name());
      for (int i = 0; i < result.errors().size(); i++) {
        PipelineException.Problem e = result.errors().get(i);
        out.append("::error file=").append(property(place.source())).append(",line=")
            .append(place.line(i)).append(",title=").append(property(title)).append("::")
            .append(data(e.path() + ": " + e.message())).append('\n');
      }
      for (String warning : result.warnings()) {
        out.append("::warning file=").append(property(place.source())).append(",line=")
            .append(place.line()).append(",title=").append(property(title)).append("::")
            .append(data(warning)).append('\n');
      }
    }
    return out.append(summary(outcome)).append('\n').toString();
  }

  /** A workflow command's message: %, CR and LF escaped as the runner expects. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A workflow command's property value: as a message, and ":" and "," too. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: a result per problem
   * (level error) and per warning, each with its file and line.
   */
  private static String sarif(CheckRun.Outcome outcome) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "render check");
    driver.put("version", tech.integratn.pipeline.settings.BuildInfo.version());
    ArrayNode rules = driver.putArray("rules");
    rules.addObject().put("id", "refused").putObject("shortDescription")
        .put("text", "A request (or a document among them) that the platform would refuse");
    rules.addObject().put("id", "warning").putObject("shortDescription")
        .put("text", "A request the platform renders, with a warning");
    ArrayNode results = run.putArray("results");
    for (CheckResult result : outcome.results()) {
      CheckResult.Place place = result.place();
      for (int i = 0; i < result.errors().size(); i++) {
        PipelineException.Problem e = result.errors().get(i);
        sarifResult(results, "refused", "error", e.path() + ": " + e.message(), place.source(),
            place.line(i));
      }
      for (String warning : result.warnings()) {
        sarifResult(results, "warning", "warning", warning, place.source(), place.line());
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sarifResult(ArrayNode results, String rule, String level, String message,
      String file, int line) {
    ObjectNode entry = results.addObject();
    entry.put("ruleId", rule);
    entry.put("level", level);
    entry.putObject("message").put("text", message);
    ObjectNode location = entry.putArray("locations").addObject().putObject("physicalLocation");
    location.putObject("artifactLocation").put("uri", uri(file));
    location.putObject("region").put("startLine", Math.max(1, line));
  }

  /** A file as a SARIF artifact URI: relative paths stay relative, with forward slashes. */
  static String uri(String file) {
    java.nio.file.Path path = java.nio.file.Path.of(file);
    if (path.isAbsolute()) {
      return path.toUri().toString();
    }
    StringBuilder uri = new StringBuilder();
    for (java.nio.file.Path part : path.normalize()) {
      if (uri.length() > 0) {
        uri.append('/');
      }
      uri.append(java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8)
          .replace("+", "%20"));
    }
    return uri.toString();
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }

  /**
   * JUnit XML as Jenkins, GitLab and GitHub's reporters read it: one testsuite in testsuites,
   * a testcase per request (a failure with every problem) and per skipped document. Names are
   * made safe for XML 1.0 whatever a file name holds.
   */
  public static String junit(String suite, List<CheckResult> results,
      List<CheckResult.Skipped> skipped, double seconds) {
    long failures = results.stream().filter(r -> !r.ok()).count();
    int tests = results.size() + skipped.size();
    String counts = " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\""
        + skipped.size() + "\" time=\"" + time(seconds) + "\"";
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuites name=\"").append(escape(suite)).append('"').append(counts).append(">\n");
    xml.append("  <testsuite name=\"").append(escape(suite)).append('"').append(counts)
        .append(" timestamp=\"").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
            Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime()))
        .append("\">\n");
    for (CheckResult result : results) {
      xml.append("    <testcase classname=\"").append(escape(result.place().file()))
          .append("\" name=\"").append(escape(result.subject().kindAndName())).append("\" time=\"")
          .append(time(result.seconds())).append('"');
      if (result.ok()) {
        xml.append("/>\n");
        continue;
      }
      xml.append(">\n      <failure type=\"refused\" message=\"")
          .append(escape((result.errors().get(0).path() + ": " + result.errors().get(0).message())
              .split("\n", 2)[0]))
          .append("\">");
      for (PipelineException.Problem problem : result.errors()) {
        xml.append(escape(problem.path() + ": " + problem.message())).append('\n');
      }
      xml.append("</failure>\n    </testcase>\n");
    }
    for (CheckResult.Skipped skip : skipped) {
      xml.append("    <testcase classname=\"").append(escape(skip.file()))
          .append("\" name=\"skipped\" time=\"0.000\">\n      <skipped message=\"")
          .append(escape(skip.reason())).append("\"/>\n    </testcase>\n");
    }
    return xml.append("  </testsuite>\n</testsuites>\n").toString();
  }

  private static String time(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  private static String tap(CheckRun.Outcome outcome) {
    StringBuilder tap = new StringBuilder("TAP version 13\n1..")
        .append(outcome.results().size() + outcome.skipped().size()).append('\n');
    int n = 0;
    for (CheckResult result : outcome.results()) {
      tap.append(result.ok() ? "ok " : "not ok ").append(++n).append(" - ")
          .append(oneLine(result.place().file() + " " + result.subject().kindAndName()))
          .append('\n');
      if (!result.ok()) {
        tap.append("  ---\n  problems:\n");
        result.errors().forEach(e -> tap.append("    - ").append(
            com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(
                e.path() + ": " + e.message())).append('\n'));
        tap.append("  ...\n");
      }
    }
    for (CheckResult.Skipped skip : outcome.skipped()) {
      tap.append("ok ").append(++n).append(" - ").append(oneLine(skip.file())).append(" # SKIP ")
          .append(oneLine(skip.reason())).append('\n');
    }
    return tap.append("# ").append(summary(outcome)).append('\n').toString();
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n#]+", " ");
  }

  /**
   * Text for an XML attribute or element: markup escaped, line breaks and tabs kept as
   * references, and every character XML 1.0 does not allow (controls, U+FFFE, U+FFFF, a lone
   * surrogate) replaced by U+FFFD.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
        continue;
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append("&#9;");
        default -> out.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c)
            ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}

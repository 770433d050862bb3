package tech.integratn.pipeline.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;

/** {@code render check}'s verdicts as text for people, JSON for tools, or JUnit XML for CI. */
public final class CheckReport {
  public enum Format { text, json, junit }

  private CheckReport() {}

  public static void print(Format format, List<CheckResult> results, List<String> skipped,
      PrintStream out) {
    switch (format) {
      case json -> out.println(json(results, skipped));
      case junit -> out.print(junit(results));
      default -> text(results, skipped, out);
    }
  }

  private static void text(List<CheckResult> results, List<String> skipped, PrintStream out) {
    for (CheckResult result : results) {
      out.println((result.ok() ? "ok    " : "FAIL  ") + result.file() + "  " + result.kind() + " "
          + result.name());
      result.errors().forEach(e -> out.println("      " + e.path() + ": " + e.message()));
      result.warnings().forEach(w -> out.println("      " + w));
      result.changes().forEach(c -> out.println("      " + c.replace("\n", "\n      ")));
    }
    skipped.forEach(s -> out.println("skip  " + s));
    long failed = results.stream().filter(r -> !r.ok()).count();
    out.println(results.size() + " requests checked: " + (results.size() - failed) + " passed, "
        + failed + " failed" + (skipped.isEmpty() ? "" : "; " + skipped.size()
        + " other YAML documents skipped"));
  }

  private static String json(List<CheckResult> results, List<String> skipped) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode list = root.putArray("results");
    for (CheckResult result : results) {
      ObjectNode entry = list.addObject();
      entry.put("file", result.file());
      entry.put("kind", result.kind());
      entry.put("name", result.name());
      entry.put("ok", result.ok());
      ArrayNode errors = entry.putArray("errors");
      result.errors().forEach(e -> errors.addObject().put("path", e.path()).put("message", e.message()));
      ArrayNode warnings = entry.putArray("warnings");
      result.warnings().forEach(warnings::add);
      if (!result.changes().isEmpty()) {
        ArrayNode changes = entry.putArray("changes");
        result.changes().forEach(changes::add);
      }
    }
    ArrayNode skippedList = root.putArray("skipped");
    skipped.forEach(skippedList::add);
    root.put("ok", results.stream().allMatch(CheckResult::ok));
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String junit(List<CheckResult> results) {
    long failures = results.stream().filter(r -> !r.ok()).count();
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuite name=\"render check\" tests=\"").append(results.size())
        .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
    for (CheckResult result : results) {
      xml.append("  <testcase classname=\"").append(escape(result.file())).append("\" name=\"")
          .append(escape(result.kind() + " " + result.name())).append("\"");
      if (result.ok()) {
        xml.append("/>\n");
        continue;
      }
      xml.append(">\n    <failure message=\"").append(escape(result.errors().get(0).message()))
          .append("\">");
      for (CheckResult.Problem problem : result.errors()) {
        xml.append(escape(problem.path() + ": " + problem.message())).append('\n');
      }
      xml.append("</failure>\n  </testcase>\n");
    }
    return xml.append("</testsuite>\n").toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }
}

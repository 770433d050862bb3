package tech.integratn.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings built to break YAML and templates: structure characters, document markers, a Secret's
 * header, shell and template syntax, YAML 1.1/1.2 look-alikes of booleans, nulls and numbers,
 * unicode line separators, control characters and long text. Seeded, so a failure reproduces.
 */
final class NastyStrings {
  static final List<String> FRAGMENTS = List.of(
      "\n", "\r\n", "\n\n", "---", "...", "--- |", "kind: Secret", "apiVersion: v1", "\nkind: Secret\n",
      "'", "\"", "''", "\\", "#", " #", ": ", ":", "- ", "? ", "|", ">", "|-", ">+", "%YAML 1.2",
      "&anchor", "*alias", "!!str", "!secret", "<<", "=", "@", "`", "{", "}", "[", "]", ",",
      "${HOME}", "$(id)", "`whoami`", "$VAR", "${yaml(name)}", "<#if x>", "[#ftl]", "#{x}", "{{ .Values }}",
      "yes", "no", "on", "off", "y", "n", "Yes", "TRUE", "true", "false", "null", "Null", "~", "",
      "0755", "0o755", "0x1F", "1e3", "1_000", "12:30", "1.0", ".inf", "-.nan", "+1", "2026-01-01",
      " ", "  leading", "trailing  ", "\t", "tab\there", "é", "日本語", "🚀", "\u200b", "\u2028", "\u2029",
      "\u0085", "\ufeff", "\u0000", "\u0007", "\u001b[31m", "\u007f", "plain");

  private NastyStrings() {}

  /** Every fragment alone, then {@code random} seeded compositions, then long texts. */
  static List<String> samples(int random, long seed) {
    List<String> samples = new ArrayList<>(FRAGMENTS);
    Random rnd = new Random(seed);
    for (int i = 0; i < random; i++) {
      StringBuilder s = new StringBuilder();
      int parts = 1 + rnd.nextInt(8);
      for (int p = 0; p < parts; p++) {
        s.append(FRAGMENTS.get(rnd.nextInt(FRAGMENTS.size())));
      }
      samples.add(s.toString());
    }
    // YAML caps implicit keys at 1024 characters and these are keys too; LongValueTest goes further.
    samples.add("x".repeat(1_000));
    samples.add("line: value\n".repeat(60) + "kind: Secret\n");
    return samples;
  }
}

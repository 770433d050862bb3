package tech.integratn.pipeline.guard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A text that a consumer may execute as a Go template (vcluster's {@code manifestsTemplate},
 * External Secrets' templates, charts that {@code tpl} their values), read as Go's
 * {@code text/template} lexer reads it: actions between {@code {{ }}, trim markers, comments,
 * and quoted strings in which {@code }}} does not end an action.
 *
 * <p>The guard accepts a template only when it knows every text an execution can write, so it
 * can check that text like any other: an action may be a comment, a constant string, or
 * {@code .Release.Name} / {@code .Release.Namespace} (DNS names, written here as a placeholder
 * that can stand for any such name). Anything else (a field of the values, a function, a
 * condition or loop that picks which lines appear) could write any text at all, so it is
 * refused. The scan is one pass over the text.
 */
public final class GoTemplate {
  private static final String SPACES = " \t\r\n";

  private GoTemplate() {}

  /** True when {@code text} has an action delimiter and so may be executed. */
  public static boolean hasActions(String text) {
    return text.contains("{{");
  }

  /** What executing a template writes, or why the guard cannot know. */
  public record Execution(String output, String problem) {
    static Execution refused(String problem) {
      return new Execution(null, problem);
    }

    public boolean known() {
      return problem == null;
    }
  }

  /**
   * What any execution of {@code text} writes, with {@link Spelling#PLACEHOLDER} where a release
   * name or namespace goes; or the reason it cannot be known. A text that is not a valid
   * template makes every executing consumer fail, so it is returned as {@code output} as is.
   */
  public static Execution execute(String text) {
    Spans parsed = actions(text);
    if (usesAnUndeclaredVariable(text, parsed.complete())) {
      // Go refuses to parse such a template, so no consumer executes it (Prometheus rules'
      // {{ $labels.x }} in a manifest, say): it is read as written.
      return new Execution(text, null);
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Span action : parsed.complete()) {
      out.append(text, at, action.open());
      if (action.trimLeft()) {
        trimTrailingSpaces(out);
      }
      String body = action.body(text).strip();
      if (body.startsWith("/*") && !Spelling.inert(body, true)) {
        return Execution.refused("has a comment at line " + lineOf(text, action.open())
            + " that a reader which does not execute the template could read as a Secret");
      }
      Optional<String> written = written(body);
      if (written.isEmpty()) {
        return Execution.refused("has the action {{ " + excerpt(body) + " }} at line "
            + lineOf(text, action.open()) + ", whose output the guard cannot know (only "
            + "comments, constant strings, .Release.Name and .Release.Namespace are accepted)");
      }
      out.append(written.get());
      at = action.end();
      if (action.trimRight()) {
        while (at < text.length() && SPACES.indexOf(text.charAt(at)) >= 0) {
          at++;
        }
      }
    }
    if (!parsed.closed()) {
      return new Execution(text, null); // not a template: executing it fails, nothing is written
    }
    return new Execution(out.append(text, at, text.length()).toString(), null);
  }

  /**
   * Where an action starts ({@code {{}), where its body starts and ends, where it ends, and
   * whether it trims the white space before and after it.
   */
  private record Span(int open, int bodyStart, int bodyEnd, int end, boolean trimLeft,
      boolean trimRight) {
    String body(String text) {
      return text.substring(bodyStart, bodyEnd);
    }
  }

  /** The actions of a text, in order, up to one that never closes ({@code closed} false). */
  private record Spans(List<Span> complete, boolean closed) {}

  private static Spans actions(String text) {
    List<Span> actions = new ArrayList<>();
    for (int open = text.indexOf("{{"); open >= 0; ) {
      boolean trimLeft = open + 3 < text.length() && text.charAt(open + 2) == '-'
          && SPACES.indexOf(text.charAt(open + 3)) >= 0;
      Optional<Span> action = scanAction(text, open, open + (trimLeft ? 3 : 2), trimLeft);
      if (action.isEmpty()) {
        return new Spans(actions, false);
      }
      actions.add(action.get());
      open = text.indexOf("{{", action.get().end());
    }
    return new Spans(actions, true);
  }

  /**
   * Whether an action uses a variable no earlier action declares: Go's parser then fails
   * ("undefined variable"), whatever the consumer. {@code $} alone is always defined; a
   * declaration is {@code $x :=} or a range's {@code $i, $x :=}. Declarations are counted in
   * the order written, ignoring scopes, which can only call more templates valid than Go does.
   */
  private static boolean usesAnUndeclaredVariable(String text, List<Span> actions) {
    Set<String> declared = new HashSet<>();
    for (Span action : actions) {
      String body = action.body(text);
      if (!body.strip().startsWith("/*") && usesUndeclared(body, declared)) {
        return true;
      }
    }
    return false;
  }

  /** Scans one action's variables outside its quoted strings, declaring as Go does. */
  private static boolean usesUndeclared(String body, Set<String> declared) {
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '"' || c == '\'') {
        int end = skipQuoted(body, i, c);
        i = end < 0 ? body.length() : end - 1;
      } else if (c == '`') {
        int end = body.indexOf('`', i + 1);
        i = end < 0 ? body.length() : end;
      } else if (c == ':' && i + 1 < body.length() && body.charAt(i + 1) == '=') {
        declared.addAll(pending); // the variables before := are declared by it
        pending.clear();
      } else if (c == '$' && i + 1 < body.length()
          && (Character.isLetter(body.charAt(i + 1)) || body.charAt(i + 1) == '_')) {
        int end = i + 1;
        while (end < body.length() && (Character.isLetterOrDigit(body.charAt(end))
            || body.charAt(end) == '_')) {
          end++;
        }
        int next = end;
        while (next < body.length() && Character.isWhitespace(body.charAt(next))) {
          next++;
        }
        String name = body.substring(i, end);
        if (body.startsWith(":=", next) || body.startsWith(",", next)) {
          pending.add(name);
        } else if (!declared.contains(name)) {
          return true;
        }
        i = end - 1;
      }
    }
    return false;
  }

  /**
   * Scans an action opened at {@code open}, from its body at {@code from} to the closing
   * delimiter; empty when there is none.
   */
  private static Optional<Span> scanAction(String text, int open, int from, boolean trimLeft) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = skipQuoted(text, i, c);
        if (i < 0) {
          return Optional.empty();
        }
        continue;
      }
      if (c == '`') {
        int close = text.indexOf('`', i + 1);
        if (close < 0) {
          return Optional.empty();
        }
        i = close + 1;
        continue;
      }
      if (c == '/' && text.startsWith("/*", i) && i == from) {
        int close = text.indexOf("*/", i + 2);
        if (close < 0) {
          return Optional.empty();
        }
        i = close + 2;
        continue;
      }
      if (SPACES.indexOf(c) >= 0 && text.startsWith("-}}", i + 1)) {
        return Optional.of(new Span(open, from, i, i + 4, trimLeft, true));
      }
      if (text.startsWith("}}", i)) {
        return Optional.of(new Span(open, from, i, i + 2, trimLeft, false));
      }
      i++;
    }
    return Optional.empty();
  }

  /** The index after a Go quoted string or character starting at {@code at}, or -1. */
  private static int skipQuoted(String text, int at, char quote) {
    for (int i = at + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i + 1;
      } else if (c == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /** What an action writes, when the guard knows it. */
  private static Optional<String> written(String body) {
    if (body.startsWith("/*") && body.endsWith("*/") && body.length() >= 4) {
      return Optional.of("");
    }
    switch (body) {
      case ".Release.Name", ".Release.Namespace", "$.Release.Name", "$.Release.Namespace":
        return Optional.of(String.valueOf(Spelling.PLACEHOLDER));
      default:
        break;
    }
    if (body.length() >= 2 && body.startsWith("`") && body.endsWith("`")
        && body.indexOf('`', 1) == body.length() - 1) {
      return Optional.of(body.substring(1, body.length() - 1));
    }
    if (body.length() >= 2 && body.startsWith("\"") && body.endsWith("\"")
        && skipQuoted(body, 0, '"') == body.length()) {
      return unquote(body.substring(1, body.length() - 1));
    }
    return Optional.empty();
  }

  /** A Go interpreted string literal's value; empty when an escape is not Go's. */
  static Optional<String> unquote(String inner) {
    StringBuilder out = new StringBuilder(inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= inner.length()) {
        return Optional.empty();
      }
      char e = inner.charAt(i);
      switch (e) {
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case '\\', '"', '\'' -> out.append(e);
        case 'x', 'u', 'U' -> {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          int code = Spelling.hexValue(inner, i + 1, digits);
          if (code < 0 || e != 'x' && !Character.isValidCodePoint(code)) {
            return Optional.empty();
          }
          if (e == 'x') {
            out.append((char) code); // a byte in Go; any byte value is one more character here
          } else {
            out.appendCodePoint(code);
          }
          i += digits;
        }
        default -> {
          if (e >= '0' && e <= '7' && i + 2 < inner.length()) {
            int code = parseOctal(inner, i, 3);
            if (code < 0 || code > 255) {
              return Optional.empty();
            }
            out.append((char) code);
            i += 2;
          } else {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.of(out.toString());
  }

  private static int parseOctal(String s, int from, int digits) {
    int value = 0;
    for (int i = from; i < from + digits; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') {
        return -1;
      }
      value = value * 8 + (c - '0');
    }
    return value;
  }

  private static void trimTrailingSpaces(StringBuilder out) {
    int end = out.length();
    while (end > 0 && SPACES.indexOf(out.charAt(end - 1)) >= 0) {
      end--;
    }
    out.setLength(end);
  }

  private static String excerpt(String body) {
    String oneLine = body.replaceAll("\\s+", " ");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }

  private static int lineOf(String text, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * Request text made safe to place where a consumer executes it as a Go template: every
   * {@code {{} written as an action that prints it, so an execution writes the text back
   * byte for byte.
   */
  public static String escape(String text) {
    return text.replace("{{", "{{\"{{\"}}");
  }
}

package tech.integratn.pipeline.guard;

/**
 * A text that a consumer executes as a Go template (vcluster's {@code manifestsTemplate}, Helm's
 * {@code tpl} in the vcluster chart, External Secrets' templates), accepted only when it is
 * written in a grammar small enough to know exactly what Go's {@code text/template} writes for
 * it: text without {@code {{}, and these actions, spelt exactly so (no trim markers):
 *
 * <ul>
 *   <li>{@code {{ .Release.Name }}} and {@code {{ .Release.Namespace }}} (with or without the
 *       spaces, and with {@code $} before the dot): a DNS name, written here as
 *       {@link Spelling#PLACEHOLDER}, which may stand for any such name;
 *   <li>{@code {{"{{"}}} (spaces around the string allowed): writes {@code {{};
 *   <li>a comment {@code {{/* ... *}{@code /}}}: writes nothing.
 * </ul>
 *
 * Anything else (a field of the values, a function, a pipeline, a variable, a condition, a trim
 * marker, a constant, an action that never closes) is refused: the guard does not evaluate Go
 * templates, it recognises the few it can prove equal to Go, and a differential test holds the
 * grammar to Go's own parser and executor.
 */
public final class GoTemplate {
  private GoTemplate() {}

  /** True when {@code text} has an action delimiter and so may be executed. */
  public static boolean hasActions(String text) {
    return text.contains("{{");
  }

  /** What executing a template writes, or why the guard cannot know. */
  public record Execution(String output, String problem, boolean hasComments) {
    static Execution refused(String problem) {
      return new Execution(null, problem, false);
    }

    public boolean known() {
      return problem == null;
    }
  }

  /**
   * What any execution of {@code text} writes, with {@link Spelling#PLACEHOLDER} where a release
   * name or namespace goes; or the reason it is refused. One pass over the text.
   */
  public static Execution execute(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean comments = false;
    int at = 0;
    for (int open = text.indexOf("{{"); open >= 0; open = text.indexOf("{{", at)) {
      out.append(text, at, open);
      int end;
      if (text.startsWith("{{/*", open)) {
        int close = text.indexOf("*/", open + 4);
        if (close < 0 || !text.startsWith("}}", close + 2)) {
          return refusal("has a comment at line " + lineOf(text, open) + " that does not end "
              + "with */}}", text, open);
        }
        comments = true;
        end = close + 4;
      } else {
        int close = text.indexOf("}}", open + 2);
        if (close < 0) {
          return refusal("has an action at line " + lineOf(text, open) + " that never closes",
              text, open);
        }
        String body = text.substring(open + 2, close);
        String written = written(body);
        if (written == null) {
          return refusal("has the action {{" + excerpt(body) + "}} at line "
              + lineOf(text, open) + ", which is not one the pipeline can vouch for", text, open);
        }
        out.append(written);
        end = close + 2;
      }
      at = end;
    }
    return new Execution(out.append(text, at, text.length()).toString(), null, comments);
  }

  private static Execution refusal(String problem, String text, int at) {
    return Execution.refused(problem + " (only {{ .Release.Name }}, {{ .Release.Namespace }}, "
        + "{{\"{{\"}} and comments {{/* ... */}} without trim markers are accepted)");
  }

  /** What an accepted action's body writes; null for any other body. */
  private static String written(String body) {
    switch (stripSpaces(body)) {
      case ".Release.Name", ".Release.Namespace", "$.Release.Name", "$.Release.Namespace":
        return String.valueOf(Spelling.PLACEHOLDER);
      case "\"{{\"":
        return "{{";
      default:
        return null;
    }
  }

  /** The body without the ASCII spaces around it (the only white space the grammar allows). */
  private static String stripSpaces(String body) {
    int start = 0;
    int end = body.length();
    while (start < end && body.charAt(start) == ' ') {
      start++;
    }
    while (end > start && body.charAt(end - 1) == ' ') {
      end--;
    }
    return body.substring(start, end);
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

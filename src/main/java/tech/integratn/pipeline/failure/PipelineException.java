package tech.integratn.pipeline.failure;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A refusal the operator or the platform user can act on. It holds its problems as data (where,
 * what was found, the fix) and is never changed once made; the one short paragraph it prints is
 * built from them only when asked for ({@link #getMessage()}), so no caller takes a message
 * apart again. Printed without a stack trace.
 */
public final class PipelineException extends RuntimeException {
  /**
   * One problem: where it is (a request's field path, a rendered file's place; "" when the
   * refusal is about the whole input), what was found, how to fix it ("" when {@code found}
   * already says it), and the line of its document it is on (1-based; 0 when only the path
   * says where, as for a field).
   */
  public record Problem(String path, String found, String fix, int line) {
    public Problem(String path, String found, String fix) {
      this(path, found, fix, 0);
    }

    /** A problem whose text says both what was found and the fix. */
    public Problem(String path, String message) {
      this(path, message, "", 0);
    }

    /** What was found and the fix, as one sentence (without the path). */
    public String message() {
      return fix.isEmpty() ? found : found + ". " + fix;
    }

    private Problem cleaned(UnaryOperator<String> clean) {
      return new Problem(clean.apply(path), clean.apply(found), clean.apply(fix), line);
    }
  }

  /** What kind of refusal this is, which says how its problems are introduced when printed. */
  public enum Heading {
    /** A refusal that is one sentence of its own (bad settings, a sync failure...). */
    NONE("", ": "),
    /** The request is refused; a problem's path is a field path, followed by a colon. */
    INVALID_REQUEST("Invalid request", ": "),
    /** The rendered output is refused; a problem's path is a place named in words. */
    OUTPUT_REFUSED("Refusing to write any output", " ");

    private final String title;
    private final String afterPath;

    Heading(String title, String afterPath) {
      this.title = title;
      this.afterPath = afterPath;
    }
  }

  /** Java class and exception names, which mean nothing to whoever reads the refusal. */
  private static final Pattern JAVA_NAME = Pattern.compile(
      "\\b(?:java|javax|jdk|sun)\\.[\\w.$]*:?\\s*"
          + "|\\b(?:org|com|tech)\\.(?:[A-Za-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*:?\\s*"
          + "|\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b:?\\s*");

  private final ExitCode exitCode;
  private final Heading heading;
  /** What the whole refusal is about (the input file), said before its problem; or "". */
  private final String subject;
  private final List<Problem> problems;

  /** A refusal that is one sentence, {@code message}, with its fix. */
  public PipelineException(ExitCode exitCode, String message) {
    this(exitCode, Heading.NONE, "", List.of(new Problem("", message)), null);
  }

  public PipelineException(ExitCode exitCode, String message, Throwable cause) {
    this(exitCode, Heading.NONE, "", List.of(new Problem("", message)), cause);
  }

  private PipelineException(ExitCode exitCode, Heading heading, String subject,
      List<Problem> problems, Throwable cause) {
    super(null, cause);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a refusal has at least one problem");
    }
    this.exitCode = exitCode;
    this.heading = heading;
    this.subject = withoutJavaNames(subject);
    this.problems = problems.stream().map(p -> p.cleaned(PipelineException::withoutJavaNames))
        .toList();
  }

  /** {@code text} without Java class or exception names; null becomes "". */
  public static String withoutJavaNames(String text) {
    return text == null ? "" : JAVA_NAME.matcher(text).replaceAll("");
  }

  /** A user mistake in the request: {@code field} is the dotted path inside the resource. */
  public static PipelineException invalidField(String field, String problem, String fix) {
    return invalidFields(List.of(new Problem(field, problem, fix)));
  }

  /** Several problems of one request, each with its path, refused together (exit 3). */
  public static PipelineException invalidFields(List<Problem> problems) {
    return new PipelineException(ExitCode.INVALID_INPUT, Heading.INVALID_REQUEST, "",
        List.copyOf(problems), null);
  }

  /** The request as a whole is refused (not one field of it): {@code problem} says why. */
  public static PipelineException invalidInput(String problem) {
    return new PipelineException(ExitCode.INVALID_INPUT, Heading.INVALID_REQUEST, "",
        List.of(new Problem("", problem)), null);
  }

  /** The input file {@code file} is refused: {@code problem} follows its name as a sentence. */
  public static PipelineException invalidFile(Object file, String problem) {
    return invalidFile(file, problem, 0);
  }

  /** As {@link #invalidFile(Object, String)}, about line {@code line} of the file (1-based). */
  public static PipelineException invalidFile(Object file, String problem, int line) {
    return new PipelineException(ExitCode.INVALID_INPUT, Heading.INVALID_REQUEST,
        String.valueOf(file), List.of(new Problem("", problem, "", line)), null);
  }

  /** The rendered output is refused, for a reason about no one place in it. */
  public static PipelineException outputRefused(String reason) {
    return outputRefused("", reason, "");
  }

  /** The rendered output is refused: {@code place} (in words) holds what was found. */
  public static PipelineException outputRefused(String place, String found, String fix) {
    return new PipelineException(ExitCode.OUTPUT_REFUSED, Heading.OUTPUT_REFUSED, "",
        List.of(new Problem(place, found, fix)), null);
  }

  /**
   * This refusal with every text passed through {@code hide} (a redactor), without its cause,
   * whose own message may hold what was hidden.
   */
  public PipelineException redacted(UnaryOperator<String> hide) {
    return new PipelineException(exitCode, heading, hide.apply(subject),
        problems.stream().map(p -> p.cleaned(hide)).toList(), null);
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public Heading heading() {
    return heading;
  }

  /** Every problem this refusal reports, at least one. */
  public List<Problem> problems() {
    return problems;
  }

  /** One problem as this refusal prints it, without the heading: its place, what, the fix. */
  public String said(Problem problem) {
    String what = subject.isEmpty() ? problem.message() : subject + " " + problem.message();
    return problem.path().isEmpty() ? what : problem.path() + heading.afterPath + what;
  }

  /** The paragraph printed on stderr, built from the problems. */
  @Override
  public String getMessage() {
    if (heading == Heading.NONE && problems.size() == 1) {
      return said(problems.get(0));
    }
    if (problems.size() == 1) {
      return heading.title + ": " + said(problems.get(0));
    }
    StringBuilder message = new StringBuilder(heading.title + ", " + problems.size()
        + " problems:");
    for (Problem problem : problems) {
      message.append("\n  ").append(said(problem));
    }
    return message.toString();
  }
}

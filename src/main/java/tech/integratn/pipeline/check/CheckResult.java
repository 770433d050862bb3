package tech.integratn.pipeline.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.failure.PipelineException.Problem;

/**
 * The verdict on one request document: where it is, what it is, every problem found, and how
 * long the check took.
 */
public record CheckResult(String file, String kind, String namespace, String name,
    List<Problem> errors, List<String> warnings, List<Change> changes, double seconds,
    Map<String, String> claims, String source, int line, List<Integer> lines) {

  /** What the request's render would do to a file of the state repository. */
  public record Change(String action, String file, String diff) {}

  public boolean ok() {
    return errors.isEmpty();
  }

  /** A document that is not a request of this image's API group, and why it was passed over. */
  public record Skipped(String file, String reason) {}

  static CheckResult of(String file, String kind, String namespace, String name,
      List<Problem> errors, List<String> warnings, List<Change> changes, double seconds) {
    return new CheckResult(file, kind, namespace, name, List.copyOf(errors),
        List.copyOf(warnings), List.copyOf(changes), seconds, Map.of(), file, 1,
        java.util.Collections.nCopies(errors.size(), 1));
  }

  /**
   * The file line each problem points at, 1 when it is not known: a problem's line is where its
   * field is in the file, else where its document starts.
   */
  public int line(int problem) {
    return problem < lines.size() ? lines.get(problem) : line;
  }

  /**
   * This verdict located: {@code source} the file (no document number), {@code start} the line
   * its document starts on, a line per problem.
   */
  CheckResult locatedIn(String source, int start, List<Integer> problemLines) {
    return new CheckResult(file, kind, namespace, name, errors, warnings, changes, seconds,
        claims, source, start, List.copyOf(problemLines));
  }

  /** This verdict with one more problem, about the whole document (at its first line). */
  CheckResult with(Problem problem) {
    List<Problem> more = new ArrayList<>(errors);
    more.add(problem);
    List<Integer> moreLines = new ArrayList<>(lines);
    moreLines.add(line);
    return new CheckResult(file, kind, namespace, name, List.copyOf(more), warnings, changes,
        seconds, claims, source, line, List.copyOf(moreLines));
  }

  /**
   * This verdict with the names it claims across the platform (what each is, to its value):
   * two requests that claim one are refused together by {@link CheckRun}.
   */
  CheckResult claiming(Map<String, String> claimed) {
    return new CheckResult(file, kind, namespace, name, errors, warnings, changes, seconds,
        Map.copyOf(claimed), source, line, lines);
  }
}

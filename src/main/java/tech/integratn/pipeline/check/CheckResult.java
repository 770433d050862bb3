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
    Map<String, String> claims) {

  /** What the request's render would do to a file of the state repository. */
  public record Change(String action, String file, String diff) {}

  public boolean ok() {
    return errors.isEmpty();
  }

  /** A document that is not a request of this image's API group, and why it was passed over. */
  public record Skipped(String file, String reason) {}

  static CheckResult of(String file, String kind, String namespace, String name,
      List<Problem> errors, List<String> warnings, List<String> changes, double seconds) {
    List<Change> parsed = new ArrayList<>();
    for (String change : changes) {
      String[] lines = change.split("\n", 2);
      String[] head = lines[0].split(" ", 2);
      parsed.add(new Change(head[0], head.length > 1 ? head[1] : "",
          lines.length > 1 ? lines[1] : ""));
    }
    return new CheckResult(file, kind, namespace, name, List.copyOf(errors),
        List.copyOf(warnings), List.copyOf(parsed), seconds, Map.of());
  }

  /** This verdict with one more problem. */
  CheckResult with(Problem problem) {
    List<Problem> more = new ArrayList<>(errors);
    more.add(problem);
    return new CheckResult(file, kind, namespace, name, List.copyOf(more), warnings, changes,
        seconds, claims);
  }

  /**
   * This verdict with the names it claims across the platform (what each is, to its value):
   * two requests that claim one are refused together by {@link CheckRun}.
   */
  CheckResult claiming(Map<String, String> claimed) {
    return new CheckResult(file, kind, namespace, name, errors, warnings, changes, seconds,
        Map.copyOf(claimed));
  }
}

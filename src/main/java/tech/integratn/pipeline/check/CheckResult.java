package tech.integratn.pipeline.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.failure.PipelineException.Problem;

/**
 * The verdict on one request document: where it is, what it is, every problem found, and how
 * long the check took.
 */
public record CheckResult(Place place, Subject subject, List<Problem> errors,
    List<String> warnings, List<Change> changes, double seconds, Map<String, String> claims) {

  /**
   * What the document holds: the request's kind, namespace and name as far as they could be read
   * (empty where not); a document with no readable request says what it is in place of a kind.
   */
  public record Subject(String kind, String namespace, String name) {
    /** A document whose request could not be read at all: {@code what} it is instead. */
    static Subject unread(String what) {
      return new Subject(what, "", "");
    }

    /** How the reports name it: its kind, then its name. */
    String kindAndName() {
      return kind + " " + name;
    }

    /** The resource the cluster would hold, which two documents must not share. */
    String resource() {
      return kind + " " + namespace + "/" + name;
    }
  }

  /**
   * Where the document is: {@code file} names it in the report (with its document number),
   * {@code source} is the file annotations point at, {@code line} the line its document starts
   * on, and {@code lines} a line per problem.
   */
  public record Place(String file, String source, int line, List<Integer> lines) {
    /** A place not yet located in its file: every line is its first. */
    static Place unlocated(String file, int problems) {
      return new Place(file, file, 1, Collections.nCopies(problems, 1));
    }

    /** This place in {@code source}, its document from line {@code start}, a line per problem. */
    Place locatedIn(String source, int start, List<Integer> problemLines) {
      return new Place(file, source, start, List.copyOf(problemLines));
    }

    /** This place with one more problem, about the whole document (at its first line). */
    Place andOneMore() {
      List<Integer> more = new ArrayList<>(lines);
      more.add(line);
      return new Place(file, source, line, List.copyOf(more));
    }

    /**
     * The file line a problem points at, 1 when it is not known: a problem's line is where its
     * field is in the file, else where its document starts.
     */
    public int line(int problem) {
      return problem < lines.size() ? lines.get(problem) : line;
    }
  }

  /** What the request's render would do to a file of the state repository. */
  public record Change(String action, String file, String diff) {}

  public boolean ok() {
    return errors.isEmpty();
  }

  /** A document that is not a request of this image's API group, and why it was passed over. */
  public record Skipped(String file, String reason) {}

  static CheckResult of(String file, Subject subject, List<Problem> errors,
      List<String> warnings, List<Change> changes, double seconds) {
    return new CheckResult(Place.unlocated(file, errors.size()), subject, List.copyOf(errors),
        List.copyOf(warnings), List.copyOf(changes), seconds, Map.of());
  }

  /**
   * This verdict located: {@code source} the file (no document number), {@code start} the line
   * its document starts on, a line per problem.
   */
  CheckResult locatedIn(String source, int start, List<Integer> problemLines) {
    return new CheckResult(place.locatedIn(source, start, problemLines), subject, errors,
        warnings, changes, seconds, claims);
  }

  /** This verdict with one more problem, about the whole document (at its first line). */
  CheckResult with(Problem problem) {
    List<Problem> more = new ArrayList<>(errors);
    more.add(problem);
    return new CheckResult(place.andOneMore(), subject, List.copyOf(more), warnings, changes,
        seconds, claims);
  }

  /**
   * This verdict with the names it claims across the platform (what each is, to its value):
   * two requests that claim one are refused together by {@link CheckRun}.
   */
  CheckResult claiming(Map<String, String> claimed) {
    return new CheckResult(place, subject, errors, warnings, changes, seconds,
        Map.copyOf(claimed));
  }
}

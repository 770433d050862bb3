package tech.integratn.pipeline.check;

import java.util.List;

/** The verdict on one request document: where it is, what it is, and every problem found. */
public record CheckResult(String file, String kind, String name, boolean ok, List<Problem> errors,
    List<String> warnings, List<String> changes) {

  /** One problem: where (a field path, or a rendered file and place) and what. */
  public record Problem(String path, String message) {}

  static CheckResult of(String file, String kind, String name, List<Problem> errors,
      List<String> warnings, List<String> changes) {
    return new CheckResult(file, kind, name, errors.isEmpty(), List.copyOf(errors),
        List.copyOf(warnings), List.copyOf(changes));
  }
}

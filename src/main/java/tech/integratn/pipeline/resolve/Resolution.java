package tech.integratn.pipeline.resolve;

import java.util.List;
import java.util.Map;

/**
 * What resolving a request yields: the template model, the status to report to Kratix, and
 * warnings for the log (problems that do not stop the render).
 */
public record Resolution(Record model, Map<String, Object> status, List<String> warnings) {
  public Resolution(Record model, Map<String, Object> status) {
    this(model, status, List.of());
  }
}

package tech.integratn.pipeline.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.Request;

/**
 * The Rendered condition and generation a run reports, one rule each: the rule, the request's
 * metadata and status (flow YAML), the status key and what it must be. Never the clock.
 */
class StatusConditionsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String TIME = "conditions.lastTransitionTime";

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("the time is the request's newest change",
            "{metadata: {managedFields: [{time: '2026-01-01T00:00:00Z'}, {time: '2026-03-01T00:00:00Z'}]}}",
            TIME, "2026-03-01T00:00:00Z"),
        rule("without managed fields it is the creation",
            "{metadata: {creationTimestamp: '2025-05-05T05:05:05Z'}}", TIME, "2025-05-05T05:05:05Z"),
        rule("without either it is the epoch", "{metadata: {}}", TIME, "1970-01-01T00:00:00Z"),
        rule("a time that is not RFC 3339 is not used",
            "{metadata: {creationTimestamp: yesterday}}", TIME, "1970-01-01T00:00:00Z"),
        rule("an earlier Rendered condition keeps its time",
            "{metadata: {creationTimestamp: '2026-03-01T00:00:00Z'}, status: {conditions: "
                + "[{type: Rendered, status: 'True', lastTransitionTime: '2026-02-02T02:02:02Z'}]}}",
            TIME, "2026-02-02T02:02:02Z"),
        rule("another type's time is not taken",
            "{metadata: {creationTimestamp: '2026-03-01T00:00:00Z'}, status: {conditions: "
                + "[{type: Ready, status: 'True', lastTransitionTime: '2026-02-02T02:02:02Z'}]}}",
            TIME, "2026-03-01T00:00:00Z"),
        rule("the condition carries the status message", "{metadata: {}}",
            "conditions.message", "rendered"),
        rule("the generation rendered is reported", "{metadata: {generation: 7}}",
            StatusConditions.RENDERED_GENERATION, "7"),
        rule("no generation, none reported", "{metadata: {}}",
            StatusConditions.RENDERED_GENERATION, "<absent>"));
  }

  private static Arguments rule(String rule, String object, String key, String expected) {
    return Arguments.of(rule, object, key, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  @SuppressWarnings("unchecked")
  void holds(String rule, String object, String key, String expected) throws IOException {
    Request request = new Request(PromiseKind.ARGOCD_PROJECT, YAML.readValue(object, Map.class));
    Map<String, Object> status = StatusConditions.withRendered(Map.of("message", "rendered"), request);
    Object found = key.startsWith("conditions.")
        ? ((List<Map<String, Object>>) status.get("conditions")).get(0).get(key.substring(11))
        : status.get(key);
    assertThat(found == null ? "<absent>" : String.valueOf(found)).as(rule).isEqualTo(expected);
  }
}

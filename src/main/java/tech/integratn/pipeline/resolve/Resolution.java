package tech.integratn.pipeline.resolve;

import java.util.Map;

/** What resolving a request yields: the template model and the status to report to Kratix. */
public record Resolution(Record model, Map<String, Object> status) {}

package tech.integratn.pipeline.kind;

/**
 * How a request is published: {@code COMPOUND} writes the orchestrator's sub-requests for their
 * own promises; {@code DIRECT} renders each of them here and writes their documents.
 */
public enum Mode { COMPOUND, DIRECT }

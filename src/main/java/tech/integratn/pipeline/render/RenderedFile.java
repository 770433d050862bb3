package tech.integratn.pipeline.render;

/** One output file as rendered, not yet checked or written. */
public record RenderedFile(String name, String content) {}

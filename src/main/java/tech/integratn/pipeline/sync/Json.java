package tech.integratn.pipeline.sync;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** JSON string literals, for the few documents the sync writes. */
final class Json {
  private Json() {}

  static String string(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }
}

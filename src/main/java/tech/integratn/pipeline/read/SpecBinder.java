package tech.integratn.pipeline.read;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Binds a validated {@code spec} map to its typed record. The CRD schema has already checked
 * types, so binding cannot fail on user input; fields the CRD does not know are ignored, as the
 * API server prunes them.
 */
public final class SpecBinder {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .build();

  private SpecBinder() {}

  public static <T> T bind(Request request, Class<T> type) {
    return MAPPER.convertValue(request.spec(), type);
  }
}

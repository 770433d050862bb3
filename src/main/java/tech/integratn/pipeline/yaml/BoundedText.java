package tech.integratn.pipeline.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Text read the one safe way, whatever the stream is (a FIFO, a device, a growing file): at
 * most the limit plus one byte, and strict UTF-8. Each reader says in its own words what a
 * file that is too large, or not UTF-8, means for it.
 */
public final class BoundedText {
  private BoundedText() {}

  /** More bytes than the reader takes. */
  public static final class TooLarge extends IOException {
    TooLarge() {
      super("larger than the limit", null);
    }
  }

  /** At most {@code limit} bytes of {@code in}, else {@link TooLarge}. */
  public static byte[] bytes(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    if (bytes.length > limit) {
      throw new TooLarge();
    }
    return bytes;
  }

  /** {@code bytes} as strict UTF-8: a malformed sequence is a {@link CharacterCodingException}. */
  public static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
  }

  /** {@link #bytes} then {@link #utf8}. */
  public static String read(InputStream in, int limit) throws IOException {
    return utf8(bytes(in, limit));
  }
}

package io.statusguard.agent.body;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Undoes the Content-Encoding of a captured body prefix, with {@code java.util.zip} only: {@code
 * gzip} and {@code deflate} (zlib-wrapped or raw, as servers differ). Output stops at {@value
 * #MAX_DECODED_BYTES} bytes, so a body that inflates a thousandfold costs no more than any other; a
 * prefix cut mid-stream yields what it decodes to. Stateless; confined to the publisher thread by use.
 */
final class ContentDecoding {
  /** The most decoded bytes read from one body. */
  static final int MAX_DECODED_BYTES = 8192;

  private ContentDecoding() {}

  /**
   * The decoded bytes of {@code encoded}, at most {@value #MAX_DECODED_BYTES}; {@code encoded} itself
   * when there is no encoding (or only {@code identity}); null for an encoding this agent cannot
   * undo ({@code br}, {@code zstd}, several stacked codings) or bytes that are not in it.
   */
  static byte[] decode(byte[] encoded, String contentEncoding) {
    String coding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (coding.isEmpty() || coding.equals("identity")) {
      return encoded;
    }
    try {
      switch (coding) {
        case "gzip":
        case "x-gzip":
          return gunzip(encoded);
        case "deflate":
          return inflate(encoded);
        default:
          return null;
      }
    } catch (IOException | DataFormatException | RuntimeException e) {
      return null;
    }
  }

  private static byte[] gunzip(byte[] encoded) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(encoded), 512)) {
      byte[] buffer = new byte[1024];
      int n;
      while (out.size() < MAX_DECODED_BYTES
          && (n = in.read(buffer, 0, Math.min(buffer.length, MAX_DECODED_BYTES - out.size()))) > 0) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // A prefix cut mid-stream ends early (EOFException); a header that is no gzip yields nothing.
      if (out.size() == 0) {
        throw e;
      }
    }
    return out.toByteArray();
  }

  private static byte[] inflate(byte[] encoded) throws DataFormatException {
    try {
      return inflate(encoded, /* nowrap= */ false);
    } catch (DataFormatException e) {
      // Some servers send raw deflate under this name.
      return inflate(encoded, /* nowrap= */ true);
    }
  }

  private static byte[] inflate(byte[] encoded, boolean nowrap) throws DataFormatException {
    Inflater inflater = new Inflater(nowrap);
    try {
      inflater.setInput(encoded);
      byte[] out = new byte[MAX_DECODED_BYTES];
      int size = 0;
      while (size < out.length && !inflater.finished()) {
        int n = inflater.inflate(out, size, out.length - size);
        if (n == 0) {
          // Needs more input than the prefix holds, or a dictionary nobody has.
          break;
        }
        size += n;
      }
      return Arrays.copyOf(out, size);
    } finally {
      inflater.end();
    }
  }
}

package io.statusguard.agent.bootstrap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body stream that copies what the application reads into a {@link BodyTap}, and nothing more: every
 * call goes to the wrapped stream with the application's own arguments, results and exceptions pass
 * through unchanged, and the tap ends at end of stream or close. Not thread-safe, like the streams it
 * wraps.
 */
final class TappedInputStream extends FilterInputStream {
  private final BodyTap tap;
  private long position;
  private long markPosition = -1;

  TappedInputStream(InputStream body, BodyTap tap) {
    super(body);
    this.tap = tap;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      tap.endOfBody();
    } else {
      tap.byteAt(position, b);
      position++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n < 0) {
      tap.endOfBody();
    } else if (n > 0) {
      tap.bytesAt(position, b, off, n);
      position += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(n);
    if (skipped > 0) {
      position += skipped;
      tap.skippedTo(position);
    }
    return skipped;
  }

  @Override
  public synchronized void mark(int readlimit) {
    in.mark(readlimit);
    markPosition = position;
  }

  @Override
  public synchronized void reset() throws IOException {
    in.reset();
    if (markPosition >= 0) {
      position = markPosition;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      in.close();
    } finally {
      tap.end();
    }
  }
}

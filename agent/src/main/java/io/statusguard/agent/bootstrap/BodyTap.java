package io.statusguard.agent.bootstrap;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The first {@value #MAX_CAPTURED_BYTES} bytes of one response body, copied as the application reads
 * them: instrumentation reports the bytes it sees pass to the application and the body's end, and never
 * reads anything itself. Once ended (fully read, closed, abandoned or timed out), the tap hands itself to
 * the agent exactly once.
 *
 * <p>Thread-safe: bytes may arrive on one thread, the end on another, and the agent may end a tap whose
 * body is never read. Only error bodies get a tap, so a monitor is cheap enough here. No method throws.
 *
 * <p>This type is injected into the bootstrap class loader and may reference JDK types only.
 */
public final class BodyTap {
  /** The most bytes of one body the agent ever holds. */
  public static final int MAX_CAPTURED_BYTES = 8192;

  private final ResponseObservation observation;
  private final String contentEncoding;
  private final Consumer<BodyTap> onEnd;
  private byte[] captured = new byte[0];
  private int size;
  private long furthest;
  private boolean gap;
  private boolean endOfBody;
  /** Volatile so that {@link AttachedTaps} can tell an ended tap without taking its monitor. */
  private volatile boolean ended;

  private BodyTap(ResponseObservation observation, String contentEncoding, Consumer<BodyTap> onEnd) {
    this.observation = observation;
    this.contentEncoding = contentEncoding;
    this.onEnd = onEnd;
  }

  /**
   * A tap for the body of {@code observation}; {@code onEnd} receives it once, on whichever thread ends
   * it. {@code contentEncoding} is the response's Content-Encoding header when the bytes reported are
   * still encoded (null when they are what the application reads after decoding).
   */
  public static BodyTap create(ResponseObservation observation, String contentEncoding,
      Consumer<BodyTap> onEnd) {
    return new BodyTap(observation, contentEncoding, onEnd);
  }

  /**
   * Whether a response with {@code status} may have its body captured at all (207, or 400 and above),
   * so that instrumentation can skip what it would only compute for the sink, such as a header
   * lookup, on every other response.
   */
  public static boolean mayCapture(int status) {
    return status == 207 || status >= 400;
  }

  /** Wraps {@code body} so that what the application reads is copied into {@code tap}; {@code body} itself when there is no tap. */
  public static InputStream tee(InputStream body, BodyTap tap) {
    return tap == null || body == null ? body : new TappedInputStream(body, tap);
  }

  /** The application has just been given {@code length} bytes of {@code bytes} from {@code offset}. */
  public synchronized void bytes(byte[] bytes, int offset, int length) {
    bytesAt(furthest, bytes, offset, length);
  }

  /**
   * The application is being given the remaining bytes of {@code buffer}; neither its position nor its
   * limit moves.
   */
  public synchronized void bytes(ByteBuffer buffer) {
    if (buffer == null || ended) {
      return;
    }
    int length = buffer.remaining();
    int room = Math.min(length, MAX_CAPTURED_BYTES - size);
    if (room > 0 && !gap) {
      ensureRoom(room);
      for (int i = 0; i < room; i++) {
        captured[size + i] = buffer.get(buffer.position() + i);
      }
      size += room;
    }
    furthest += length;
  }

  /**
   * Bytes from body position {@code position} reached the application (a re-read after {@code
   * InputStream.reset()} repeats earlier positions; only bytes past the furthest position are new).
   */
  synchronized void bytesAt(long position, byte[] bytes, int offset, int length) {
    if (bytes == null || length <= 0 || ended) {
      return;
    }
    long end = position + length;
    if (end <= furthest) {
      return;
    }
    if (position > furthest) {
      gap = true;
    }
    int skip = (int) Math.max(0, furthest - position);
    int room = Math.min(length - skip, MAX_CAPTURED_BYTES - size);
    if (room > 0 && !gap) {
      ensureRoom(room);
      System.arraycopy(bytes, offset + skip, captured, size, room);
      size += room;
    }
    furthest = end;
  }

  /** The application skipped bytes up to body position {@code position}: nothing after it is captured. */
  synchronized void skippedTo(long position) {
    if (position > furthest) {
      gap = true;
      furthest = position;
    }
  }

  /** The single byte {@code b} at body position {@code position} reached the application. */
  synchronized void byteAt(long position, int b) {
    if (ended || position < furthest) {
      return;
    }
    if (position > furthest) {
      gap = true;
    }
    if (size < MAX_CAPTURED_BYTES && !gap) {
      ensureRoom(1);
      captured[size++] = (byte) b;
    }
    furthest = position + 1;
  }

  /** The application read the body to its end. */
  public void endOfBody() {
    synchronized (this) {
      endOfBody = true;
    }
    end();
  }

  /** The body was closed, abandoned or failed, or the agent stopped waiting for it. Idempotent. */
  public void end() {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
    }
    try {
      onEnd.accept(this);
    } catch (Throwable ignored) {
      // The agent counts its own failures; the application must never see them.
    }
  }

  public ResponseObservation observation() {
    return observation;
  }

  /** The Content-Encoding the captured bytes are still in, or null when they are decoded. */
  public String contentEncoding() {
    return contentEncoding;
  }

  /** A copy of the bytes captured so far: the body's first bytes, at most {@value #MAX_CAPTURED_BYTES}. */
  public synchronized byte[] capturedBytes() {
    return Arrays.copyOf(captured, size);
  }

  /** Whether the application read the whole body (as opposed to closing it early or never reading it). */
  public synchronized boolean reachedEndOfBody() {
    return endOfBody;
  }

  /** Whether the application skipped bytes, so the capture stops at the skip. */
  public synchronized boolean hasGap() {
    return gap;
  }

  public boolean isEnded() {
    return ended;
  }

  private void ensureRoom(int more) {
    if (size + more > captured.length) {
      int capacity = Math.min(MAX_CAPTURED_BYTES, Math.max(size + more, Math.max(256, captured.length * 2)));
      captured = Arrays.copyOf(captured, capacity);
    }
  }
}

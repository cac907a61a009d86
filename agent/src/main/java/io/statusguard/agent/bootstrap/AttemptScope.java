package io.statusguard.agent.bootstrap;

/**
 * Joins two layers of a synchronous client that both see a request: an outer call that connects and
 * then makes one or more physical attempts (Apache HttpClient 4's {@code MainClientExec}), and the
 * inner method that makes each attempt on the wire ({@code HttpRequestExecutor.execute}). The inner
 * layer reports every attempt that reached the wire; the outer one reports a failure only when no
 * attempt was reported inside it, i.e. when it failed before any (a refused connection, a TLS
 * handshake). It also remembers when the current attempt started, so that an attempt's duration
 * includes connecting.
 *
 * <p>Confined to its thread; instances are only reached through {@link #current()}.
 */
public final class AttemptScope {
  private static final ThreadLocal<AttemptScope> CURRENT = ThreadLocal.withInitial(AttemptScope::new);

  private int depth;
  private int reported;
  private long attemptStartNanos;

  private AttemptScope() {}

  public static AttemptScope current() {
    return CURRENT.get();
  }

  /**
   * Enters an outer call; its first attempt starts now. Returns the token that {@link #exit(int)}
   * takes to tell whether an attempt was reported in between.
   */
  public int enter() {
    if (depth++ == 0) {
      attemptStartNanos = System.nanoTime();
    }
    return reported;
  }

  /**
   * When the attempt that ends now started: with the outer call or with the end of the attempt
   * before it, or at {@code innerStartNanos} when no outer call is open on this thread.
   */
  public long attemptStartNanos(long innerStartNanos) {
    return depth > 0 ? attemptStartNanos : innerStartNanos;
  }

  /** The inner layer reported an attempt that ended at {@code endNanos}; the next one starts then. */
  public void attemptReported(long endNanos) {
    reported++;
    attemptStartNanos = endNanos;
  }

  /**
   * Leaves an outer call entered with {@link #enter()} and returns whether no attempt was reported
   * since, in which case a failure of the call is the outer layer's to report.
   */
  public boolean exit(int token) {
    if (depth > 0) {
      depth--;
    }
    return reported == token;
  }
}

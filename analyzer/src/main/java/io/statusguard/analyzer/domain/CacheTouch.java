package io.statusguard.analyzer.domain;

/**
 * When a bounded cache last heard that one of its entries was used, for a caller that finds recent
 * entries without asking the cache: the cache is told at least once per {@value #TELL_EVERY_MILLIS} ms of
 * the caller's clock and once per {@value #UNTOLD_HITS} hits. That is often enough to keep the entry's
 * place by access time (against expiries of minutes or more) and by frequency (a busy entry outweighs a
 * flood of new ones even within one batch), and rarely enough that the cache costs next to nothing per
 * event. Confined to the recording thread.
 */
public final class CacheTouch {
  /** Hits of a recent entry that may pass without the cache hearing of them. */
  public static final int UNTOLD_HITS = 16;
  /** The longest the cache may go without hearing of an entry in use, in the caller's clock. */
  public static final long TELL_EVERY_MILLIS = 1_000;

  private long tellByMillis = Long.MIN_VALUE;
  private int untoldHits;

  /** Counts a hit the cache need not hear of: false once the clock reached its time or enough hits passed. */
  public boolean untoldHit(long nowMillis) {
    return nowMillis < tellByMillis && ++untoldHits < UNTOLD_HITS;
  }

  /** Notes that the cache has just been told of the entry. */
  public void told(long nowMillis) {
    tellByMillis = nowMillis + TELL_EVERY_MILLIS;
    untoldHits = 0;
  }
}

package io.statusguard.analyzer.domain;

/**
 * When a bounded cache last heard that one of its entries was used, for a caller that finds recent
 * entries without asking the cache: the cache is told at least once per clock reading and once per
 * {@value #UNTOLD_HITS} hits, often enough to keep the entry's place by access time and frequency (a
 * busy entry outweighs a flood of new ones even within one batch), and rarely enough that the cache
 * costs next to nothing per event. Confined to the recording thread.
 */
public final class CacheTouch {
  /** Hits of a recent entry that may pass without the cache hearing of them. */
  public static final int UNTOLD_HITS = 16;

  private long toldAtMillis = Long.MIN_VALUE;
  private int untoldHits;

  /** Counts a hit the cache need not hear of: false once the clock moved or enough hits passed. */
  public boolean untoldHit(long nowMillis) {
    return toldAtMillis == nowMillis && ++untoldHits < UNTOLD_HITS;
  }

  /** Notes that the cache has just been told of the entry. */
  public void told(long nowMillis) {
    toldAtMillis = nowMillis;
    untoldHits = 0;
  }
}

package io.statusguard.analyzer.domain;

/**
 * Floor division by one fixed positive divisor, by a multiplication and one correction: the event-time
 * windows divide every event's time several times, and a 64-bit division costs tens of cycles where this
 * costs a few. Exact for every long. Immutable.
 */
public final class Divisor {
  /** Beyond this magnitude the product could be off by more than one: divide instead. */
  private static final long EXACT_BY_INVERSE = 1L << 50;

  private final long divisor;
  private final double inverse;

  private Divisor(long divisor) {
    this.divisor = divisor;
    this.inverse = 1.0 / divisor;
  }

  public static Divisor of(long divisor) {
    if (divisor < 1) {
      throw new IllegalArgumentException("a divisor must be positive, got " + divisor);
    }
    return new Divisor(divisor);
  }

  /** {@code Math.floorDiv(x, divisor)}. */
  public long floorDiv(long x) {
    if (x >= EXACT_BY_INVERSE || x <= -EXACT_BY_INVERSE) {
      return Math.floorDiv(x, divisor);
    }
    // |x| < 2^50 leaves the product's rounding error far below one, so one correction suffices.
    long quotient = (long) Math.floor(x * inverse);
    long remainder = x - quotient * divisor;
    if (remainder < 0) {
      return quotient - 1;
    }
    return remainder >= divisor ? quotient + 1 : quotient;
  }

  /** {@code Math.floorMod(x, divisor)}. */
  public long floorMod(long x) {
    return x - floorDiv(x) * divisor;
  }
}

package dev.parley.core.turn;

/**
 * The time one turn may spend waiting for generators, in total: a turn with several responses still
 * answers within about one timeout.
 */
public final class TurnBudget {

  private final long deadlineNanos;

  private TurnBudget(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /** A budget of that many milliseconds from now. */
  public static TurnBudget ofMillis(long millis) {
    return new TurnBudget(System.nanoTime() + millis * 1_000_000L);
  }

  /** Milliseconds left (0 when spent). */
  public long remainingMillis() {
    return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
  }
}

package dev.parley.core.config;

/**
 * Whether the current thread is serving the start-up warm-up's own traffic, which no
 * operator-facing metric (and no turn log line) may count: the warm-up runs the same code as real
 * requests, and every metric recorder asks {@link #isCurrent()} (one thread-local read) before it
 * counts. The server marks a request for the time it is handled ({@link #mark()}) when the request
 * carries the warm-up's key, or is an NLU server's parse that a dialogue server's warm-up asked for
 * ({@link #HEADER}). It lives here, in the package every other one may use, because recorders sit
 * in every layer (plugin guard, tracker, NLU, turns).
 */
public final class WarmUpTraffic {

  /**
   * The header by which a dialogue server tells its NLU server that a parse is for its warm-up
   * (honoured only on a parse call with the NLU key).
   */
  public static final String HEADER = "X-Parley-Warm-Up";

  private static final ThreadLocal<Boolean> MARKED = new ThreadLocal<>();

  private WarmUpTraffic() {}

  /** Whether this thread is serving the warm-up's traffic now. */
  public static boolean isCurrent() {
    return MARKED.get() != null;
  }

  /**
   * Marks this thread as serving the warm-up until the returned mark is closed (use it in
   * try-with-resources); closing restores what was there before.
   */
  public static Mark mark() {
    Boolean before = MARKED.get();
    MARKED.set(Boolean.TRUE);
    return () -> {
      if (before == null) {
        MARKED.remove();
      } else {
        MARKED.set(before);
      }
    };
  }

  /** A thread's warm-up mark, removed on {@link #close()}. */
  @FunctionalInterface
  public interface Mark extends AutoCloseable {
    @Override
    void close();
  }
}

package dev.parley.core.rest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs requests refused because the database is unavailable, at most once per interval: an outage
 * under load refuses hundreds of turns a second, and one line with the count of the others says as
 * much.
 */
final class OutageWarnings {

  private final Logger log;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final AtomicLong lastLogged = new AtomicLong();
  private final AtomicInteger unlogged = new AtomicInteger();
  private volatile boolean loggedOnce;

  OutageWarnings(Logger log, Duration interval, LongSupplier clock) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
  }

  /** Logs the refusal, unless one was logged within the interval (then only counts it). */
  void refused(String message, Throwable cause) {
    long now = clock.getAsLong();
    long last = lastLogged.get();
    boolean due = !loggedOnce || now - last >= intervalNanos;
    if (!due || !lastLogged.compareAndSet(last, now)) {
      unlogged.incrementAndGet();
      return;
    }
    loggedOnce = true;
    int others = unlogged.getAndSet(0);
    log.log(
        Level.WARNING,
        others == 0 ? message : message + " (" + others + " more refused since the last such line)",
        cause);
  }
}

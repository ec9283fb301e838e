package dev.parley.core.bot;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts the parses using one model version's workers, and closes the workers that hold resources
 * ({@link AutoCloseable}, e.g. ONNX sessions) once the version is retired and the last parse has
 * finished. A parse that arrives after the close is refused, so no worker is used after closing.
 */
final class WorkerLease {

  private static final Logger LOG = Logger.getLogger(WorkerLease.class.getName());
  private static final int CLOSED = -1;

  private final List<Object> workers;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean retired;

  WorkerLease(List<Object> workers) {
    this.workers = List.copyOf(workers);
  }

  /** Takes the workers for one parse; false when they are closed. */
  boolean acquire() {
    while (true) {
      int current = inFlight.get();
      if (current == CLOSED) {
        return false;
      }
      if (inFlight.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  /** Gives the workers back after a parse. */
  void release() {
    if (inFlight.decrementAndGet() == 0 && retired) {
      closeIfIdle();
    }
  }

  /** No new version will use these workers: close them as soon as they are idle. */
  void retire() {
    retired = true;
    closeIfIdle();
  }

  boolean closed() {
    return inFlight.get() == CLOSED;
  }

  private void closeIfIdle() {
    if (!inFlight.compareAndSet(0, CLOSED)) {
      return;
    }
    for (Object worker : workers) {
      if (worker instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.log(Level.WARNING, "closing a retired NLU worker failed", e);
        }
      }
    }
  }
}

package dev.parley.core.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recent failures per key (a user name or a client address) in a sliding window: a key with {@code
 * limit} failures in the last {@code window} is blocked until the oldest of them leaves the window.
 * Keys whose failures have all left the window are dropped once many keys are held.
 */
final class FailureWindows {

  private static final int PRUNE_ABOVE = 10_000;

  private final int limit;
  private final Duration window;
  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  FailureWindows(int limit, Duration window) {
    this.limit = Math.max(1, limit);
    this.window = window;
  }

  /** How long the key stays blocked, if it is. */
  Optional<Duration> blockedFor(String key, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    synchronized (times) {
      dropOld(times, now);
      if (times.size() < limit) {
        return Optional.empty();
      }
      Duration left = Duration.between(now, times.peekFirst().plus(window));
      return Optional.of(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
    }
  }

  /** Counts a failure of the key. */
  void record(String key, Instant now) {
    if (failures.size() > PRUNE_ABOVE) {
      prune(now);
    }
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      dropOld(times, now);
      times.addLast(now);
      while (times.size() > limit) {
        times.removeFirst();
      }
    }
  }

  /** Forgets the key's failures. */
  void clear(String key) {
    failures.remove(key);
  }

  private void prune(Instant now) {
    failures
        .entrySet()
        .removeIf(
            entry -> {
              synchronized (entry.getValue()) {
                dropOld(entry.getValue(), now);
                return entry.getValue().isEmpty();
              }
            });
  }

  private void dropOld(Deque<Instant> times, Instant now) {
    Instant oldestKept = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) {
      times.removeFirst();
    }
  }
}

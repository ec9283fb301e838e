package dev.parley.core.tracker;

import dev.parley.core.cluster.ConversationLeases;
import dev.parley.core.config.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One fair lock per conversation, so that two messages of one sender are handled one after the
 * other in arrival order while different senders run in parallel; in a cluster the holder also
 * takes the conversation's cluster-wide lease ({@link ConversationLeases}), so two servers never
 * run turns of one conversation at once. Locks are dropped when nobody holds or waits for them.
 */
@ApplicationScoped
public class ConversationLocks {

  private final ConcurrentHashMap<ConversationKey, CountedLock> locks = new ConcurrentHashMap<>();
  private long waitMillis;
  private ConversationLeases leases;

  /** For CDI proxies. */
  protected ConversationLocks() {}

  /** Local locks only, with the configured wait time (tests, tools). */
  public ConversationLocks(ServerSettings settings) {
    this(settings, ConversationLeases.local());
  }

  /** Local locks, then the cluster-wide lease, within the configured wait time. */
  @Inject
  public ConversationLocks(ServerSettings settings, ConversationLeases leases) {
    this.waitMillis = settings.lockWaitMillis();
    this.leases = leases;
  }

  /**
   * Runs {@code work} while holding the conversation's lock.
   *
   * @throws LockTimeoutException when the lock could not be had within the configured wait
   */
  public <T> T withLock(ConversationKey key, java.util.function.Supplier<T> work) {
    CountedLock lock = locks.compute(key, (k, existing) -> retain(existing));
    long start = System.nanoTime();
    try {
      if (!lock.lock.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
        throw new LockTimeoutException(key);
      }
      try {
        long left = waitMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        ConversationLeases.Lease lease =
            leases
                .acquire(TrackerCache.name(key), Math.max(0, left))
                .orElseThrow(() -> new LockTimeoutException(key));
        try {
          return work.get();
        } finally {
          leases.release(lease);
        }
      } finally {
        lock.lock.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LockTimeoutException(key);
    } finally {
      locks.computeIfPresent(key, (k, existing) -> --existing.users == 0 ? null : existing);
    }
  }

  private static CountedLock retain(CountedLock existing) {
    CountedLock lock = existing == null ? new CountedLock() : existing;
    lock.users++;
    return lock;
  }

  private static final class CountedLock {
    private final ReentrantLock lock = new ReentrantLock(true);
    private int users;
  }

  /** The conversation stayed locked longer than a request may wait. */
  public static final class LockTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LockTimeoutException(ConversationKey key) {
      super("conversation " + key.sender() + " is busy");
    }
  }
}

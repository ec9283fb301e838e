package dev.parley.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.core.config.ServerSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConversationLocksTest {

  private static ConversationLocks locks(long waitMillis) {
    return new ConversationLocks(
        new ServerSettings(
            "target/x",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            4096,
            waitMillis,
            10,
            1,
            false));
  }

  @Test
  void oneSendersMessagesNeverOverlap() throws Exception {
    ConversationLocks locks = locks(5000);
    ConversationKey key = new ConversationKey("t", "b", "s");
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(
          pool.submit(
              () ->
                  locks.withLock(
                      key,
                      () -> {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        inside.decrementAndGet();
                        return null;
                      })));
    }
    for (Future<?> future : futures) {
      future.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(1, maxInside.get());
  }

  @Test
  void arrivalOrderIsKept() throws Exception {
    ConversationLocks locks = locks(5000);
    ConversationKey key = new ConversationKey("t", "b", "s");
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = holdLock(locks, key, release);
    List<Thread> waiters = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      Thread waiter = new Thread(() -> locks.withLock(key, () -> order.add(n)));
      waiter.start();
      waiters.add(waiter);
      Thread.sleep(50);
    }
    release.countDown();
    for (Thread waiter : waiters) {
      waiter.join(5000);
    }
    assertEquals(List.of(0, 1, 2, 3, 4), order);
  }

  @Test
  void aWaiterGivesUpAfterTheConfiguredTime() throws Exception {
    ConversationLocks locks = locks(100);
    ConversationKey key = new ConversationKey("t", "b", "s");
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = holdLock(locks, key, release);
    assertThrows(
        ConversationLocks.LockTimeoutException.class, () -> locks.withLock(key, () -> null));
    release.countDown();
    holder.join();
    assertEquals("free", locks.withLock(key, () -> "free"));
  }

  /** Starts a thread that holds the lock until {@code release} opens; returns once it holds it. */
  private static Thread holdLock(
      ConversationLocks locks, ConversationKey key, CountDownLatch release)
      throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                locks.withLock(
                    key,
                    () -> {
                      holding.countDown();
                      await(release);
                      return null;
                    }));
    holder.start();
    holding.await();
    return holder;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

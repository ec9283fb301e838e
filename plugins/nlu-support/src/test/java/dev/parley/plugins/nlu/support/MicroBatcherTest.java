package dev.parley.plugins.nlu.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {

  @Test
  void aLoneCallerRunsAtOnceInABatchOfOne() {
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    MicroBatcher<Integer, Integer> batcher =
        new MicroBatcher<>(
            inputs -> {
              sizes.add(inputs.size());
              return inputs.stream().map(i -> i * 2).toList();
            },
            new BatchSettings(32, TimeUnit.SECONDS.toNanos(10), 2));
    long start = System.nanoTime();
    assertEquals(42, batcher.submit(21));
    assertEquals(8, batcher.submit(4));
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "did not wait to fill");
    assertEquals(List.of(1, 1), sizes);
  }

  @Test
  void callsArrivingWhileEverySlotIsBusyRunTogetherAndGetTheirOwnOutputs() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    MicroBatcher<Integer, Integer> batcher =
        new MicroBatcher<>(
            inputs -> {
              sizes.add(inputs.size());
              firstRunning.countDown();
              await(release);
              return inputs.stream().map(i -> i + 1000).toList();
            },
            new BatchSettings(32, TimeUnit.SECONDS.toNanos(10), 1));
    ExecutorService pool = Executors.newFixedThreadPool(11);
    try {
      Future<Integer> first = pool.submit(() -> batcher.submit(0));
      firstRunning.await();
      List<Future<Integer>> rest = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        int input = i;
        rest.add(pool.submit(() -> batcher.submit(input)));
      }
      Thread.sleep(200);
      release.countDown();
      assertEquals(1000, first.get(10, TimeUnit.SECONDS));
      for (int i = 1; i <= 10; i++) {
        assertEquals(1000 + i, rest.get(i - 1).get(10, TimeUnit.SECONDS));
      }
      assertEquals(List.of(1, 10), sizes);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBatchClosesWhenFullAndRunsAreLimited() throws Exception {
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    MicroBatcher<Integer, Integer> batcher =
        new MicroBatcher<>(
            inputs -> {
              most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
              sizes.add(inputs.size());
              sleep(5);
              concurrent.decrementAndGet();
              return inputs;
            },
            new BatchSettings(4, TimeUnit.MILLISECONDS.toNanos(2), 2));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int input = i;
        results.add(pool.submit(() -> batcher.submit(input)));
      }
      for (int i = 0; i < 400; i++) {
        assertEquals(i, results.get(i).get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(most.get() <= 2, "at most two runs at once: " + most.get());
    assertTrue(sizes.stream().allMatch(size -> size <= 4), sizes.toString());
    assertEquals(400, sizes.stream().mapToInt(Integer::intValue).sum());
    assertTrue(sizes.stream().anyMatch(size -> size > 1), "some calls were batched: " + sizes);
  }

  @Test
  void aFailedRunFailsEveryCallerOfItsBatch() {
    MicroBatcher<Integer, Integer> batcher =
        new MicroBatcher<>(
            inputs -> {
              throw new IllegalArgumentException("bad batch");
            },
            new BatchSettings(32, 0, 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> batcher.submit(1));
    assertEquals("bad batch", e.getMessage());
    assertEquals(7, new MicroBatcher<Integer, Integer>(in -> in, batcher.settings()).submit(7));
  }

  @Test
  void settingsComeFromPropertiesWithDefaults() {
    BatchSettings defaults = BatchSettings.from(name -> Optional.empty());
    assertEquals(1, defaults.maxBatch());
    assertEquals(TimeUnit.MILLISECONDS.toNanos(2), defaults.maxWaitNanos());
    assertTrue(!defaults.enabled(), "off unless configured");
    Map<String, String> set = Map.of("parley.nlu.batch.size", "32", "parley.nlu.batch.runs", "3");
    BatchSettings on = BatchSettings.from(name -> Optional.ofNullable(set.get(name)));
    assertEquals(3, on.parallelism());
    assertEquals(32, on.maxBatch());
    assertTrue(on.enabled());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

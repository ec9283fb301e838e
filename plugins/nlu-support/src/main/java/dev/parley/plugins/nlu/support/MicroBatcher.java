package dev.parley.plugins.nlu.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Gathers concurrent calls into one batched run, like the dynamic batchers of inference servers.
 * The first caller of a batch leads it. The batch closes when it holds {@link
 * BatchSettings#maxBatch} inputs; otherwise once a run slot is free: at once when nothing else
 * runs, else when {@link BatchSettings#maxWaitNanos} have passed since it opened. So a lone caller
 * at low load runs at once (a batch of one); under load, inputs that arrive within the wait, or
 * while every slot is busy (when they could not run anyway), run together. At most {@link
 * BatchSettings#parallelism} runs go at once, oldest batch first. Runs happen on the leaders' own
 * threads; the others wait for their result.
 *
 * @param <I> one input
 * @param <O> its output
 */
public final class MicroBatcher<I, O> {

  private final Function<List<I>, List<O>> run;
  private final BatchSettings settings;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Batch<I, O>> closed = new ArrayDeque<>();
  private final LongAdder runs = new LongAdder();
  private final LongAdder batchedInputs = new LongAdder();
  private Batch<I, O> open;
  private int running;

  /**
   * A batcher in front of a batched function.
   *
   * @param run computes the outputs of a batch of inputs, in order (called with 1 to {@code
   *     maxBatch} inputs, possibly from several threads at once up to {@code parallelism})
   * @param settings batch size, wait and parallelism
   */
  public MicroBatcher(Function<List<I>, List<O>> run, BatchSettings settings) {
    this.run = run;
    this.settings = settings;
  }

  /** The settings in use. */
  public BatchSettings settings() {
    return settings;
  }

  /** The runs so far. */
  public long runs() {
    return runs.sum();
  }

  /** The inputs of all runs so far (divided by {@link #runs}: the mean batch size). */
  public long inputs() {
    return batchedInputs.sum();
  }

  /** The output for one input, computed in a batch with whatever inputs arrive at the same time. */
  public O submit(I input) {
    Batch<I, O> batch;
    int index;
    lock.lock();
    try {
      if (open == null) {
        open = new Batch<>(System.nanoTime());
      }
      batch = open;
      index = batch.inputs.size();
      batch.inputs.add(input);
      if (batch.inputs.size() >= settings.maxBatch()) {
        close(batch);
      }
      if (index == 0) {
        lead(batch);
      }
    } finally {
      lock.unlock();
    }
    if (index == 0) {
      runBatch(batch);
    }
    return batch.result(index);
  }

  /** Waits (lock held) until the batch may close, closes it and waits for its run slot. */
  private void lead(Batch<I, O> batch) {
    long deadline = batch.opened + settings.maxWaitNanos();
    boolean interrupted = false;
    while (open == batch) {
      long left = deadline - System.nanoTime();
      boolean canRun = slotFree() && closed.isEmpty();
      if (canRun && (running == 0 || left <= 0)) {
        break;
      }
      if (canRun) {
        try {
          changed.awaitNanos(left);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      } else {
        changed.awaitUninterruptibly();
      }
    }
    close(batch);
    while (closed.peekFirst() != batch || !slotFree()) {
      changed.awaitUninterruptibly();
    }
    closed.pollFirst();
    running++;
    changed.signalAll();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void runBatch(Batch<I, O> batch) {
    runs.increment();
    batchedInputs.add(batch.inputs.size());
    try {
      List<O> outputs = run.apply(batch.inputs);
      if (outputs.size() != batch.inputs.size()) {
        throw new IllegalStateException(
            "a batch of " + batch.inputs.size() + " gave " + outputs.size() + " outputs");
      }
      batch.outputs.complete(outputs);
    } catch (RuntimeException | Error e) {
      batch.outputs.completeExceptionally(e);
    } finally {
      lock.lock();
      try {
        running--;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private boolean slotFree() {
    return running < settings.parallelism();
  }

  private void close(Batch<I, O> batch) {
    if (open == batch) {
      open = null;
      closed.addLast(batch);
      changed.signalAll();
    }
  }

  /** The inputs of one batch and, once run, their outputs. */
  private static final class Batch<I, O> {
    final long opened;
    final List<I> inputs = new ArrayList<>();
    final CompletableFuture<List<O>> outputs = new CompletableFuture<>();

    Batch(long opened) {
      this.opened = opened;
    }

    O result(int index) {
      try {
        return outputs.join().get(index);
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }
  }
}

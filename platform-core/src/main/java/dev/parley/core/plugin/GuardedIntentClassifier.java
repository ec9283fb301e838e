package dev.parley.core.plugin;

import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import java.util.List;

/**
 * A classifier behind its circuit breaker. A classifier that fails (or whose circuit is open) knows
 * no intent for the message: its ranking is empty, so the message goes to the re-check stages and,
 * failing them, becomes {@code nlu_fallback}.
 */
final class GuardedIntentClassifier implements IntentClassifier, AutoCloseable {

  private final IntentClassifier worker;
  private final WorkerCircuit circuit;

  GuardedIntentClassifier(IntentClassifier worker, WorkerCircuit circuit) {
    this.worker = worker;
    this.circuit = circuit;
  }

  @Override
  public List<IntentPrediction> classify(Message message) {
    if (!circuit.tryEnter()) {
      return List.of();
    }
    long start = System.nanoTime();
    try {
      List<IntentPrediction> ranking = worker.classify(message);
      circuit.succeeded(start);
      return ranking;
    } catch (RuntimeException e) {
      circuit.failed(start, e);
      return List.of();
    }
  }

  @Override
  public void close() throws Exception {
    if (worker instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}

package dev.parley.core.plugin;

import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.Message;
import java.util.List;

/**
 * An extractor behind its circuit breaker. An extractor that fails (or whose circuit is open) adds
 * no entities: the earlier extractors' list passes on unchanged.
 */
final class GuardedEntityExtractor implements EntityExtractor, AutoCloseable {

  private final EntityExtractor worker;
  private final WorkerCircuit circuit;

  GuardedEntityExtractor(EntityExtractor worker, WorkerCircuit circuit) {
    this.worker = worker;
    this.circuit = circuit;
  }

  @Override
  public List<Entity> extract(Message message, List<Entity> previous) {
    if (!circuit.tryEnter()) {
      return previous;
    }
    long start = System.nanoTime();
    try {
      List<Entity> entities = worker.extract(message, previous);
      circuit.succeeded(start);
      return entities;
    } catch (RuntimeException e) {
      circuit.failed(start, e);
      return previous;
    }
  }

  @Override
  public void close() throws Exception {
    if (worker instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}

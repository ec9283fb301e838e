package dev.parley.core.plugin;

import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugin.policy.PolicyPrediction;
import java.util.Optional;

/**
 * A policy behind its circuit breaker. A policy that fails (or whose circuit is open) has nothing
 * to say: the other policies decide.
 */
final class GuardedDialoguePolicy implements DialoguePolicy, AutoCloseable {

  private final DialoguePolicy worker;
  private final WorkerCircuit circuit;

  GuardedDialoguePolicy(DialoguePolicy worker, WorkerCircuit circuit) {
    this.worker = worker;
    this.circuit = circuit;
  }

  @Override
  public Optional<PolicyPrediction> predict(ConversationView conversation, Domain domain) {
    if (!circuit.tryEnter()) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    try {
      Optional<PolicyPrediction> prediction = worker.predict(conversation, domain);
      circuit.succeeded(start);
      return prediction;
    } catch (RuntimeException e) {
      circuit.failed(start, e);
      return Optional.empty();
    }
  }

  @Override
  public void close() throws Exception {
    if (worker instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}

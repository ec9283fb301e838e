package dev.parley.core.plugin;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.action.Action;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.conversation.ConversationView;

/**
 * An in-process action behind its circuit breaker. A {@link PluginException} is the action's own
 * rejection and passes through (counted as a refusal); any other failure, or an open circuit,
 * becomes a {@link PluginException} too, so the action is rejected the same way and the policies
 * choose again.
 */
final class GuardedAction implements Action, AutoCloseable {

  private final Action worker;
  private final WorkerCircuit circuit;

  GuardedAction(Action worker, WorkerCircuit circuit) {
    this.worker = worker;
    this.circuit = circuit;
  }

  @Override
  public ActionResult run(ConversationView conversation, Domain domain) {
    if (!circuit.tryEnter()) {
      throw new PluginException("the circuit of " + circuit.key().name() + " is open");
    }
    long start = System.nanoTime();
    try {
      ActionResult result = worker.run(conversation, domain);
      circuit.succeeded(start);
      return result;
    } catch (PluginException e) {
      circuit.refused(start);
      throw e;
    } catch (RuntimeException e) {
      circuit.failed(start, e);
      throw new PluginException(circuit.key().plugin() + " failed: " + e, e);
    }
  }

  @Override
  public void close() throws Exception {
    if (worker instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}

package dev.parley.core.actionserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.ActionEndpoint;
import dev.parley.core.json.Json;
import dev.parley.core.tracker.Tracker;
import dev.parley.core.turn.ActionOutcome;
import dev.parley.core.turn.RemoteActions;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a bot's custom actions on its action server: builds Rasa's request, asks the bot's circuit
 * breaker, calls through {@link GuardedActionServer}, and records the outcome (once per call, with
 * its retries) in the breaker and the metrics.
 */
@ApplicationScoped
public class ActionServerActions implements RemoteActions {

  private GuardedActionServer server;
  private ActionServerBreakers breakers;
  private ActionServerMetrics metrics;

  /** For CDI proxies. */
  protected ActionServerActions() {}

  /** Wires the guarded call, the per-bot breakers and the metrics. */
  @Inject
  public ActionServerActions(
      GuardedActionServer server, ActionServerBreakers breakers, ActionServerMetrics metrics) {
    this.server = server;
    this.breakers = breakers;
    this.metrics = metrics;
  }

  @Override
  public ActionOutcome run(String action, Tracker tracker, BotModel model) {
    Optional<ActionEndpoint> endpoint = model.actionEndpoint();
    if (endpoint.isEmpty()) {
      return new ActionOutcome.Failed("no_action_server");
    }
    String body;
    try {
      body =
          Json.mapper()
              .writeValueAsString(ActionServerRequest.body(action, tracker, model.domain()));
    } catch (JsonProcessingException e) {
      metrics.failed(model.tenant(), model.bot(), ActionServerFailure.ERROR);
      return new ActionOutcome.Failed(ActionServerFailure.ERROR);
    }
    ActionCall call =
        new ActionCall(model.tenant(), model.bot(), action, endpoint.get().url(), body);
    CircuitBreaker breaker = breakers.of(call.botKey());
    if (!breaker.tryAcquirePermission()) {
      metrics.failed(model.tenant(), model.bot(), ActionServerFailure.CIRCUIT_OPEN);
      return new ActionOutcome.Failed(ActionServerFailure.CIRCUIT_OPEN);
    }
    long start = System.nanoTime();
    ActionOutcome outcome = server.call(call);
    long nanos = System.nanoTime() - start;
    metrics.called(model.tenant(), model.bot(), nanos);
    if (outcome instanceof ActionOutcome.Failed failed) {
      breaker.onError(
          nanos, TimeUnit.NANOSECONDS, new ActionServerFailure(failed.reason(), action, null));
    } else {
      breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }
    if (outcome instanceof ActionOutcome.Failed failed) {
      metrics.failed(model.tenant(), model.bot(), failed.reason());
    } else if (outcome instanceof ActionOutcome.Rejected) {
      metrics.rejected(model.tenant(), model.bot());
    }
    return outcome;
  }
}

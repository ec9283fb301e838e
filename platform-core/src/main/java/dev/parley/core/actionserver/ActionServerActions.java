package dev.parley.core.actionserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.ActionEndpoint;
import dev.parley.core.json.Json;
import dev.parley.core.tracker.Tracker;
import dev.parley.core.turn.ActionOutcome;
import dev.parley.core.turn.RemoteActions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Runs a bot's custom actions on its action server: builds Rasa's request, calls it through {@link
 * GuardedActionServer}, and counts the outcome.
 */
@ApplicationScoped
public class ActionServerActions implements RemoteActions {

  private GuardedActionServer server;
  private ActionServerMetrics metrics;

  /** For CDI proxies. */
  protected ActionServerActions() {}

  /** Wires the guarded call and the metrics. */
  @Inject
  public ActionServerActions(GuardedActionServer server, ActionServerMetrics metrics) {
    this.server = server;
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
    long start = System.nanoTime();
    ActionOutcome outcome =
        server.call(
            new ActionCall(model.tenant(), model.bot(), action, endpoint.get().url(), body));
    metrics.called(model.tenant(), model.bot(), System.nanoTime() - start);
    if (outcome instanceof ActionOutcome.Failed failed) {
      metrics.failed(model.tenant(), model.bot(), failed.reason());
    } else if (outcome instanceof ActionOutcome.Rejected) {
      metrics.rejected(model.tenant(), model.bot());
    }
    return outcome;
  }
}

package dev.parley.core.actionserver;

import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.ActionEndpoint;
import dev.parley.core.json.Json;
import dev.parley.core.plugin.GuardedKind;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginKey;
import dev.parley.core.plugin.RemoteCall;
import dev.parley.core.tracker.Tracker;
import dev.parley.core.turn.ActionOutcome;
import dev.parley.core.turn.RemoteActions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Runs a bot's custom actions on its action server: builds Rasa's request and posts it through the
 * {@link PluginGuard} (the bot's circuit breaker, then the server-wide timeout per attempt and the
 * retries of connection failures), which records the outcome once per call, retries included. Any
 * failure is an {@link ActionOutcome.Failed} naming the reason; a 400 is a rejection, counted.
 */
@ApplicationScoped
public class ActionServerActions implements RemoteActions {

  private PluginGuard guard;
  private ActionServerHttp http;

  /** For CDI proxies. */
  protected ActionServerActions() {}

  /** Wires the guard and the HTTP client. */
  @Inject
  public ActionServerActions(PluginGuard guard, ActionServerHttp http) {
    this.guard = guard;
    this.http = http;
  }

  @Override
  public ActionOutcome run(String action, Tracker tracker, BotModel model) {
    Optional<ActionEndpoint> endpoint = model.actionEndpoint();
    if (endpoint.isEmpty()) {
      return new ActionOutcome.Failed("no_action_server");
    }
    return guard.call(
        new RemoteCall<>(
            new PluginKey(
                GuardedKind.ACTION_SERVER, PluginKey.ACTION_SERVER, model.tenant(), model.bot()),
            () -> {
              String body =
                  Json.mapper()
                      .writeValueAsString(
                          ActionServerRequest.body(action, tracker, model.domain()));
              return http.post(
                  new ActionCall(model.tenant(), model.bot(), action, endpoint.get().url(), body));
            },
            0,
            ActionOutcome.Failed::new,
            outcome -> outcome instanceof ActionOutcome.Rejected));
  }
}

package dev.parley.plugin.action;

import dev.parley.plugin.conversation.Event;
import java.util.List;

/**
 * What an action did: messages to send and events to append (applied after the messages' bot
 * events, as in Rasa's action server protocol).
 *
 * @param responses messages to send
 * @param events events to append
 */
public record ActionResult(List<BotResponse> responses, List<Event> events) {

  /** Copies the lists. */
  public ActionResult {
    responses = responses == null ? List.of() : List.copyOf(responses);
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** An action that did nothing visible. */
  public static ActionResult empty() {
    return new ActionResult(List.of(), List.of());
  }
}

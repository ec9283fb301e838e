package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SessionStarted;
import dev.parley.plugin.conversation.SlotSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a session as Rasa's {@code action_session_start} does: for a new conversation, or when the
 * last event is older than the domain's session expiry (carrying slots over if the domain says so).
 */
final class SessionStart {

  private static final String REQUESTED_SLOT = "requested_slot";

  private SessionStart() {}

  /** Appends a session start to the tracker if it has none yet or its session expired. */
  static void ifNeeded(Tracker tracker, BotModel model) {
    var session = model.domain().session();
    boolean fresh = tracker.isNew();
    boolean expired =
        !fresh
            && session.expirationMinutes() > 0
            && tracker
                .latestEventTime()
                .map(t -> Event.now() - t > session.expirationMinutes() * 60)
                .orElse(false);
    if (!fresh && !expired) {
      return;
    }
    Map<String, Object> carried = expired && session.carryOverSlots() ? tracker.slots() : Map.of();
    List<SlotSet> carriedSlots = new ArrayList<>();
    carried.forEach(
        (name, value) -> {
          if (value != null && !name.equals(REQUESTED_SLOT)) {
            carriedSlots.add(SlotSet.of(name, value));
          }
        });
    tracker.append(ActionExecuted.of(CoreActionNames.SESSION_START, null, null));
    tracker.append(SessionStarted.now());
    tracker.appendAll(carriedSlots);
    tracker.append(ActionExecuted.of(CoreActionNames.LISTEN, null, null));
  }
}

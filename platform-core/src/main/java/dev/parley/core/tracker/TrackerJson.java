package dev.parley.core.tracker;

import dev.parley.core.json.Json;
import dev.parley.plugin.conversation.BotUttered;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.UserUttered;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rasa's tracker JSON and Parley's compact conversation state. */
public final class TrackerJson {

  private TrackerJson() {}

  /** Rasa's {@code current_state()} shape; {@code include} as Rasa's {@code include_events}. */
  public static Map<String, Object> tracker(Tracker tracker, String include) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sender_id", tracker.senderId());
    body.put("slots", tracker.slots());
    body.put("latest_message", latestMessage(tracker));
    body.put("latest_event_time", tracker.latestEventTime().orElse(null));
    body.put("followup_action", tracker.followupAction().orElse(null));
    body.put("paused", tracker.paused());
    List<Event> events =
        switch (include) {
          case "ALL" -> tracker.allEvents();
          case "NONE" -> List.of();
          default -> tracker.events();
        };
    body.put("events", Json.eventTrees(events));
    body.put(
        "latest_input_channel",
        tracker.latestMessage().map(UserUttered::inputChannel).orElse(null));
    Map<String, Object> loop = new LinkedHashMap<>();
    tracker.activeLoop().ifPresent(name -> loop.put("name", name));
    if (tracker.activeLoop().isPresent()) {
      loop.put("is_interrupted", tracker.loopInterrupted());
      loop.put("rejected", tracker.activeLoopRejected());
    }
    body.put("active_loop", loop);
    body.put(
        "latest_action",
        tracker.latestActionName().map(name -> Map.of("action_name", name)).orElse(Map.of()));
    body.put("latest_action_name", tracker.latestActionName().orElse(null));
    return body;
  }

  /** What another device needs to continue: slots, form, latest intent and the last messages. */
  public static Map<String, Object> state(Tracker tracker, int lastMessages) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sender_id", tracker.senderId());
    body.put("slots", tracker.slots());
    body.put("active_form", tracker.activeLoop().orElse(null));
    body.put(
        "requested_slot",
        tracker.activeLoop().isPresent() ? tracker.slots().get("requested_slot") : null);
    body.put(
        "latest_intent",
        tracker.latestMessage().map(UserUttered::parseData).map(p -> p.intent()).orElse(null));
    List<Map<String, Object>> messages = new ArrayList<>();
    for (Event event : tracker.events()) {
      if (event instanceof UserUttered user) {
        messages.add(message("user", user.text(), Map.of(), event.timestamp()));
      } else if (event instanceof BotUttered bot) {
        messages.add(message("bot", bot.text(), bot.data(), event.timestamp()));
      }
    }
    body.put(
        "messages", messages.subList(Math.max(0, messages.size() - lastMessages), messages.size()));
    body.put("latest_event_time", tracker.latestEventTime().orElse(null));
    return body;
  }

  private static Map<String, Object> message(
      String from, String text, Map<String, Object> data, double timestamp) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("from", from);
    message.put("text", text);
    if (!data.isEmpty()) {
      message.put("data", data);
    }
    message.put("timestamp", timestamp);
    return message;
  }

  private static Map<String, Object> latestMessage(Tracker tracker) {
    Map<String, Object> latest = new LinkedHashMap<>();
    tracker
        .latestMessage()
        .ifPresent(
            user -> {
              latest.put("text", user.text());
              if (user.parseData() != null) {
                latest.put("intent", user.parseData().intent());
                latest.put("entities", user.parseData().entities());
                latest.put("intent_ranking", user.parseData().intentRanking());
                if (!user.parseData().responseSelector().isEmpty()) {
                  latest.put("response_selector", user.parseData().responseSelector());
                }
              }
              latest.put("message_id", user.messageId());
              latest.put("metadata", user.metadata());
            });
    return latest;
  }
}

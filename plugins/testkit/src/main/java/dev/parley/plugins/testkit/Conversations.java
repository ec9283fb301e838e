package dev.parley.plugins.testkit;

import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a conversation event by event and shows it as a {@link ConversationView}. */
public final class Conversations implements ConversationView {

  private final List<Event> events = new ArrayList<>();
  private final Map<String, Object> slots = new LinkedHashMap<>();
  private String activeLoop;

  /** A conversation that has just started (session start, then listening). */
  public static Conversations started() {
    Conversations conversation = new Conversations();
    conversation.action("action_session_start");
    conversation.action("action_listen");
    return conversation;
  }

  /** The user says something with this intent (and entity name/value pairs). */
  public Conversations user(String intent, String... entityPairs) {
    List<Entity> entities = new ArrayList<>();
    for (int i = 0; i + 1 < entityPairs.length; i += 2) {
      entities.add(Entity.of(entityPairs[i], entityPairs[i + 1], 0, 1, 1.0, "test"));
    }
    IntentPrediction prediction = new IntentPrediction(intent, 1.0);
    events.add(
        new UserUttered(
            intent,
            new ParseResult(intent, prediction, List.of(prediction), entities),
            "rest",
            "m" + events.size(),
            events.size(),
            null));
    return this;
  }

  /** An action ran. */
  public Conversations action(String name) {
    events.add(ActionExecuted.of(name, null, null));
    return this;
  }

  /** A slot was set. */
  public Conversations slot(String name, Object value) {
    events.add(SlotSet.of(name, value));
    slots.put(name, value);
    return this;
  }

  /** A loop was (de)activated. */
  public Conversations loop(String name) {
    events.add(ActiveLoop.of(name));
    activeLoop = name;
    return this;
  }

  /** Any other event. */
  public Conversations event(Event event) {
    events.add(event);
    return this;
  }

  @Override
  public String senderId() {
    return "tester";
  }

  @Override
  public List<Event> events() {
    return Collections.unmodifiableList(events);
  }

  @Override
  public List<Event> sessionEvents() {
    return events();
  }

  @Override
  public Map<String, Object> slots() {
    return Collections.unmodifiableMap(slots);
  }

  @Override
  public Optional<UserUttered> latestMessage() {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof UserUttered user) {
        return Optional.of(user);
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> latestActionName() {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof ActionExecuted action) {
        return Optional.of(action.name());
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> activeLoop() {
    return Optional.ofNullable(activeLoop);
  }

  @Override
  public boolean loopInterrupted() {
    return false;
  }

  @Override
  public boolean paused() {
    return false;
  }

  @Override
  public Optional<String> followupAction() {
    return Optional.empty();
  }
}

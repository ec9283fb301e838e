package dev.parley.core.tracker;

import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActionReverted;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.Restarted;
import dev.parley.plugin.conversation.SessionStarted;
import dev.parley.plugin.conversation.UserUtteranceReverted;
import dev.parley.plugin.conversation.UserUttered;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One conversation: its full event log (the truth) and the state derived from it. A tracker is
 * changed only by {@link #append}; a turn works on a {@link #copy()} so that a failed turn leaves
 * the cached tracker untouched.
 */
public final class Tracker implements ConversationView {

  private final ConversationKey key;
  private final Map<String, SlotDefinition> slotDefinitions;
  private final List<Event> allEvents;
  private int persistedCount;
  private List<Event> applied;
  private int restartIndex;
  private int sessionIndex;
  private DialogueState state;

  private Tracker(
      ConversationKey key,
      Map<String, SlotDefinition> slotDefinitions,
      List<Event> allEvents,
      int persistedCount) {
    this.key = key;
    this.slotDefinitions = slotDefinitions;
    this.allEvents = allEvents;
    this.persistedCount = persistedCount;
  }

  /** A tracker for stored events; all of them count as persisted. */
  public static Tracker fromStored(
      ConversationKey key, Map<String, SlotDefinition> slotDefinitions, List<Event> stored) {
    Tracker tracker = new Tracker(key, slotDefinitions, new ArrayList<>(stored), stored.size());
    tracker.replay();
    return tracker;
  }

  /** An independent copy to run a turn on. */
  public Tracker copy() {
    Tracker copy = new Tracker(key, slotDefinitions, new ArrayList<>(allEvents), persistedCount);
    copy.applied = new ArrayList<>(applied);
    copy.restartIndex = restartIndex;
    copy.sessionIndex = sessionIndex;
    copy.state = state.copy();
    return copy;
  }

  /** Appends and applies one event. */
  public void append(Event event) {
    allEvents.add(event);
    apply(event);
  }

  /** Appends and applies events in order. */
  public void appendAll(List<? extends Event> events) {
    events.forEach(this::append);
  }

  /** Events appended since the tracker was loaded or last marked persisted. */
  public List<Event> unpersistedEvents() {
    return Collections.unmodifiableList(allEvents.subList(persistedCount, allEvents.size()));
  }

  /** The number of events already in the store. */
  public int persistedCount() {
    return persistedCount;
  }

  /** Records that every event so far is in the store. */
  public void markPersisted() {
    persistedCount = allEvents.size();
  }

  /** The conversation's identity. */
  public ConversationKey key() {
    return key;
  }

  /** Every event ever appended, including those before restarts and rewinds. */
  public List<Event> allEvents() {
    return Collections.unmodifiableList(allEvents);
  }

  /** The latest event's timestamp, if there is any event. */
  public Optional<Double> latestEventTime() {
    return allEvents.isEmpty()
        ? Optional.empty()
        : Optional.of(allEvents.get(allEvents.size() - 1).timestamp());
  }

  private void replay() {
    applied = new ArrayList<>();
    restartIndex = 0;
    sessionIndex = 0;
    state = new DialogueState(slotDefinitions);
    List<Event> events = List.copyOf(allEvents);
    events.forEach(this::apply);
  }

  private void apply(Event event) {
    if (event instanceof UserUtteranceReverted) {
      revertTo(lastIndexOf(UserUttered.class));
      return;
    }
    if (event instanceof ActionReverted) {
      revertTo(lastIndexOf(ActionExecuted.class));
      return;
    }
    applied.add(event);
    if (event instanceof Restarted) {
      restartIndex = applied.size();
      sessionIndex = applied.size();
    } else if (event instanceof SessionStarted) {
      sessionIndex = Math.max(restartIndex, applied.size() - 2);
    }
    state.apply(event);
  }

  private int lastIndexOf(Class<? extends Event> type) {
    for (int i = applied.size() - 1; i >= restartIndex; i--) {
      if (type.isInstance(applied.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private void revertTo(int index) {
    if (index < 0) {
      return;
    }
    List<Event> kept = new ArrayList<>(applied.subList(0, index));
    applied = new ArrayList<>();
    restartIndex = 0;
    sessionIndex = 0;
    state = new DialogueState(slotDefinitions);
    for (Event event : kept) {
      apply(event);
    }
  }

  @Override
  public String senderId() {
    return key.sender();
  }

  @Override
  public List<Event> events() {
    return Collections.unmodifiableList(applied.subList(restartIndex, applied.size()));
  }

  @Override
  public List<Event> sessionEvents() {
    return Collections.unmodifiableList(
        applied.subList(Math.max(sessionIndex, restartIndex), applied.size()));
  }

  @Override
  public Map<String, Object> slots() {
    return Collections.unmodifiableMap(state.slots());
  }

  @Override
  public Optional<UserUttered> latestMessage() {
    return state.latestMessage();
  }

  @Override
  public Optional<String> latestActionName() {
    return state.latestActionName();
  }

  @Override
  public Optional<String> activeLoop() {
    return state.activeLoop();
  }

  @Override
  public boolean loopInterrupted() {
    return state.loopInterrupted();
  }

  @Override
  public boolean paused() {
    return state.paused();
  }

  @Override
  public Optional<String> followupAction() {
    return state.followupAction();
  }
}

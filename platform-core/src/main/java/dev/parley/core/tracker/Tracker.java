package dev.parley.core.tracker;

import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActionExecutionRejected;
import dev.parley.plugin.conversation.ActionReverted;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.ConversationPaused;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.LoopInterrupted;
import dev.parley.plugin.conversation.Restarted;
import dev.parley.plugin.conversation.SessionStarted;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUtteranceReverted;
import dev.parley.plugin.conversation.UserUttered;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One conversation: its event log (the truth) and the state derived from it. A tracker is changed
 * only by {@link #append}; a turn works on a {@link #copy()} so that a failed turn leaves the
 * cached tracker untouched.
 *
 * <p>A long conversation is held compacted: a snapshot of the state at some sequence number (the
 * {@link #baseSequence()}), written as the few events that rebuild it, plus the events after it.
 * Sequence numbers stay those of the full log; {@link #allEvents()} then holds only the events from
 * the base on, and the full history is read from the store.
 */
public final class Tracker implements ConversationView {

  private final ConversationKey key;
  private final Map<String, SlotDefinition> slotDefinitions;
  private final int baseSequence;
  private final List<Event> snapshot;
  private final List<Event> allEvents;
  private int persistedCount;
  private List<Event> applied;
  private int restartIndex;
  private int sessionIndex;
  private DialogueState state;

  private Tracker(
      ConversationKey key,
      Map<String, SlotDefinition> slotDefinitions,
      int baseSequence,
      List<Event> snapshot,
      List<Event> allEvents,
      int persistedCount) {
    this.key = key;
    this.slotDefinitions = slotDefinitions;
    this.baseSequence = baseSequence;
    this.snapshot = List.copyOf(snapshot);
    this.allEvents = allEvents;
    this.persistedCount = persistedCount;
  }

  /** A tracker for stored events; all of them count as persisted. */
  public static Tracker fromStored(
      ConversationKey key, Map<String, SlotDefinition> slotDefinitions, List<Event> stored) {
    return fromSnapshot(key, slotDefinitions, 0, List.of(), stored);
  }

  /**
   * A tracker for a stored snapshot and the stored events after it; all of them count as persisted.
   *
   * @param baseSequence the sequence number of the first event of {@code stored}
   * @param snapshot the events that rebuild the state at {@code baseSequence} (empty for none)
   */
  public static Tracker fromSnapshot(
      ConversationKey key,
      Map<String, SlotDefinition> slotDefinitions,
      int baseSequence,
      List<Event> snapshot,
      List<Event> stored) {
    Tracker tracker =
        new Tracker(
            key, slotDefinitions, baseSequence, snapshot, new ArrayList<>(stored), stored.size());
    tracker.replay();
    return tracker;
  }

  /** An independent copy to run a turn on. */
  public Tracker copy() {
    Tracker copy =
        new Tracker(
            key,
            slotDefinitions,
            baseSequence,
            snapshot,
            new ArrayList<>(allEvents),
            persistedCount);
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

  /** The number of events already in the store (the sequence number of the next new event). */
  public int persistedCount() {
    return baseSequence + persistedCount;
  }

  /** Whether the conversation has never had an event. */
  public boolean isNew() {
    return baseSequence == 0 && allEvents.isEmpty();
  }

  /** The sequence number of the first event in {@link #allEvents()}; 0 unless compacted. */
  public int baseSequence() {
    return baseSequence;
  }

  /** The events that rebuild the state at {@link #baseSequence()}; empty unless compacted. */
  public List<Event> snapshot() {
    return snapshot;
  }

  /**
   * This tracker compacted, when more than {@code maxEvents} are held: a snapshot of the state at
   * the start of a recent user turn, and the events from there on (at least {@code keepEvents} of
   * them). Only the persisted part is compacted; the result counts as persisted.
   */
  public Optional<Tracker> compacted(int maxEvents, int keepEvents) {
    if (allEvents.size() <= maxEvents || persistedCount != allEvents.size()) {
      return Optional.empty();
    }
    int cut = -1;
    for (int i = allEvents.size() - keepEvents; i > 0; i--) {
      if (allEvents.get(i) instanceof UserUttered) {
        cut = i;
        break;
      }
    }
    if (cut <= 0) {
      return Optional.empty();
    }
    Tracker before =
        new Tracker(
            key,
            slotDefinitions,
            baseSequence,
            snapshot,
            new ArrayList<>(allEvents.subList(0, cut)),
            cut);
    before.replay();
    List<Event> state = before.stateAsEvents(allEvents.get(cut - 1).timestamp());
    return Optional.of(
        fromSnapshot(
            key,
            slotDefinitions,
            baseSequence + cut,
            state,
            allEvents.subList(cut, allEvents.size())));
  }

  /** The fewest events that rebuild this tracker's slots, loop and pause from nothing. */
  private List<Event> stateAsEvents(double timestamp) {
    List<Event> events = new ArrayList<>();
    state
        .slots()
        .forEach(
            (name, value) -> {
              SlotDefinition definition = slotDefinitions.get(name);
              Object initial = definition == null ? null : definition.initialValue();
              if (!Objects.equals(value, initial)) {
                events.add(new SlotSet(name, value, timestamp, Map.of()));
              }
            });
    state.activeLoop().ifPresent(loop -> events.add(new ActiveLoop(loop, timestamp, Map.of())));
    if (state.loopInterrupted()) {
      events.add(new LoopInterrupted(true, timestamp, Map.of()));
    }
    if (state.loopRejected()) {
      state
          .activeLoop()
          .ifPresent(
              loop ->
                  events.add(new ActionExecutionRejected(loop, null, null, timestamp, Map.of())));
    }
    if (state.paused()) {
      events.add(new ConversationPaused(timestamp, Map.of()));
    }
    return events;
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
    snapshot.forEach(this::apply);
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
  public boolean activeLoopRejected() {
    return state.loopRejected();
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

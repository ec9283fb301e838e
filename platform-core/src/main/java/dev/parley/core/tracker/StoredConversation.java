package dev.parley.core.tracker;

import dev.parley.plugin.conversation.Event;
import java.util.List;

/**
 * What the store holds of a conversation for serving it: its latest snapshot, if any, and the
 * events after it.
 *
 * @param baseSequence the sequence number of the first of {@code events} (0 without a snapshot)
 * @param snapshot the events that rebuild the state at {@code baseSequence}
 * @param events the events from {@code baseSequence} on, oldest first
 */
public record StoredConversation(int baseSequence, List<Event> snapshot, List<Event> events) {

  /** Copies the lists. */
  public StoredConversation {
    snapshot = List.copyOf(snapshot);
    events = List.copyOf(events);
  }

  /** A conversation without a snapshot. */
  public static StoredConversation of(List<Event> events) {
    return new StoredConversation(0, List.of(), events);
  }
}

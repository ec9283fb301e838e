package dev.parley.core.tracker;

import dev.parley.plugin.conversation.Event;
import java.util.List;

/** Where conversations' event logs are kept. The event log is the truth; state is derived. */
public interface TrackerStore {

  /** The stored events of a conversation, oldest first; empty if it never spoke. */
  List<Event> load(ConversationKey key);

  /**
   * Appends events in one transaction.
   *
   * @param firstSequence the sequence number of the first new event (the number already stored)
   */
  void append(ConversationKey key, int firstSequence, List<Event> events);

  /** Erases a conversation; returns whether it existed. */
  boolean delete(ConversationKey key);
}

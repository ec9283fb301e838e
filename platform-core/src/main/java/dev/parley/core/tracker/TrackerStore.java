package dev.parley.core.tracker;

import dev.parley.plugin.conversation.Event;
import java.util.List;

/** Where conversations' event logs are kept. The event log is the truth; state is derived. */
public interface TrackerStore {

  /** The stored events of a conversation, oldest first; empty if it never spoke. */
  List<Event> load(ConversationKey key);

  /**
   * What serving a conversation needs: its latest snapshot and the events after it (all events when
   * there is no snapshot).
   */
  default StoredConversation loadLatest(ConversationKey key) {
    return StoredConversation.of(load(key));
  }

  /**
   * Stores a snapshot of a conversation's state at a sequence number, replacing older ones. The
   * events stay in the log; the snapshot only spares loading them.
   *
   * @param sequence the sequence number the snapshot's state is at
   * @param state the events that rebuild that state
   */
  default void saveSnapshot(ConversationKey key, int sequence, List<Event> state) {}

  /**
   * Appends events in one transaction.
   *
   * @param firstSequence the sequence number of the first new event (the number already stored)
   * @throws AppendConflictException when the conversation already has events from that number
   */
  void append(ConversationKey key, int firstSequence, List<Event> events);

  /** Erases a conversation; returns whether it existed. */
  boolean delete(ConversationKey key);

  /**
   * Erases conversations; returns how many existed. Stores that can should do it in few statements.
   */
  default int deleteAll(java.util.Collection<ConversationKey> keys) {
    int existed = 0;
    for (ConversationKey key : keys) {
      existed += delete(key) ? 1 : 0;
    }
    return existed;
  }

  /** Erases every conversation of a bot (the bot is deleted); returns how many there were. */
  default int deleteBot(String tenant, String bot) {
    throw new UnsupportedOperationException("this store cannot erase a bot's conversations");
  }
}

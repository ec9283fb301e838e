package dev.parley.core.tracker;

import dev.parley.plugin.conversation.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps event logs in memory, for tests of the turn pipeline without a database. */
public final class MemoryTrackerStore implements TrackerStore {

  private final Map<ConversationKey, List<Event>> events = new ConcurrentHashMap<>();

  @Override
  public List<Event> load(ConversationKey key) {
    return List.copyOf(events.getOrDefault(key, List.of()));
  }

  @Override
  public void append(ConversationKey key, int firstSequence, List<Event> newEvents) {
    List<Event> list = events.computeIfAbsent(key, k -> new ArrayList<>());
    if (firstSequence != list.size()) {
      throw new AppendConflictException(key, firstSequence, null);
    }
    list.addAll(newEvents);
  }

  @Override
  public boolean delete(ConversationKey key) {
    return events.remove(key) != null;
  }
}

package dev.parley.cli;

import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.ConversationRepository;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.bot.SlotDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Conversations kept in this process's memory only: the shell's, without a database or cache. */
final class MemoryConversations extends ConversationRepository {

  private final Map<ConversationKey, Tracker> trackers = new ConcurrentHashMap<>();

  @Override
  public Tracker load(ConversationKey key, Map<String, SlotDefinition> slots) {
    return trackers.computeIfAbsent(key, k -> Tracker.fromStored(k, slots, List.of()));
  }

  @Override
  public Tracker loadFullHistory(ConversationKey key, Map<String, SlotDefinition> slots) {
    return load(key, slots);
  }

  @Override
  public void save(Tracker tracker) {
    tracker.markPersisted();
    trackers.put(tracker.key(), tracker);
  }

  @Override
  public boolean delete(ConversationKey key) {
    return trackers.remove(key) != null;
  }
}

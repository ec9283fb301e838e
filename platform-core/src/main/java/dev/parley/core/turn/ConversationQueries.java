package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.ConversationLocks;
import dev.parley.core.tracker.ConversationRepository;
import dev.parley.core.tracker.Tracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the channel and console resources ask of a conversation besides a turn: its tracker (current
 * state, or every stored event) and its erasure.
 */
@ApplicationScoped
public class ConversationQueries {

  private ConversationRepository conversations;
  private ConversationLocks locks;

  /** For CDI proxies. */
  protected ConversationQueries() {}

  /**
   * Reads through the repository; erases under the conversation's lock.
   *
   * @param conversations the conversation repository
   * @param locks the per-conversation locks
   */
  @Inject
  public ConversationQueries(ConversationRepository conversations, ConversationLocks locks) {
    this.conversations = conversations;
    this.locks = locks;
  }

  /** The conversation's current tracker (read-only use), loading it if needed. */
  public Tracker tracker(BotModel model, String sender) {
    return conversations.load(key(model, sender), model.domain().slots());
  }

  /** The conversation with every stored event, for the history APIs. */
  public Tracker fullHistory(BotModel model, String sender) {
    return conversations.loadFullHistory(key(model, sender), model.domain().slots());
  }

  /** Erases a conversation from the store and the cache; whether it existed. */
  public boolean erase(BotModel model, String sender) {
    ConversationKey key = key(model, sender);
    return locks.withLock(key, () -> conversations.delete(key));
  }

  private static ConversationKey key(BotModel model, String sender) {
    return new ConversationKey(model.tenant(), model.bot(), sender);
  }
}

package dev.parley.core.tracker.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Finds a bot's conversations by sender and date (for the console). */
@ApplicationScoped
public class ConversationDirectory {

  /** One conversation: its sender and when it started. */
  public record Entry(String sender, Instant createdAt) {}

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  /**
   * The bot's conversations whose sender starts with {@code senderPrefix} and that started in
   * {@code [from, to)}, newest first.
   */
  @Transactional
  public List<Entry> find(
      String tenant, String bot, String senderPrefix, Instant from, Instant to, int limit) {
    return em
        .createQuery(
            "select c.sender, c.createdAt from ConversationEntity c where c.tenant = :tenant"
                + " and c.bot = :bot and c.sender like :prefix escape '!'"
                + " and c.createdAt >= :from and c.createdAt < :to order by c.createdAt desc",
            Object[].class)
        .setParameter("tenant", tenant)
        .setParameter("bot", bot)
        .setParameter("prefix", escape(senderPrefix) + "%")
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(row -> new Entry((String) row[0], (Instant) row[1]))
        .toList();
  }

  private static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}

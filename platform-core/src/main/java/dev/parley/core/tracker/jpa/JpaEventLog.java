package dev.parley.core.tracker.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.parley.core.crypto.PayloadCipher;
import dev.parley.core.json.Json;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.StoredConversation;
import dev.parley.plugin.conversation.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The event log on JPA (the store behind {@link GroupCommitTrackerStore}): one row per
 * conversation, and one immutable row per turn holding the events that turn appended (so a turn is
 * one insert), keyed by the sequence number of its first event. Several turns can be committed in
 * one transaction ({@link #appendAll}). Each row's payload is encrypted with {@link PayloadCipher},
 * bound to its conversation and sequence number; rows stored before encryption are read as they
 * are.
 */
@ApplicationScoped
public class JpaEventLog {

  private static final Logger LOG = Logger.getLogger(JpaEventLog.class.getName());

  /** Conversations one erase statement names at most. */
  private static final int DELETE_CHUNK = 500;

  private static final JavaType EVENT_LIST =
      Json.mapper().getTypeFactory().constructCollectionType(List.class, Event.class);

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  private PayloadCipher cipher;

  /** For CDI proxies. */
  protected JpaEventLog() {}

  /** Encrypts payloads with the given cipher. */
  @Inject
  public JpaEventLog(PayloadCipher cipher) {
    this.cipher = cipher;
  }

  /** The stored events of a conversation, oldest first. */
  @Transactional
  public List<Event> load(ConversationKey key) {
    String id = ConversationIds.of(key);
    List<Object[]> rows =
        em.createQuery(
                "select b.firstSeq, b.payload from EventBatchEntity b where b.conversationId = :id"
                    + " order by b.firstSeq",
                Object[].class)
            .setParameter("id", id)
            .getResultList();
    List<Event> events = new ArrayList<>();
    for (Object[] row : rows) {
      int firstSeq = (Integer) row[0];
      events.addAll(decode(cipher.open((String) row[1], BatchContext.of(id, firstSeq))));
    }
    return events;
  }

  /**
   * The conversation's latest snapshot and the events after it; all events when there is no
   * snapshot or it cannot be read (e.g. its key was removed after a rotation).
   */
  @Transactional
  public StoredConversation loadLatest(ConversationKey key) {
    String id = ConversationIds.of(key);
    SnapshotEntity snapshot = em.find(SnapshotEntity.class, id);
    if (snapshot == null) {
      return StoredConversation.of(load(key));
    }
    List<Event> state;
    try {
      state =
          decode(cipher.open(snapshot.payload(), BatchContext.snapshot(id, snapshot.sequence())));
    } catch (RuntimeException unreadable) {
      LOG.warning(
          () ->
              "a conversation's snapshot cannot be read ("
                  + unreadable.getClass().getSimpleName()
                  + "); loading its whole log");
      return StoredConversation.of(load(key));
    }
    int base = snapshot.sequence();
    List<Object[]> rows =
        em.createQuery(
                "select b.firstSeq, b.payload from EventBatchEntity b where b.conversationId = :id"
                    + " and b.firstSeq + b.eventCount > :base order by b.firstSeq",
                Object[].class)
            .setParameter("id", id)
            .setParameter("base", base)
            .getResultList();
    List<Event> events = new ArrayList<>();
    for (Object[] row : rows) {
      int firstSeq = (Integer) row[0];
      List<Event> batch = decode(cipher.open((String) row[1], BatchContext.of(id, firstSeq)));
      events.addAll(batch.subList(Math.max(0, base - firstSeq), batch.size()));
    }
    return new StoredConversation(base, state, events);
  }

  /** Stores the conversation's snapshot, replacing an older one; a newer one is kept. */
  @Transactional
  public void saveSnapshot(ConversationKey key, int sequence, List<Event> state) {
    String id = ConversationIds.of(key);
    String payload = cipher.seal(encode(state), BatchContext.snapshot(id, sequence));
    SnapshotEntity existing = em.find(SnapshotEntity.class, id);
    if (existing == null) {
      em.persist(new SnapshotEntity(id, sequence, payload));
    } else if (existing.sequence() < sequence) {
      existing.replace(sequence, payload);
    }
  }

  /** Writes several turns' events in one transaction: all of them or none. */
  @Transactional
  public void appendAll(List<PendingAppend> appends) {
    for (PendingAppend append : appends) {
      if (append.events().isEmpty()) {
        continue;
      }
      String id = ConversationIds.of(append.key());
      if (append.firstSequence() == 0) {
        ConversationKey key = append.key();
        em.persist(new ConversationEntity(id, key.tenant(), key.bot(), key.sender()));
      }
      em.persist(
          new EventBatchEntity(
              id,
              append.firstSequence(),
              append.events().size(),
              append.events().get(0).timestamp(),
              cipher.seal(encode(append.events()), BatchContext.of(id, append.firstSequence()))));
    }
  }

  /**
   * The size and first timestamp of a stored batch, if there is one: after a write whose outcome is
   * unknown, tells whether it was committed.
   */
  @Transactional
  public Optional<StoredBatch> storedBatch(ConversationKey key, int firstSequence) {
    return em.createQuery(
            "select new dev.parley.core.tracker.jpa.StoredBatch(b.eventCount, b.firstTimestamp)"
                + " from EventBatchEntity b where b.conversationId = :id and b.firstSeq = :seq",
            StoredBatch.class)
        .setParameter("id", ConversationIds.of(key))
        .setParameter("seq", firstSequence)
        .getResultStream()
        .findFirst();
  }

  /** Erases a conversation; returns whether it existed. */
  @Transactional
  public boolean delete(ConversationKey key) {
    String id = ConversationIds.of(key);
    em.createQuery("delete from EventBatchEntity b where b.conversationId = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.createQuery("delete from SnapshotEntity s where s.conversationId = :id")
        .setParameter("id", id)
        .executeUpdate();
    return em.createQuery("delete from ConversationEntity c where c.id = :id")
            .setParameter("id", id)
            .executeUpdate()
        > 0;
  }

  /** Erases conversations, a few hundred per statement; returns how many existed. */
  @Transactional
  public int deleteAll(java.util.Collection<ConversationKey> keys) {
    List<String> ids = keys.stream().map(ConversationIds::of).distinct().toList();
    int existed = 0;
    for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK));
      em.createQuery("delete from EventBatchEntity b where b.conversationId in :ids")
          .setParameter("ids", chunk)
          .executeUpdate();
      em.createQuery("delete from SnapshotEntity s where s.conversationId in :ids")
          .setParameter("ids", chunk)
          .executeUpdate();
      existed +=
          em.createQuery("delete from ConversationEntity c where c.id in :ids")
              .setParameter("ids", chunk)
              .executeUpdate();
    }
    return existed;
  }

  /** Erases every stored conversation of a bot; returns how many there were. */
  @Transactional
  public int deleteBot(String tenant, String bot) {
    String ids =
        "(select c.id from ConversationEntity c where c.tenant = :tenant and c.bot = :bot)";
    em.createQuery("delete from EventBatchEntity b where b.conversationId in " + ids)
        .setParameter("tenant", tenant)
        .setParameter("bot", bot)
        .executeUpdate();
    em.createQuery("delete from SnapshotEntity s where s.conversationId in " + ids)
        .setParameter("tenant", tenant)
        .setParameter("bot", bot)
        .executeUpdate();
    return em.createQuery(
            "delete from ConversationEntity c where c.tenant = :tenant and c.bot = :bot")
        .setParameter("tenant", tenant)
        .setParameter("bot", bot)
        .executeUpdate();
  }

  private static String encode(List<Event> events) {
    try {
      return Json.mapper().writerFor(EVENT_LIST).writeValueAsString(events);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Event> decode(String payload) {
    try {
      return Json.mapper().readValue(payload, EVENT_LIST);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

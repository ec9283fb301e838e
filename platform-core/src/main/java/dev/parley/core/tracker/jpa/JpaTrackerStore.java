package dev.parley.core.tracker.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.json.Json;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.TrackerStore;
import dev.parley.plugin.conversation.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The tracker store on JPA: one row per conversation, one row per event. */
@ApplicationScoped
public class JpaTrackerStore implements TrackerStore {

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  @Override
  @Transactional
  public List<Event> load(ConversationKey key) {
    List<String> payloads =
        em.createQuery(
                "select e.payload from EventEntity e where e.conversationId = :id order by e.seq",
                String.class)
            .setParameter("id", ConversationIds.of(key))
            .getResultList();
    List<Event> events = new ArrayList<>(payloads.size());
    for (String payload : payloads) {
      events.add(decode(payload));
    }
    return events;
  }

  @Override
  @Transactional
  public void append(ConversationKey key, int firstSequence, List<Event> events) {
    String id = ConversationIds.of(key);
    int count = firstSequence + events.size();
    if (firstSequence == 0) {
      ConversationEntity conversation =
          new ConversationEntity(id, key.tenant(), key.bot(), key.sender());
      conversation.setEventCount(count);
      em.persist(conversation);
    } else {
      em.createQuery(
              "update ConversationEntity c set c.eventCount = :count, c.updatedAt = :now"
                  + " where c.id = :id")
          .setParameter("count", count)
          .setParameter("now", Instant.now())
          .setParameter("id", id)
          .executeUpdate();
    }
    int seq = firstSequence;
    for (Event event : events) {
      em.persist(new EventEntity(id, seq++, event.type(), event.timestamp(), encode(event)));
    }
  }

  @Override
  @Transactional
  public boolean delete(ConversationKey key) {
    String id = ConversationIds.of(key);
    em.createQuery("delete from EventEntity e where e.conversationId = :id")
        .setParameter("id", id)
        .executeUpdate();
    return em.createQuery("delete from ConversationEntity c where c.id = :id")
            .setParameter("id", id)
            .executeUpdate()
        > 0;
  }

  private static String encode(Event event) {
    try {
      return Json.mapper().writerFor(Event.class).writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Event decode(String payload) {
    try {
      return Json.mapper().readValue(payload, Event.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

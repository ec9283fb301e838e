package dev.parley.core.tracker.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * The events one turn appended to a conversation, in order, as a JSON array of Rasa events. The log
 * of a conversation is its batches by sequence number; a batch is written once and never changed
 * (except re-encrypted under a new key), so one insert stores a whole turn. The payload is
 * encrypted (see {@link dev.parley.core.crypto.PayloadCipher}) unless stored before encryption.
 */
@Entity
@Table(name = "parley_event_batch")
@IdClass(EventBatchEntity.Key.class)
public class EventBatchEntity {

  @Id
  @Column(length = 64)
  private String conversationId;

  /** Sequence number of the batch's first event in the conversation. */
  @Id private int firstSeq;

  private int eventCount;

  private double firstTimestamp;

  /** Longer than PostgreSQL's longest varchar, so it stores the JSON as {@code text}. */
  @Column(nullable = false, length = 50_000_000)
  private String payload;

  protected EventBatchEntity() {}

  EventBatchEntity(
      String conversationId, int firstSeq, int eventCount, double firstTimestamp, String payload) {
    this.conversationId = conversationId;
    this.firstSeq = firstSeq;
    this.eventCount = eventCount;
    this.firstTimestamp = firstTimestamp;
    this.payload = payload;
  }

  String conversationId() {
    return conversationId;
  }

  int firstSeq() {
    return firstSeq;
  }

  String payload() {
    return payload;
  }

  /** Replaces the payload with the same events encrypted under another key. */
  void reencrypted(String payload) {
    this.payload = payload;
  }

  /** Composite key (conversation, first sequence number). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String conversationId;
    private int firstSeq;

    /** For JPA. */
    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && key.firstSeq == firstSeq
          && Objects.equals(key.conversationId, conversationId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(conversationId, firstSeq);
    }
  }
}

package dev.parley.core.tracker.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One event of a conversation, stored as Rasa's event JSON. */
@Entity
@Table(name = "parley_event")
@IdClass(EventEntity.Key.class)
public class EventEntity {

  @Id
  @Column(length = 64)
  private String conversationId;

  @Id private int seq;

  @Column(nullable = false, length = 40)
  private String type;

  private double timestamp;

  @Column(nullable = false, length = 1_000_000)
  private String payload;

  protected EventEntity() {}

  EventEntity(String conversationId, int seq, String type, double timestamp, String payload) {
    this.conversationId = conversationId;
    this.seq = seq;
    this.type = type;
    this.timestamp = timestamp;
    this.payload = payload;
  }

  String getPayload() {
    return payload;
  }

  /** Composite key (conversation, sequence number). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String conversationId;
    private int seq;

    /** For JPA. */
    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && key.seq == seq
          && java.util.Objects.equals(key.conversationId, conversationId);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(conversationId, seq);
    }
  }
}

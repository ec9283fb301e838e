package dev.parley.core.tracker.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The latest snapshot of a conversation's state: the events that rebuild it at a sequence number,
 * encrypted like an event batch. One row per conversation, replaced when a newer one is taken; the
 * event log stays complete, so a lost or unreadable snapshot only costs loading the whole log.
 */
@Entity
@Table(name = "parley_tracker_snapshot")
public class SnapshotEntity {

  @Id
  @Column(length = 64)
  private String conversationId;

  /** The sequence number the state is at (the number of events it covers). */
  private int sequence;

  /** Longer than PostgreSQL's longest varchar, so it stores the JSON as {@code text}. */
  @Column(nullable = false, length = 50_000_000)
  private String payload;

  protected SnapshotEntity() {}

  SnapshotEntity(String conversationId, int sequence, String payload) {
    this.conversationId = conversationId;
    this.sequence = sequence;
    this.payload = payload;
  }

  int sequence() {
    return sequence;
  }

  String payload() {
    return payload;
  }

  void replace(int sequence, String payload) {
    this.sequence = sequence;
    this.payload = payload;
  }
}

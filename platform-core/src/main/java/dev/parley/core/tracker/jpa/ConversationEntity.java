package dev.parley.core.tracker.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One conversation's row: who talks to which bot, and since when. */
@Entity
@Table(
    name = "parley_conversation",
    indexes = @Index(name = "ix_conversation_bot", columnList = "tenant,bot,createdAt"))
public class ConversationEntity {

  @Id
  @Column(length = 64)
  private String id;

  @Column(nullable = false, length = 64)
  private String tenant;

  @Column(nullable = false, length = 64)
  private String bot;

  @Column(nullable = false, length = 255)
  private String sender;

  @Column(nullable = false)
  private Instant createdAt;

  protected ConversationEntity() {}

  ConversationEntity(String id, String tenant, String bot, String sender) {
    this.id = id;
    this.tenant = tenant;
    this.bot = bot;
    this.sender = sender;
    this.createdAt = Instant.now();
  }
}

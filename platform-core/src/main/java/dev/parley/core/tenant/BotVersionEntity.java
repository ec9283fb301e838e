package dev.parley.core.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One trained model version of a bot: the project it was trained from and a content hash. */
@Entity
@Table(name = "parley_bot_version")
public class BotVersionEntity {

  @Id
  @Column(length = 160)
  private String id;

  @Column(nullable = false, length = 140)
  private String botId;

  private int version;

  @Column(nullable = false, length = 64)
  private String contentHash;

  @Column(nullable = false, length = 50_000_000)
  private String definition;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(length = 255)
  private String createdBy;

  @Column(length = 2000)
  private String note;

  @Column(length = 16)
  private String modelSource;

  protected BotVersionEntity() {}

  BotVersionEntity(
      String botId, int version, String contentHash, String definition, String createdBy) {
    this.id = botId + "#" + version;
    this.botId = botId;
    this.version = version;
    this.contentHash = contentHash;
    this.definition = definition;
    this.createdAt = Instant.now();
    this.createdBy = createdBy;
  }

  /** Who stored it: the console user, {@code admin}, a token's subject, or empty (older rows). */
  public java.util.Optional<String> getCreatedBy() {
    return java.util.Optional.ofNullable(createdBy);
  }

  /** Row id. */
  public String getId() {
    return id;
  }

  /** Version number. */
  public int getVersion() {
    return version;
  }

  /** SHA-256 of the project files. */
  public String getContentHash() {
    return contentHash;
  }

  /** The project files as a JSON object (path to text). */
  public String getDefinition() {
    return definition;
  }

  /** When it was trained. */
  public Instant getCreatedAt() {
    return createdAt;
  }

  /**
   * Where its model came from: {@code trained} by the server, or {@code loaded} from a model the
   * command line trained; empty for rows stored before this was recorded (trained).
   */
  public java.util.Optional<String> getModelSource() {
    return java.util.Optional.ofNullable(modelSource);
  }

  void setModelSource(String modelSource) {
    this.modelSource = modelSource;
  }

  /** The note its author gave the version, if any. */
  public java.util.Optional<String> getNote() {
    return java.util.Optional.ofNullable(note);
  }

  /** Sets the version's note ({@code null}: none). */
  public void setNote(String note) {
    this.note = note;
  }
}

package dev.parley.core.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bot of a tenant: its API key hash, visibility and active model version. */
@Entity
@Table(name = "parley_bot")
public class BotEntity {

  @Id
  @Column(length = 140)
  private String id;

  @Column(nullable = false, length = 64)
  private String tenant;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(nullable = false, length = 64)
  private String apiKeyHash;

  private boolean publicBot;

  private int activeVersion;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(length = 120)
  private String displayName;

  protected BotEntity() {}

  BotEntity(String tenant, String name, String apiKeyHash) {
    this.id = idOf(tenant, name);
    this.tenant = tenant;
    this.name = name;
    this.apiKeyHash = apiKeyHash;
    this.createdAt = Instant.now();
  }

  static String idOf(String tenant, String name) {
    return tenant + "/" + name;
  }

  /** Tenant name. */
  public String getTenant() {
    return tenant;
  }

  /** Bot name. */
  public String getName() {
    return name;
  }

  /** The name shown in the console (the bot's name until one is set). */
  public String getDisplayName() {
    return displayName == null || displayName.isBlank() ? name : displayName;
  }

  void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  /** SHA-256 of the bot's API key, hex. */
  public String getApiKeyHash() {
    return apiKeyHash;
  }

  void setApiKeyHash(String apiKeyHash) {
    this.apiKeyHash = apiKeyHash;
  }

  /** Whether channel calls need no key. */
  public boolean isPublicBot() {
    return publicBot;
  }

  void setPublicBot(boolean publicBot) {
    this.publicBot = publicBot;
  }

  /** The model version that serves. */
  public int getActiveVersion() {
    return activeVersion;
  }

  void setActiveVersion(int activeVersion) {
    this.activeVersion = activeVersion;
  }
}

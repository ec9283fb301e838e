package dev.parley.core.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signed-in console session, stored so that every server of a cluster knows it. Only the SHA-256
 * of the cookie's token is kept.
 */
@Entity
@Table(
    name = "parley_console_session",
    indexes = @Index(name = "ix_console_session_user", columnList = "userName"))
public class ConsoleSessionEntity {

  @Id
  @Column(length = 64)
  private String tokenHash;

  @Column(nullable = false, length = 64)
  private String userName;

  @Column(nullable = false, length = 64)
  private String csrfToken;

  @Column(nullable = false)
  private Instant expiresAt;

  protected ConsoleSessionEntity() {}

  ConsoleSessionEntity(String tokenHash, String userName, String csrfToken, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.userName = userName;
    this.csrfToken = csrfToken;
    this.expiresAt = expiresAt;
  }

  String getUserName() {
    return userName;
  }

  String getCsrfToken() {
    return csrfToken;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  void setExpiresAt(Instant expiresAt) {
    this.expiresAt = expiresAt;
  }
}

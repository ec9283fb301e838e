package dev.parley.core.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A console user of a tenant: name, password hash (PBKDF2) and role. */
@Entity
@Table(name = "parley_console_user")
public class ConsoleUserEntity {

  @Id
  @Column(length = 64)
  private String name;

  @Column(nullable = false, length = 200)
  private String passwordHash;

  @Column(nullable = false, length = 32)
  private String role;

  @Column(length = 64)
  private String tenant;

  @Column(nullable = false)
  private Instant createdAt;

  protected ConsoleUserEntity() {}

  ConsoleUserEntity(String name, String passwordHash, Role role, String tenant) {
    this.name = name;
    this.passwordHash = passwordHash;
    this.role = role.name();
    this.tenant = tenant;
    this.createdAt = Instant.now();
  }

  /** User name. */
  public String getName() {
    return name;
  }

  /** Stored password hash. */
  public String getPasswordHash() {
    return passwordHash;
  }

  /** The user's role. */
  public Role getRole() {
    return Role.valueOf(role);
  }

  /** The user's tenant. */
  public Optional<String> getTenant() {
    return Optional.ofNullable(tenant);
  }

  /** When the user was created. */
  public Instant getCreatedAt() {
    return createdAt;
  }

  void rehash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  void update(String passwordHash, Role role) {
    if (passwordHash != null) {
      this.passwordHash = passwordHash;
    }
    this.role = role.name();
  }
}

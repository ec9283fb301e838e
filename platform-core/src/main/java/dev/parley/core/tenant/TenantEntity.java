package dev.parley.core.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant: a team that owns bots. */
@Entity
@Table(name = "parley_tenant")
public class TenantEntity {

  @Id
  @Column(length = 64)
  private String name;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(length = 120)
  private String displayName;

  protected TenantEntity() {}

  TenantEntity(String name) {
    this.name = name;
    this.createdAt = Instant.now();
  }

  /** The tenant's name. */
  public String getName() {
    return name;
  }

  /** The name shown in the console (the tenant's name until one is set). */
  public String getDisplayName() {
    return displayName == null || displayName.isBlank() ? name : displayName;
  }

  void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  /** When it was created. */
  public Instant getCreatedAt() {
    return createdAt;
  }
}

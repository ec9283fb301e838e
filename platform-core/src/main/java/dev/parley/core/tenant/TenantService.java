package dev.parley.core.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creating, listing and renaming tenants; each call is one transaction. */
@ApplicationScoped
public class TenantService {

  private TenantRepository tenants;
  private BotRepository bots;

  /** For CDI proxies. */
  protected TenantService() {}

  /** Wires the repositories. */
  @Inject
  public TenantService(TenantRepository tenants, BotRepository bots) {
    this.tenants = tenants;
    this.bots = bots;
  }

  /**
   * A tenant with its bots.
   *
   * @param name the tenant's id
   * @param displayName the name shown in the console (the id until one is set)
   * @param createdAt when it was created
   * @param bots the bots' names, sorted
   * @param botDisplayNames the bots' display names by bot name
   */
  public record Summary(
      String name,
      String displayName,
      Instant createdAt,
      List<String> bots,
      Map<String, String> botDisplayNames) {}

  /** Creates the tenant unless it exists; returns whether it was created. */
  @Transactional
  public boolean create(String name) {
    return tenants.create(name);
  }

  /** Whether the tenant exists. */
  @Transactional
  public boolean exists(String name) {
    return tenants.exists(name);
  }

  /** Every tenant with its bots, by name. */
  @Transactional
  public List<Summary> all() {
    return tenants.all().stream()
        .map(
            t ->
                new Summary(
                    t.getName(),
                    t.getDisplayName(),
                    t.getCreatedAt(),
                    bots.names(t.getName()),
                    bots.displayNames(t.getName())))
        .toList();
  }

  /** The names of a tenant's bots; empty when the tenant does not exist. */
  @Transactional
  public Optional<List<String>> botNames(String tenant) {
    return tenants.exists(tenant) ? Optional.of(bots.names(tenant)) : Optional.empty();
  }

  /**
   * Sets a tenant's display name ({@code null} resets it to the id).
   *
   * @return the display name now shown, or empty when the tenant does not exist
   */
  @Transactional
  public Optional<String> rename(String name, String displayName) {
    if (!tenants.rename(name, displayName)) {
      return Optional.empty();
    }
    return tenants.find(name).map(TenantEntity::getDisplayName);
  }
}

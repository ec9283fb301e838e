package dev.parley.core.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Tenants in the database. Plain data access: the callers' services own the transactions (writes
 * need one).
 */
@ApplicationScoped
public class TenantRepository {

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  /** Creates the tenant unless it exists; returns whether it was created. */
  public boolean create(String name) {
    if (em.find(TenantEntity.class, name) != null) {
      return false;
    }
    em.persist(new TenantEntity(name));
    return true;
  }

  /** Whether the tenant exists. */
  public boolean exists(String name) {
    return em.find(TenantEntity.class, name) != null;
  }

  /** A tenant, if it exists. */
  public Optional<TenantEntity> find(String name) {
    return Optional.ofNullable(em.find(TenantEntity.class, name));
  }

  /** All tenants by name. */
  public List<TenantEntity> all() {
    return em.createQuery("select t from TenantEntity t order by t.name", TenantEntity.class)
        .getResultList();
  }

  /** Sets a tenant's display name; returns whether the tenant exists. */
  public boolean rename(String name, String displayName) {
    TenantEntity tenant = em.find(TenantEntity.class, name);
    if (tenant == null) {
      return false;
    }
    tenant.setDisplayName(displayName);
    return true;
  }

  /** Deletes a tenant (its bots must be gone); returns whether it existed. */
  public boolean delete(String name) {
    TenantEntity tenant = em.find(TenantEntity.class, name);
    if (tenant == null) {
      return false;
    }
    em.remove(tenant);
    return true;
  }
}

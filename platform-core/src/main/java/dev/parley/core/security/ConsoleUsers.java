package dev.parley.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Console users of the tenants, in the database. */
@ApplicationScoped
public class ConsoleUsers {

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  /** A user by name. */
  @Transactional
  public Optional<ConsoleUserEntity> find(String name) {
    return Optional.ofNullable(em.find(ConsoleUserEntity.class, name));
  }

  /** A tenant's users by name. */
  @Transactional
  public List<ConsoleUserEntity> ofTenant(String tenant) {
    return em.createQuery(
            "select u from ConsoleUserEntity u where u.tenant = :tenant order by u.name",
            ConsoleUserEntity.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /**
   * Creates a user of the tenant, or changes the role (and password, if given) of one already
   * there. A user of another tenant keeps its tenant: the call fails.
   *
   * @return whether the user was created
   * @throws IllegalArgumentException when the name belongs to another tenant's user
   */
  @Transactional
  public boolean save(String tenant, String name, Optional<String> password, Role role) {
    ConsoleUserEntity user = em.find(ConsoleUserEntity.class, name);
    if (user == null) {
      em.persist(
          new ConsoleUserEntity(name, PasswordHasher.hash(password.orElseThrow()), role, tenant));
      return true;
    }
    if (!user.getTenant().filter(tenant::equals).isPresent()) {
      throw new IllegalArgumentException("user name taken");
    }
    user.update(password.map(PasswordHasher::hash).orElse(null), role);
    return false;
  }

  /**
   * Stores a new hash of the user's password if the stored one was made with fewer iterations than
   * new hashes get; called after the password matched.
   */
  @Transactional
  public void upgradeHash(String name, String password) {
    ConsoleUserEntity user = em.find(ConsoleUserEntity.class, name);
    if (user != null && PasswordHasher.needsUpgrade(user.getPasswordHash())) {
      user.rehash(PasswordHasher.hash(password));
    }
  }

  /** Deletes a tenant's user and their sessions; returns whether there was one. */
  @Transactional
  public boolean delete(String tenant, String name) {
    ConsoleUserEntity user = em.find(ConsoleUserEntity.class, name);
    if (user == null || !user.getTenant().filter(tenant::equals).isPresent()) {
      return false;
    }
    em.remove(user);
    em.createQuery("delete from ConsoleSessionEntity s where s.userName = :user")
        .setParameter("user", name)
        .executeUpdate();
    return true;
  }
}

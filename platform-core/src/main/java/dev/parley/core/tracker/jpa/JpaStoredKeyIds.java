package dev.parley.core.tracker.jpa;

import dev.parley.core.crypto.PayloadCipher;
import dev.parley.core.tracker.StoredKeyIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the key ids of stored event batches that no configured key has, with portable queries only:
 * one query for a row sealed under none of the known ids, whose id is then added to the known ones,
 * until no such row is left or the limit is reached. With every key configured that is one query (a
 * scan of the event batches).
 */
@ApplicationScoped
public class JpaStoredKeyIds implements StoredKeyIds {

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  /** For CDI. */
  public JpaStoredKeyIds() {}

  @Override
  @Transactional
  public List<String> missingFrom(Set<String> configured, int limit) {
    Set<String> known = new LinkedHashSet<>(configured);
    List<String> missing = new ArrayList<>();
    while (missing.size() < limit) {
      Optional<String> next = rowUnderNoneOf(known).flatMap(PayloadCipher::keyIdOf);
      if (next.isEmpty() || !known.add(next.get())) {
        break;
      }
      missing.add(next.get());
    }
    return missing;
  }

  /**
   * One event batch sealed under a key not in {@code known}, if there is one (the whole payload:
   * Hibernate does not take {@code substring} of the {@code clob} H2 stores it in).
   */
  private Optional<String> rowUnderNoneOf(Set<String> known) {
    StringBuilder jpql =
        new StringBuilder(
            "select b.payload from EventBatchEntity b where b.payload like :sealed escape '!'");
    for (int i = 0; i < known.size(); i++) {
      jpql.append(" and b.payload not like :k").append(i).append(" escape '!'");
    }
    TypedQuery<String> query =
        em.createQuery(jpql.toString(), String.class)
            .setParameter("sealed", likePrefix(PayloadCipher.PREFIX))
            .setMaxResults(1);
    int i = 0;
    for (String id : known) {
      query.setParameter("k" + i++, likePrefix(PayloadCipher.PREFIX + id + ":"));
    }
    return query.getResultStream().findFirst();
  }

  private static String likePrefix(String prefix) {
    return prefix.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%";
  }
}

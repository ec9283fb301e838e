package dev.parley.core.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies a database failure by its cause chain: transient (the same work may succeed when tried
 * again: connection refused or lost, serialization failure, deadlock, server shutting down or
 * starting), a unique-key violation, or anything else.
 */
public final class DatabaseFailures {

  /** What a failure means for a retry. */
  public enum Kind {
    /** Trying again may succeed; whether the failed work was committed is unknown. */
    TRANSIENT,
    /** A unique or primary key already exists. */
    DUPLICATE_KEY,
    /** Trying again will fail again. */
    PERMANENT
  }

  /**
   * SQLState classes: 08 connection exception, 40 transaction rollback (serialization, deadlock).
   */
  private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40");

  /**
   * PostgreSQL states outside those classes: 53300 too many connections, 57P01 admin shutdown,
   * 57P02 crash shutdown, 57P03 cannot connect now (starting up), 55P03 lock not available.
   */
  private static final Set<String> TRANSIENT_STATES =
      Set.of("53300", "57P01", "57P02", "57P03", "55P03");

  private static final String UNIQUE_VIOLATION = "23505";

  private DatabaseFailures() {}

  /** The kind of a failure, judged by the first SQL failure in its cause chain. */
  public static Kind classify(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      Optional<Kind> kind = kindOf(t);
      if (kind.isPresent()) {
        return kind.get();
      }
    }
    return Kind.PERMANENT;
  }

  /** Whether trying the same work again may succeed. */
  public static boolean isTransient(Throwable failure) {
    return classify(failure) == Kind.TRANSIENT;
  }

  private static Optional<Kind> kindOf(Throwable t) {
    if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
      return Optional.of(Kind.TRANSIENT);
    }
    if (!(t instanceof SQLException sql)) {
      return Optional.empty();
    }
    for (SQLException e = sql; e != null; e = e.getNextException()) {
      String state = e.getSQLState();
      if (state == null || state.length() != 5) {
        continue;
      }
      if (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_STATES.contains(state)) {
        return Optional.of(Kind.TRANSIENT);
      }
      if (UNIQUE_VIOLATION.equals(state)) {
        return Optional.of(Kind.DUPLICATE_KEY);
      }
    }
    // Wrappers (the pool's, the driver's) may carry another state: look further down the chain.
    return Optional.empty();
  }
}

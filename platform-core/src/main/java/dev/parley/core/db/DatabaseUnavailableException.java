package dev.parley.core.db;

/**
 * The database failed transiently on every try, or did not answer in time. Every caller, channel
 * turns included, gets 503 {@code database_unavailable}: the turn stored nothing, or its outcome is
 * unknown, and a client that sends it again with the same {@code message_id} gets it done once.
 */
public class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** After the given number of tries, with the last failure as cause. */
  public DatabaseUnavailableException(int attempts, Throwable lastFailure) {
    super("the database is unavailable (" + attempts + " tries failed)", lastFailure);
  }

  /** For a database that did not answer in time, said in the message. */
  public DatabaseUnavailableException(String message) {
    super(message);
  }
}

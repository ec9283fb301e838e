package dev.parley.core.db;

/**
 * The database failed transiently on every try. API callers get 503 {@code database_unavailable}; a
 * channel turn answers with the bot's apology sentence.
 */
public class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** After the given number of tries, with the last failure as cause. */
  public DatabaseUnavailableException(int attempts, Throwable lastFailure) {
    super("the database is unavailable (" + attempts + " tries failed)", lastFailure);
  }
}

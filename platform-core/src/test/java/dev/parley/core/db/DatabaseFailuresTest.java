package dev.parley.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.db.DatabaseFailures.Kind;
import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  /** As the pool and the JPA provider wrap the driver's exception. */
  private static RuntimeException wrapped(Throwable cause) {
    return new IllegalStateException(
        "jakarta.transaction.RollbackException", new RuntimeException("could not execute", cause));
  }

  @Test
  void connectionFailuresAreTransient() {
    SQLException refused =
        new SQLException("Connection refused", "08001", new ConnectException("refused"));
    assertEquals(Kind.TRANSIENT, DatabaseFailures.classify(wrapped(refused)));
    assertTrue(DatabaseFailures.isTransient(new SQLException("closed", "08003")));
    assertTrue(DatabaseFailures.isTransient(new SQLException("I/O error", "08006")));
  }

  @Test
  void serializationFailuresAndDeadlocksAreTransient() {
    assertTrue(DatabaseFailures.isTransient(wrapped(new SQLException("serialize", "40001"))));
    assertTrue(DatabaseFailures.isTransient(wrapped(new SQLException("deadlock", "40P01"))));
  }

  @Test
  void serverShutdownAndStartupAreTransient() {
    assertTrue(DatabaseFailures.isTransient(new SQLException("admin shutdown", "57P01")));
    assertTrue(DatabaseFailures.isTransient(new SQLException("starting up", "57P03")));
    assertTrue(DatabaseFailures.isTransient(new SQLException("too many connections", "53300")));
  }

  @Test
  void transientExceptionTypesAreTransientWithoutState() {
    assertTrue(DatabaseFailures.isTransient(wrapped(new SQLTransientConnectionException("pool"))));
    assertTrue(DatabaseFailures.isTransient(new SQLTransactionRollbackException("rolled back")));
    assertTrue(DatabaseFailures.isTransient(new SQLRecoverableException("recoverable")));
  }

  @Test
  void aWrapperWithAnotherStateDoesNotHideTheDriversState() {
    SQLException driver = new SQLException("terminating connection", "57P01");
    SQLException pool = new SQLException("DSRA0080E", "HY000", driver);
    assertTrue(DatabaseFailures.isTransient(wrapped(pool)));
  }

  @Test
  void theNextExceptionOfABatchCounts() {
    BatchUpdateException batch = new BatchUpdateException("Batch entry 0", null, 0, new int[0]);
    batch.setNextException(new SQLException("I/O error", "08006"));
    assertTrue(DatabaseFailures.isTransient(wrapped(batch)));
  }

  @Test
  void uniqueViolationIsADuplicateKey() {
    assertEquals(
        Kind.DUPLICATE_KEY,
        DatabaseFailures.classify(wrapped(new SQLException("duplicate key", "23505"))));
  }

  @Test
  void otherFailuresArePermanent() {
    assertEquals(Kind.PERMANENT, DatabaseFailures.classify(new SQLException("syntax", "42601")));
    assertEquals(Kind.PERMANENT, DatabaseFailures.classify(new SQLException("not null", "23502")));
    assertEquals(
        Kind.PERMANENT, DatabaseFailures.classify(new SQLNonTransientConnectionException("bad")));
    assertEquals(Kind.PERMANENT, DatabaseFailures.classify(new IllegalStateException("bug")));
    assertFalse(DatabaseFailures.isTransient(new SQLException("no state")));
  }

  @Test
  void aCyclicCauseChainEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertEquals(Kind.PERMANENT, DatabaseFailures.classify(a));
  }
}

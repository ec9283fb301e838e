package dev.parley.core.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

/** A lost race between two requests (found by the fuzzer as a 500) is told apart from a bug. */
class ErrorMappersTest {

  @Test
  void aLostRaceBetweenTwoDeletesIsAConcurrentChange() {
    RuntimeException lost =
        new TransactionalException(
            "rolled back", new RuntimeException(new OptimisticLockException("row count 0")));
    assertTrue(ErrorMappers.concurrentChange(lost));
    assertFalse(ErrorMappers.concurrentChange(new IllegalStateException("a bug")));
  }
}
